"""Max pooling (and average pooling) by hand on a small single-channel input.

Varies DL-Q69: nn.MaxPool2d(2, 2) applied to a 4×4 input, asked for the result and what pooling is
for. book_families.md records only the sizes (4×4 input, 2×2 windows, stride 2), not the book's
entries, so ``book_params`` is our own 4×4 instance with those sizes.

Drawn: the input (4–7 rows and columns, small whole numbers, some negative), the window (2 or 3,
square or not) and the stride (1 to the window size), so windows overlap, tile, or leave rows at
the edge that floor mode drops. Asked: the max-pooled output, and in some variants the
average-pooled output with the same window and stride.

Slips: the window moved by 1 instead of the stride (``stride_ignored``), the edge windows kept in
ceil mode (``no_floor``), the average or the minimum instead of the maximum (or the maximum
instead of the average), and the result transposed.
"""

from __future__ import annotations

from random import Random

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import conv_out, mean, part, pool, slip, windows
from interview_sim.model import AnswerKind


def _transpose(grid: list[list]) -> list[list]:
    return [list(col) for col in zip(*grid, strict=True)]


def _ceil_pool(x: list[list], size: tuple[int, int], stride: tuple[int, int], how) -> list[list]:
    """ceil_mode=True: windows that start inside the input but run past its edge are kept,
    cut to the part inside (what the floor slip produces)."""
    (kr, kc), (sr, sc) = size, stride
    rows = conv_out(len(x), kr, sr, slip="no_floor")
    cols = conv_out(len(x[0]), kc, sc, slip="no_floor")
    return [
        [
            how([v for r in x[i * sr : i * sr + kr] for v in r[j * sc : j * sc + kc]])
            for j in range(cols)
        ]
        for i in range(rows)
    ]


def check(params: dict) -> None:
    x = params["x"]
    (kr, kc), (sr, sc) = params["kernel"], params["stride"]
    if kr > len(x) or kc > len(x[0]):
        raise ParamError("kernel", f"a {kr}×{kc} window does not fit a {len(x)}×{len(x[0])} input")
    if sr > kr or sc > kc:
        raise ParamError("stride", "keep the stride at most the window size (no skipped pixels)")


def draw(rng: Random) -> dict:
    while True:
        rows, cols = rng.randint(4, 6), rng.randint(4, 6)
        if rng.random() < 0.5:
            cols = rows
        k = rng.choices((2, 3), weights=(3, 1))[0]
        kernel = [k, k] if rng.random() < 0.85 else [2, 3]
        stride = [rng.randint(1, kernel[0])] * 2 if kernel[0] == kernel[1] else [2, 2]
        low = rng.choice((0, -5))
        x = [[rng.randint(low, 9) for _ in range(cols)] for _ in range(rows)]
        params = {"x": x, "kernel": kernel, "stride": stride, "average": rng.random() < 0.4}
        out = pool(x, tuple(kernel), tuple(stride))
        if 2 <= len(out) * len(out[0]) <= 12:
            return params


def solve(params: dict) -> Solved:
    x = params["x"]
    size, stride = tuple(params["kernel"]), tuple(params["stride"])
    out_max = pool(x, size, stride)
    out_avg = pool(x, size, stride, how=mean)
    one = (1, 1)
    max_mistakes = [
        slip(
            "stride_ignored",
            "the window moves by the stride, not by one pixel.",
            pool(x, size, one),
        )
        if stride != one
        else None,
        slip(
            "no_floor",
            "PyTorch's default ceil_mode=False drops a window that would run past the edge.",
            _ceil_pool(x, size, stride, max),
        ),
        slip(
            "average_not_max",
            "that is the average of each window; max pooling keeps the largest.",
            out_avg,
        ),
        slip(
            "min_not_max",
            "that keeps the smallest value; max pooling keeps the largest.",
            pool(x, size, stride, how=min),
        ),
        slip(
            "transposed",
            "the output keeps the input's orientation: row i of the output comes from rows "
            "i·s … i·s + k − 1 of the input.",
            _transpose(out_max),
        )
        if len(out_max) == len(out_max[0])
        else None,
    ]
    kr, kc = size
    parts = [
        part(
            AnswerKind.MATRIX,
            "max_pool",
            "Output of the max pooling (the H×W values of the single channel, row by row)",
            tuple(tuple(row) for row in out_max),
            *max_mistakes,
            hint=f"{len(out_max)} rows of {len(out_max[0])} numbers, e.g. [[1, 2], [3, 4]]",
        )
    ]
    if params["average"]:
        parts.append(
            part(
                AnswerKind.MATRIX,
                "avg_pool",
                f"Output of nn.AvgPool2d(kernel_size={_arg(size)}, stride={_arg(stride)}) on the "
                "same input",
                tuple(tuple(row) for row in out_avg),
                slip(
                    "max_not_average",
                    "that keeps each window's largest value; average pooling takes the mean.",
                    out_max,
                ),
                slip(
                    "stride_ignored",
                    "the window moves by the stride, not by one pixel.",
                    pool(x, size, one, how=mean),
                )
                if stride != one
                else None,
                slip(
                    "wrong_divisor",
                    f"the mean divides each window's sum by its {kr * kc} entries.",
                    pool(x, size, stride, how=sum),
                ),
                hint=f"{len(out_avg)} rows of {len(out_avg[0])} numbers, e.g. [[1.5, 2], [3, 4]]",
            )
        )
    grid = windows(x, size, stride)
    cells = [
        {
            "i": i,
            "j": j,
            "rows": f"{i * stride[0] + 1}–{i * stride[0] + kr}",
            "cols": f"{j * stride[1] + 1}–{j * stride[1] + kc}",
            "entries": ", ".join(str(v) for r in w for v in r),
            "max": out_max[i][j],
            "sum": sum(v for r in w for v in r),
            "avg": out_avg[i][j],
        }
        for i, row in enumerate(grid)
        for j, w in enumerate(row)
    ]
    dropped = [
        (len(x) - ((len(out_max) - 1) * stride[0] + kr)),
        (len(x[0]) - ((len(out_max[0]) - 1) * stride[1] + kc)),
    ]
    facts = {
        "edge": _edge_sentence(dropped),
        "code": _code(params),
        "out_max": out_max,
        "out_avg": out_avg,
        "cells": cells,
        "out_rows": len(out_max),
        "out_cols": len(out_max[0]),
        "dropped": dropped,
        "count": kr * kc,
    }
    return Solved(parts, facts)


def _edge_sentence(dropped: list[int]) -> str:
    """What floor mode leaves out, from the counts of uncovered rows and columns ("" if none)."""
    pieces = [
        (f"the last {count} {unit}s" if count > 1 else f"the last {unit}")
        for count, unit in zip(dropped, ("row", "column"), strict=True)
        if count > 0
    ]
    if not pieces:
        return ""
    verb = (
        "falls" if len(pieces) == 1 and " " not in pieces[0].removeprefix("the last ") else "fall"
    )
    return (
        f"{' and '.join(pieces).capitalize()} of the input {verb} outside every window: floor "
        "mode drops the windows that would run past the edge."
    )


def _arg(pair: tuple[int, int]) -> str:
    return str(pair[0]) if pair[0] == pair[1] else f"({pair[0]}, {pair[1]})"


def _code(params: dict) -> str:
    rows, cols = len(params["x"]), len(params["x"][0])
    size, stride = tuple(params["kernel"]), tuple(params["stride"])
    return "\n".join(
        [
            "import torch.nn as nn",
            "",
            f"pool = nn.MaxPool2d(kernel_size={_arg(size)}, stride={_arg(stride)})",
            f"y = pool(x)  # x has shape (1, 1, {rows}, {cols}), the values below",
        ]
    )


FAMILY = Family(
    id="maxpool2d_manual",
    chapter="deep_learning",
    title="Max pooling by hand",
    book_refs=("DL-Q69",),
    params=(
        Param(
            "x",
            "the single input channel, row by row",
            "matrix",
            low=-99,
            high=99,
            length=(2, 8),
            cols=(2, 8),
            integer=True,
        ),
        Param("kernel", "window (rows, columns)", "integers", low=1, high=4, length=(2, 2)),
        Param("stride", "stride (rows, columns)", "integers", low=1, high=4, length=(2, 2)),
        Param("average", "also ask the average pooling", "choice", options=(True, False)),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_numbers=False,  # the book prints no numbers here: book_params are ours
    book_params={
        "x": [[1, 3, 2, 1], [4, 6, 5, 0], [7, 2, 9, 8], [3, 1, 4, 6]],
        "kernel": [2, 2],
        "stride": [2, 2],
        "average": False,
    },
)
