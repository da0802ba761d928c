"""Output size of one nn.Conv2d: ⌊(n + 2p − d(f − 1) − 1)/s⌋ + 1 along each side.

Varies DL-Q60 (output side of an n×n input through an f×f filter with stride s and padding p),
DL-Q13–DL-Q17 (VALID means no padding, so n − f + 1 at stride 1; SAME at stride 1 keeps the size
with p = (f − 1)/2 per side; DL-Q16: a 3×3 filter on a 3×3 input, stride 1, SAME, gives 3×3).
The book asks these with letters only; ``book_params`` is DL-Q16's instance (one 3×3 channel,
3×3 kernel, SAME), the only one with numbers.

The layer is written as PyTorch code with a drawn input batch (N, C, H, W), kernel, stride,
padding and dilation (square or rectangular, as tuples when they differ along H and W), in one of
three modes: explicit padding, ``padding="valid"`` or ``padding="same"`` (stride 1). Asked: the
output shape in NCHW order; with explicit padding and a stride above 1, whether the last window
ends exactly on the padded input's edge (the floor drops nothing); with SAME, the padding per side;
with VALID, also DL-Q15's general answer n − f + 1 as a formula.

Slips: rounding up instead of down (``no_floor``), padding one side only (``padding_once``),
ignoring the stride or the dilation, keeping the input's channels, H and W swapped, the batch
dimension dropped, and for SAME the total padding f − 1 given as the padding per side.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import integer, part, shape, slip
from interview_sim.kit.arith import conv_out
from interview_sim.model import AnswerKind, Domain

MODES = ("explicit", "valid", "same")
SIZE_SLIPS = {
    "no_floor": "the division is rounded down, not up: ⌊(n + 2p − f)/s⌋ + 1 (a window that "
    "would run past the edge is dropped).",
    "padding_once": "the padding is added on both sides: n + 2p − f, not n + p − f.",
    "stride_ignored": "the stride divides the range: ⌊(n + 2p − f)/s⌋ + 1, not n + 2p − f + 1.",
    "dilation_ignored": "a dilated kernel spans d·(f − 1) + 1 pixels, not f: use that span as "
    "the window size.",
}


def span(f: int, d: int) -> int:
    """The pixels a dilated kernel covers along one side: d·(f − 1) + 1."""
    return d * (f - 1) + 1


def padding_of(params: dict) -> list[int]:
    """The padding per side actually applied along H and W."""
    if params["mode"] == "same":
        return [
            (span(f, d) - 1) // 2 for f, d in zip(params["kernel"], params["dilation"], strict=True)
        ]
    if params["mode"] == "valid":
        return [0, 0]
    return list(params["padding"])


def side(params: dict, axis: int, slip_name: str | None = None) -> int:
    """The output size along axis 0 (H) or 1 (W), optionally with a catalogued slip."""
    n = params["input_shape"][2 + axis]
    f, s, d = params["kernel"][axis], params["stride"][axis], params["dilation"][axis]
    p = padding_of(params)[axis]
    if slip_name == "dilation_ignored":
        return conv_out(n, f, s, p)
    return conv_out(n, span(f, d), s, p, slip_name)


def check(params: dict) -> None:
    mode = params["mode"]
    if mode != "explicit" and params["padding"] != [0, 0]:
        raise ParamError("padding", f'must be [0, 0] with mode "{mode}" (the mode sets it)')
    if mode == "same":
        if params["stride"] != [1, 1]:
            raise ParamError("stride", 'PyTorch allows padding="same" only with stride 1')
        if any(
            span(f, d) % 2 == 0 for f, d in zip(params["kernel"], params["dilation"], strict=True)
        ):
            raise ParamError(
                "kernel",
                "SAME here needs an odd kernel span d·(f − 1) + 1 so the padding splits evenly",
            )
    n, c, h, w = params["input_shape"]
    if params["in_channels"] != c:
        raise ParamError(
            "in_channels",
            f"the input has {c} channels, so the Conv2d needs in_channels={c}, "
            f"not {params['in_channels']}",
        )
    pads = padding_of(params)
    for axis, name in enumerate("HW"):
        n_side = params["input_shape"][2 + axis]
        reach = span(params["kernel"][axis], params["dilation"][axis])
        if reach > n_side + 2 * pads[axis]:
            raise ParamError(
                "kernel",
                f"the kernel spans {reach} pixels along {name} but the padded input has only "
                f"{n_side + 2 * pads[axis]}; PyTorch raises a RuntimeError",
            )


def _pair(rng: Random, choices: tuple, weights: tuple, rectangular: bool) -> list[int]:
    first = rng.choices(choices, weights=weights)[0]
    return [first, rng.choices(choices, weights=weights)[0] if rectangular else first]


def draw(rng: Random) -> dict:
    while True:
        mode = rng.choices(MODES, weights=(6, 2, 2))[0]
        square = rng.random() < 0.6
        h = rng.choice((rng.randint(5, 64), rng.choice((28, 32, 64, 96, 128, 224, 227, 256))))
        w = h if square else rng.randint(5, 256)
        c = rng.choice((1, 3, 3, 8, 16, 32, 64))
        rect = rng.random() < 0.25
        kernel = _pair(rng, (1, 2, 3, 4, 5, 7, 11), (1, 1, 8, 1, 4, 3, 1), rect)
        stride = [1, 1] if mode == "same" else _pair(rng, (1, 2, 3, 4), (3, 5, 2, 1), rect)
        dilation = _pair(rng, (1, 2, 3), (8, 2, 1), False) if rng.random() < 0.2 else [1, 1]
        padding = _pair(rng, (0, 1, 2, 3), (2, 4, 2, 1), rect) if mode == "explicit" else [0, 0]
        params = {
            "input_shape": [rng.choice((1, 2, 4, 8, 16, 32)), c, h, w],
            "in_channels": c,
            "out_channels": rng.choice((4, 6, 8, 12, 16, 32, 64, 128)),
            "kernel": kernel,
            "stride": stride,
            "padding": padding,
            "dilation": dilation,
            "mode": mode,
        }
        try:
            check(params)
        except ParamError:
            continue
        if min(side(params, 0), side(params, 1)) >= 2:
            return params


def _code_args(params: dict) -> str:
    def arg(name: str, values: list[int], default: int | None) -> str:
        if values[0] == values[1]:
            return "" if values[0] == default else f", {name}={values[0]}"
        return f", {name}=({values[0]}, {values[1]})"

    kernel = params["kernel"]
    text = f"{kernel[0]}" if kernel[0] == kernel[1] else f"({kernel[0]}, {kernel[1]})"
    text = f"kernel_size={text}" + arg("stride", params["stride"], 1)
    if params["mode"] == "explicit":
        text += arg("padding", params["padding"], 0)
    else:
        text += f', padding="{params["mode"]}"'
    return text + arg("dilation", params["dilation"], 1)


def code(params: dict) -> str:
    n, c, h, w = params["input_shape"]
    conv = f"nn.Conv2d({params['in_channels']}, {params['out_channels']}, {_code_args(params)})"
    return "\n".join(
        [
            "import torch",
            "import torch.nn as nn",
            "",
            f"conv = {conv}",
            f"x = torch.randn({n}, {c}, {h}, {w})",
            "y = conv(x)",
        ]
    )


def _formula(params: dict, axis: int) -> dict:
    """One side's arithmetic, for the worked solution."""
    n = params["input_shape"][2 + axis]
    f, s, d = params["kernel"][axis], params["stride"][axis], params["dilation"][axis]
    p = padding_of(params)[axis]
    reach = span(f, d)
    inner = n + 2 * p - reach
    return {
        "axis": "HW"[axis],
        "n": n,
        "f": f,
        "s": s,
        "d": d,
        "p": p,
        "span": reach,
        "inner": inner,
        "quotient": inner // s,
        "remainder": inner % s,
        "out": inner // s + 1,
    }


def solve(params: dict) -> Solved:
    n, c, h, w = params["input_shape"]
    out_c = params["out_channels"]
    out = (n, out_c, side(params, 0), side(params, 1))
    mistakes = []
    for name, why in SIZE_SLIPS.items():
        if name == "dilation_ignored" and params["dilation"] == [1, 1]:
            continue
        slipped = (n, out_c, side(params, 0, name), side(params, 1, name))
        if min(slipped) > 0:
            mistakes.append(slip(name, why, slipped))
    mistakes += [
        slip(
            "channels_not_updated",
            f"a Conv2d outputs out_channels = {out_c} channels, whatever it receives.",
            (n, c, out[2], out[3]),
        ),
        slip(
            "hw_swapped",
            "PyTorch's order is (N, C, H, W): height before width.",
            (n, out_c, out[3], out[2]),
        ),
        slip("batch_dropped", "the batch dimension N stays in front.", out[1:]),
    ]
    parts = [
        shape(
            "out_shape",
            "Shape of y = conv(x), in PyTorch's order (N, C, H, W)",
            out,
            *mistakes,
            hint="four whole numbers (N, C, H, W), e.g. (2, 8, 30, 30)",
        )
    ]
    sides = [_formula(params, 0), _formula(params, 1)]
    mode, strided = params["mode"], params["stride"] != [1, 1]
    if mode != "same" and strided:
        exact = all(x["remainder"] == 0 for x in sides)
        parts.append(
            part(
                AnswerKind.BOOLEAN,
                "fits_exactly",
                "Does the last window end exactly on the far edge of the padded input along "
                "both H and W, so that the rounding down drops no row or column?",
                exact,
            )
        )
    if mode == "valid":
        n_, f_ = sympy.symbols("n f", positive=True)
        parts.append(
            part(
                AnswerKind.EXPRESSION,
                "valid_formula",
                "In general, at stride 1 with no padding (VALID), what is the output side for an "
                "n×n input and an f×f kernel, as a formula in n and f",
                n_ - f_ + 1,
                slip("off_by_one", "the first window fits too: n − f positions plus 1.", n_ - f_),
                slip(
                    "full_size",
                    "n + f − 1 is the 'full' size, where every partial overlap counts; VALID "
                    "keeps only windows inside the image.",
                    n_ + f_ - 1,
                ),
                symbols=(("n", Domain.POSITIVE), ("f", Domain.POSITIVE)),
                hint="an expression in n and f, e.g. 2*n - f",
            )
        )
    if mode == "same":
        pads = padding_of(params)
        totals = [2 * p for p in pads]
        if pads[0] == pads[1]:
            parts.append(
                integer(
                    "same_padding",
                    'How many rows of zeros does padding="same" add on each side (top, and '
                    "again bottom)?",
                    pads[0],
                    slip(
                        "padding_once",
                        f"{totals[0]} is the total padding; it is split equally over the two "
                        f"sides, {pads[0]} each.",
                        totals[0],
                    ),
                )
            )
        else:
            parts.append(
                shape(
                    "same_padding",
                    "Rows of zeros added on each side along H, and columns along W, as (p_H, p_W)",
                    tuple(pads),
                    slip(
                        "padding_once",
                        "that is the total padding; it is split equally over the two sides.",
                        tuple(totals),
                    ),
                    hint="two whole numbers (p_H, p_W), e.g. (2, 1)",
                )
            )
    square = sides[0] == {**sides[1], "axis": "H"}
    facts = {
        "code": code(params),
        "out": out,
        "sides": sides[:1] if square else sides,
        "square": square,
        "dilated": params["dilation"] != [1, 1],
        "pads": padding_of(params),
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="conv_output_size",
    chapter="deep_learning",
    title="Output size of a convolution",
    book_refs=("DL-Q60", "DL-Q13", "DL-Q14", "DL-Q15", "DL-Q16", "DL-Q17"),
    params=(
        Param(
            "input_shape", "input batch (N, C, H, W)", "integers", low=1, high=4096, length=(4, 4)
        ),
        Param("in_channels", "the Conv2d's in_channels", "integer", low=1, high=4096),
        Param("out_channels", "the Conv2d's out_channels", "integer", low=1, high=4096),
        Param("kernel", "kernel size (f_H, f_W)", "integers", low=1, high=64, length=(2, 2)),
        Param("stride", "stride (s_H, s_W)", "integers", low=1, high=64, length=(2, 2)),
        Param(
            "padding",
            "zero padding per side (p_H, p_W); [0, 0] unless mode is explicit",
            "integers",
            low=0,
            high=64,
            length=(2, 2),
        ),
        Param("dilation", "dilation (d_H, d_W)", "integers", low=1, high=16, length=(2, 2)),
        Param(
            "mode",
            'explicit padding, padding="valid" (none) or padding="same" (stride 1)',
            "choice",
            options=MODES,
        ),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={
        "input_shape": [1, 1, 3, 3],
        "in_channels": 1,
        "out_channels": 1,
        "kernel": [3, 3],
        "stride": [1, 1],
        "padding": [0, 0],
        "dilation": [1, 1],
        "mode": "same",
    },
)
