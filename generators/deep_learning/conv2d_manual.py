"""A 2-D convolution or cross-correlation by hand: output shape and values.

Varies the DL chapter's SciPy item (DL-Q18): ``convolve2d`` of a 6×6 image whose left half is 3
and right half 1 with a 3×3 kernel whose first column is 2 and last column −2, mode 'valid':
a 4×4 output, smaller because no padding is used, with −12 along the edge. True convolution flips
the kernel by 180° before sliding it, so the book's kernel becomes an edge detector of the
opposite sign; correlation (which is what ``torch.nn.functional.conv2d`` and every CNN layer
compute) would give +12. The answer follows the operator the code names.

Drawn: the image (4–6 rows and columns: a vertical or horizontal step, a ramp, or small whole
numbers), the kernel (2×2 or 3×3: Sobel, Prewitt, a derivative, or small whole numbers, never
symmetric under a 180° turn, so the two operators differ), the operator (SciPy ``convolve2d``,
SciPy ``correlate2d`` or PyTorch ``F.conv2d``) and the mode ('valid', 'same', 'full'; PyTorch's
padding and stride). Asked: the output shape and the output values.

Slips: the kernel not flipped for a convolution (``kernel_not_flipped``) or flipped for a
correlation (``kernel_flipped``), flipped along one axis only, the wrong mode's size and values,
and for PyTorch the stride ignored.
"""

from __future__ import annotations

from random import Random

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import conv_out, convolve, correlate, flip, part, shape, slip, zero_pad
from interview_sim.model import AnswerKind

OPERATORS = ("scipy_convolve", "scipy_correlate", "torch_conv2d")
MODES = ("valid", "same", "full")
MAX_ENTRIES = 20  # an output a candidate can work and type by hand


def padding(mode: str, k: int) -> int:
    return {"valid": 0, "same": (k - 1) // 2, "full": k - 1}[mode]


def apply(x, kernel, operator: str, mode: str, stride: int = 1, flipped: bool | None = None):
    """The operator's output: pad for the mode, then slide (correlation, or convolution = the
    kernel turned by 180°). ``flipped`` overrides whether the kernel is turned (for the slips)."""
    k = len(kernel)
    padded = zero_pad(x, padding(mode, k))
    turn = operator == "scipy_convolve" if flipped is None else flipped
    compute = convolve if turn else correlate
    return compute(padded, kernel, (stride, stride))


def check(params: dict) -> None:
    x, kernel = params["x"], params["kernel"]
    k = len(kernel)
    if len(kernel[0]) != k:
        raise ParamError("kernel", "must be square (2×2 or 3×3)")
    if params["mode"] == "same" and k % 2 == 0:
        raise ParamError(
            "mode", "'same' is asked only for odd kernels (an even one cannot be centred)"
        )
    if params["operator"] != "torch_conv2d" and params["stride"] != 1:
        raise ParamError("stride", "SciPy's convolve2d/correlate2d have no stride; use 1")
    side = len(x) + 2 * padding(params["mode"], k)
    if k > min(side, len(x[0]) + 2 * padding(params["mode"], k)):
        raise ParamError("kernel", f"a {k}×{k} kernel does not fit the {len(x)}×{len(x[0])} image")


def _image(rng: Random, rows: int, cols: int) -> list[list[int]]:
    style = rng.choice(("vstep", "hstep", "ramp", "random", "random"))
    a, b = rng.sample((0, 1, 2, 3, 4, 5), 2)
    if style == "vstep":
        cut = rng.randint(1, cols - 1)
        return [[a if j < cut else b for j in range(cols)] for _ in range(rows)]
    if style == "hstep":
        cut = rng.randint(1, rows - 1)
        return [[a if i < cut else b for _ in range(cols)] for i in range(rows)]
    if style == "ramp":
        return [[(i + j) % 4 for j in range(cols)] for i in range(rows)]
    return [[rng.randint(0, 4) for _ in range(cols)] for _ in range(rows)]


KERNELS = (
    [[1, 0, -1], [2, 0, -2], [1, 0, -1]],  # Sobel x
    [[1, 2, 1], [0, 0, 0], [-1, -2, -1]],  # Sobel y
    [[1, 0, -1], [1, 0, -1], [1, 0, -1]],  # Prewitt x
    [[2, 0, -2], [2, 0, -2], [2, 0, -2]],  # the book's
    [[1, -1], [0, 0]],
    [[1, 0], [0, -1]],  # Roberts
    [[0, 1], [-1, 0]],
)


def _kernel(rng: Random) -> list[list[int]]:
    if rng.random() < 0.5:
        kernel = [list(row) for row in rng.choice(KERNELS)]
        return kernel if rng.random() < 0.5 else flip(kernel)
    k = rng.choice((2, 3))
    return [[rng.randint(-2, 2) for _ in range(k)] for _ in range(k)]


def draw(rng: Random) -> dict:
    while True:
        rows, cols = rng.randint(4, 6), rng.randint(4, 6)
        operator = rng.choice(OPERATORS)
        kernel = _kernel(rng)
        k = len(kernel)
        mode = rng.choice(MODES if k % 2 else ("valid", "full"))
        stride = rng.choice((1, 1, 2)) if operator == "torch_conv2d" else 1
        params = {
            "x": _image(rng, rows, cols),
            "kernel": kernel,
            "operator": operator,
            "mode": mode,
            "stride": stride,
        }
        out = apply(params["x"], kernel, operator, mode, stride)
        other = apply(params["x"], kernel, operator, mode, stride, operator != "scipy_convolve")
        distinct = len({v for row in out for v in row})
        if 2 <= len(out) * len(out[0]) <= MAX_ENTRIES and distinct >= 2 and out != other:
            return params


def code(params: dict) -> str:
    x, kernel = params["x"], params["kernel"]
    k = len(kernel)
    image = _rows(x, "    ")
    weights = _rows(kernel, "    ")
    if params["operator"] == "torch_conv2d":
        p, s = padding(params["mode"], k), params["stride"]
        args = (f", stride={s}" if s != 1 else "") + (f", padding={p}" if p else "")
        return "\n".join(
            [
                "import torch",
                "import torch.nn.functional as F",
                "",
                f"# x: shape (1, 1, {len(x)}, {len(x[0])}); w: shape (1, 1, {k}, {k})",
                f"x = torch.tensor([[{image}]], dtype=torch.float32)",
                f"w = torch.tensor([[{weights}]], dtype=torch.float32)",
                f"y = F.conv2d(x, w{args})",
            ]
        )
    name = "convolve2d" if params["operator"] == "scipy_convolve" else "correlate2d"
    return "\n".join(
        [
            "import numpy as np",
            f"from scipy.signal import {name}",
            "",
            f"x = np.array({image})",
            f"k = np.array({weights})",
            f'y = {name}(x, k, mode="{params["mode"]}")',
        ]
    )


def _rows(grid, indent: str) -> str:
    """A nested list written one row per line, as code."""
    body = (",\n" + indent).join(str(list(row)) for row in grid)
    return f"[\n{indent}{body},\n]"


def _matrix(grid) -> tuple:
    return tuple(tuple(row) for row in grid)


def solve(params: dict) -> Solved:
    x, kernel, operator, mode, stride = (
        params[name] for name in ("x", "kernel", "operator", "mode", "stride")
    )
    k = len(kernel)
    out = apply(x, kernel, operator, mode, stride)
    torch = operator == "torch_conv2d"
    convolution = operator == "scipy_convolve"

    def as_shape(rows: int, cols: int) -> tuple:
        return (1, 1, rows, cols) if torch else (rows, cols)

    size = as_shape(len(out), len(out[0]))
    shape_mistakes = []
    value_mistakes = [
        slip(
            "kernel_not_flipped",
            "convolve2d is a true convolution: it turns the kernel by 180° before sliding it; "
            "that is the correlation.",
            _matrix(apply(x, kernel, operator, mode, stride, flipped=False)),
        )
        if convolution
        else slip(
            "kernel_flipped",
            f"{'F.conv2d' if torch else 'correlate2d'} computes a cross-correlation: the kernel "
            "is slid as it is, not turned by 180°.",
            _matrix(apply(x, kernel, operator, mode, stride, flipped=True)),
        ),
    ]
    if convolution:
        for axis, turned in (
            ("rows", [list(row) for row in reversed(kernel)]),
            ("columns", [list(reversed(row)) for row in kernel]),
        ):
            value_mistakes.append(
                slip(
                    "half_flipped",
                    f"the kernel was reversed along its {axis} only; convolution turns it by "
                    "180°, reversing rows and columns.",
                    _matrix(correlate(zero_pad(x, padding(mode, k)), turned)),
                )
            )
    for other in MODES:
        if other == mode or (other == "same" and k % 2 == 0):
            continue
        wrong = apply(x, kernel, operator, other, stride)
        why = {
            "valid": "'valid' uses no padding: the kernel stays inside the image.",
            "same": f"'same' pads {(k - 1) // 2} zeros on each side and keeps the image's size.",
            "full": f"'full' pads {k - 1} zeros on each side: every overlap counts.",
        }[other]
        tag = "wrong_mode"
        text = f"{why} This code uses " + (
            f"padding={padding(mode, k)}." if torch else f"mode='{mode}'."
        )
        shape_mistakes.append(slip(tag, text, as_shape(len(wrong), len(wrong[0]))))
        value_mistakes.append(slip(tag, text, _matrix(wrong)))
    if stride != 1:
        wrong = apply(x, kernel, operator, mode, 1)
        why = f"stride={stride} moves the kernel {stride} pixels at a time, skipping positions."
        shape_mistakes.append(slip("stride_ignored", why, as_shape(len(wrong), len(wrong[0]))))
        value_mistakes.append(slip("stride_ignored", why, _matrix(wrong)))
    if len(out) != len(out[0]):
        shape_mistakes.append(
            slip(
                "hw_swapped",
                "rows (height) come before columns (width).",
                as_shape(len(out[0]), len(out)),
            )
        )
    parts = [
        shape(
            "out_shape",
            "Shape of y",
            size,
            *shape_mistakes,
            hint="four whole numbers, e.g. (1, 1, 3, 5)"
            if torch
            else "two whole numbers (rows, columns), e.g. (3, 5)",
        ),
        part(
            AnswerKind.MATRIX,
            "values",
            "The values of y, row by row" + (" (the single channel)" if torch else ""),
            _matrix(out),
            *value_mistakes,
            hint=f"{len(out)} rows of {len(out[0])} numbers, e.g. [[0, 1], [2, 3]]",
        ),
    ]
    p = padding(mode, k)
    used = flip(kernel) if convolution else kernel
    facts = {
        "code": code(params),
        "out": out,
        "used": used,
        "p": p,
        "k": k,
        "rows": conv_out(len(x), k, stride, p),
        "cols": conv_out(len(x[0]), k, stride, p),
        "example": _example(x, used, p, stride, out),
        "shape_text": "(" + ", ".join(map(str, size)) + ")",
        "smaller": len(out) * len(out[0]) < len(x) * len(x[0]),
        "larger": len(out) * len(out[0]) > len(x) * len(x[0]),
    }
    return Solved(parts, facts)


def _example(x, used, p: int, stride: int, out) -> dict:
    """One output entry worked in full: the first whose window straddles a change (a non-zero
    value if there is one), so the arithmetic shown is not all zeros."""
    padded = zero_pad(x, p)
    k = len(used)
    cells = [(i, j) for i, row in enumerate(out) for j in range(len(row))]
    i, j = next(((i, j) for i, j in cells if out[i][j] != 0), (0, 0))
    window = [r[j * stride : j * stride + k] for r in padded[i * stride : i * stride + k]]
    terms = [
        f"{_p(v)}·{_p(w)}"
        for wrow, krow in zip(window, used, strict=True)
        for v, w in zip(wrow, krow, strict=True)
    ]
    return {"i": i + 1, "j": j + 1, "terms": " + ".join(terms), "value": out[i][j]}


def _p(v) -> str:
    return f"({v})" if v < 0 else str(v)


FAMILY = Family(
    id="conv2d_manual",
    chapter="deep_learning",
    title="Convolution and correlation by hand",
    book_refs=("DL-Q18",),
    params=(
        Param(
            "x",
            "the image, row by row",
            "matrix",
            low=-99,
            high=99,
            length=(2, 8),
            cols=(2, 8),
            integer=True,
        ),
        Param(
            "kernel",
            "the kernel, row by row",
            "matrix",
            low=-99,
            high=99,
            length=(1, 5),
            cols=(1, 5),
            integer=True,
        ),
        Param(
            "operator",
            "SciPy convolve2d (true convolution), SciPy correlate2d, or PyTorch F.conv2d "
            "(a correlation)",
            "choice",
            options=OPERATORS,
        ),
        Param("mode", "valid (no padding), same (odd kernels), full", "choice", options=MODES),
        Param("stride", "stride (PyTorch only; 1 for SciPy)", "integer", low=1, high=3),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={
        "x": [[3, 3, 3, 1, 1, 1]] * 6,
        "kernel": [[2, 0, -2]] * 3,
        "operator": "scipy_convolve",
        "mode": "valid",
        "stride": 1,
    },
)
