"""A 1-D pipeline by hand: convolution layer, then ReLU, then max pooling, one vector per stage.

Varies DL-Q66–DL-Q68: a column of daily case counts (the book's begins 7, 3, −6 and ends 5; the
middle is elided in every transcription, and the question stem is lost) goes through a
convolution with the filter [3, 1], a ReLU and a max pool, and each stage's tensor is asked. The
book's instance is incomplete, so ``book_params`` completes it with our own middle entries
(7, 3, −6, 2, −4, 5) and says so; the filter is the book's.

Drawn: the input (5–9 whole numbers, some negative), the filter (2 or 3 taps), an optional bias,
zero padding 0 or 1, and the pool (kernel 2 or 3, stride = kernel). Deep-learning "convolution"
layers compute a cross-correlation (no flip), which the statement shows as PyTorch code.

Slips: the filter flipped (a true convolution), the bias left out, the padding forgotten, ReLU
taken as an absolute value, the pool's stride taken as 1, a partial last window kept (ceil
mode), and the average instead of the maximum.
"""

from __future__ import annotations

from random import Random

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import conv_out, correlate, mean, part, pool, relu, slip, zero_pad
from interview_sim.model import AnswerKind


def conv1d(x: list, w: list, bias, padding: int, flipped: bool = False) -> list:
    """PyTorch's conv1d on one channel: pad, slide the filter (turned if ``flipped``), add bias."""
    taps = list(reversed(w)) if flipped else list(w)
    padded = zero_pad([list(x)], 0, padding)
    return [v + bias for v in correlate(padded, [taps])[0]]


def pool1d(v: list, k: int, stride: int, how=max, ceil: bool = False) -> list:
    if ceil:
        count = conv_out(len(v), k, stride, slip="no_floor")
        return [how(v[i * stride : i * stride + k]) for i in range(count)]
    return pool([list(v)], (1, k), (1, stride), how)[0]


def check(params: dict) -> None:
    x, w, p, k = params["x"], params["w"], params["padding"], params["pool"]
    length = len(x) + 2 * p - len(w) + 1
    if length < 1:
        raise ParamError("w", f"a {len(w)}-tap filter does not fit {len(x)} inputs padded by {p}")
    if k > length:
        raise ParamError("pool", f"a pool of {k} does not fit the {length} convolution outputs")


def _stages(params: dict) -> tuple[list, list, list]:
    conv = conv1d(params["x"], params["w"], params["bias"], params["padding"])
    rectified = relu(conv)
    k = params["pool"]
    return conv, rectified, pool1d(rectified, k, k)


def draw(rng: Random) -> dict:
    while True:
        taps = rng.choice((2, 2, 3))
        w = [rng.choice((-3, -2, -1, 1, 2, 3)) for _ in range(taps)]
        params = {
            "x": [rng.randint(-9, 9) for _ in range(rng.randint(5, 9))],
            "w": w,
            "bias": rng.choice((0, 0, -2, -1, 1, 2)),
            "padding": rng.choice((0, 0, 1)),
            "pool": rng.choice((2, 2, 3)),
        }
        if w == list(reversed(w)):
            continue
        try:
            check(params)
        except ParamError:
            continue
        conv, rectified, pooled = _stages(params)
        if min(conv) < 0 < max(conv) and len(pooled) >= 2:
            return params


def _vector(values: list) -> tuple:
    return tuple(values)


def solve(params: dict) -> Solved:
    x, w, b, p, k = params["x"], params["w"], params["bias"], params["padding"], params["pool"]
    conv, rectified, pooled = _stages(params)
    conv_mistakes = [
        slip(
            "kernel_flipped",
            "a convolution layer computes a cross-correlation: the filter slides as written, "
            "without being reversed.",
            _vector(conv1d(x, w, b, p, flipped=True)),
        ),
        slip(
            "bias_forgotten", f"the bias {b} is added to every output.", _vector(conv1d(x, w, 0, p))
        )
        if b
        else None,
        slip(
            "padding_forgotten",
            f"padding={p} adds {p} zero at each end before the filter slides.",
            _vector(conv1d(x, w, b, 0)),
        )
        if p
        else None,
    ]
    relu_mistakes = [
        slip(
            "absolute_value",
            "ReLU sets negative values to 0; it does not flip their sign.",
            _vector([abs(v) for v in conv]),
        ),
        slip(
            "relu_on_flipped",
            "the filter was reversed at the first stage (a true convolution), and the error "
            "carried on.",
            _vector(relu(conv1d(x, w, b, p, flipped=True))),
        ),
    ]
    pool_mistakes = [
        slip(
            "stride_ignored",
            f"nn.MaxPool1d({k}) moves by its kernel size, {k}, unless told otherwise.",
            _vector(pool1d(rectified, k, 1)),
        ),
        slip(
            "no_floor",
            "the default ceil_mode=False drops a last window that would run past the end.",
            _vector(pool1d(rectified, k, k, ceil=True)),
        ),
        slip(
            "average_not_max",
            "max pooling keeps the largest value of each window, not the mean.",
            _vector(pool1d(rectified, k, k, how=mean)),
        ),
    ]
    parts = [
        part(
            AnswerKind.VECTOR,
            "conv",
            "Output of the convolution layer (a vector)",
            _vector(conv),
            *conv_mistakes,
            hint=f"{len(conv)} numbers, e.g. [1, -2, 3]",
        ),
        part(
            AnswerKind.VECTOR,
            "relu",
            "After the ReLU",
            _vector(rectified),
            *relu_mistakes,
            hint=f"{len(conv)} numbers",
        ),
        part(
            AnswerKind.VECTOR,
            "maxpool",
            f"After nn.MaxPool1d({k})",
            _vector(pooled),
            *pool_mistakes,
            hint=f"{len(pooled)} numbers",
        ),
    ]
    padded = [0] * p + list(x) + [0] * p
    steps = [
        {
            "window": padded[i : i + len(w)],
            "terms": " + ".join(
                f"{_p(a)}·{_p(c)}" for a, c in zip(w, padded[i : i + len(w)], strict=True)
            ),
            "value": conv[i],
        }
        for i in range(len(conv))
    ]
    windows = [rectified[i * k : i * k + k] for i in range(len(pooled))]
    dropped = len(rectified) - len(pooled) * k
    facts = {
        "code": _code(params),
        "steps": steps,
        "conv": conv,
        "rectified": rectified,
        "pooled": pooled,
        "windows": windows,
        "dropped": dropped,
        "negatives": [i + 1 for i, v in enumerate(conv) if v < 0],
    }
    return Solved(parts, facts)


def _p(v) -> str:
    return f"({v})" if v < 0 else str(v)


def _code(params: dict) -> str:
    x, w, b, p, k = params["x"], params["w"], params["bias"], params["padding"], params["pool"]
    conv = f"nn.Conv1d(1, 1, kernel_size={len(w)}" + (f", padding={p}" if p else "")
    conv += ", bias=False)" if not b else ")"
    lines = [
        "import torch",
        "import torch.nn as nn",
        "",
        f"x = torch.tensor([[{x}]], dtype=torch.float32)  # shape (1, 1, {len(x)})",
        f"conv = {conv}",
        "with torch.no_grad():",
        f"    conv.weight[:] = torch.tensor([[{w}]], dtype=torch.float32)",
    ]
    if b:
        lines.append(f"    conv.bias[:] = {b}")
    lines += [
        f"model = nn.Sequential(conv, nn.ReLU(), nn.MaxPool1d({k}))",
        "y = model(x)",
    ]
    return "\n".join(lines)


FAMILY = Family(
    id="conv1d_relu_maxpool",
    chapter="deep_learning",
    title="A 1-D convolution, ReLU and max pooling by hand",
    book_refs=("DL-Q66", "DL-Q67", "DL-Q68"),
    params=(
        Param("x", "the input sequence", "integers", low=-99, high=99, length=(2, 16)),
        Param("w", "the filter's taps, in order", "integers", low=-9, high=9, length=(1, 5)),
        Param("bias", "the convolution's bias (0: bias=False)", "integer", low=-9, high=9),
        Param("padding", "zeros added at each end", "integer", low=0, high=2),
        Param("pool", "MaxPool1d kernel (stride = kernel)", "integer", low=1, high=4),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_numbers=False,  # the book prints only part of it: book_params complete it
    book_params={"x": [7, 3, -6, 2, -4, 5], "w": [3, 1], "bias": 0, "padding": 0, "pool": 2},
)
