"""Arithmetic several families share, exact, with the slips people make in it.

One implementation of the conv/pool output size (and its slips), sliding windows (correlation,
convolution, pooling by hand), affine maps, ReLU and softmax, so two families never disagree on a
formula and a slip is named the same everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence

import sympy

Vector = list[sympy.Expr]
Grid = list[list]  # a small 2-D array of exact numbers, rows first (a 1-D signal is one row)
SIZE_SLIPS = ("no_floor", "padding_once", "stride_ignored")


def conv_out(n: int, f: int, s: int = 1, p: int = 0, slip: str | None = None) -> int:
    """Output size of a conv/pool window along one side: ⌊(n + 2p − f)/s⌋ + 1.

    ``slip`` gives the catalogued wrong versions: rounding up (``no_floor``), padding one side
    only (``padding_once``) and forgetting the stride (``stride_ignored``)."""
    if slip == "no_floor":
        return -(-(n + 2 * p - f) // s) + 1
    if slip == "padding_once":
        return (n + p - f) // s + 1
    if slip == "stride_ignored":
        return n + 2 * p - f + 1
    if slip is not None:
        raise ValueError(f"unknown size slip {slip!r}; known: {', '.join(SIZE_SLIPS)}")
    return (n + 2 * p - f) // s + 1


def zero_pad(x: Grid, rows: int, cols: int | None = None) -> Grid:
    """``x`` with ``rows`` zero rows above and below and ``cols`` (default: ``rows``) zero
    columns left and right."""
    cols = rows if cols is None else cols
    width = len(x[0]) + 2 * cols
    blank = [[0] * width for _ in range(rows)]
    return blank + [[0] * cols + list(row) + [0] * cols for row in x] + [list(r) for r in blank]


def flip(kernel: Grid) -> Grid:
    """The kernel rotated by 180°: rows reversed and each row reversed (what convolution does)."""
    return [list(reversed(row)) for row in reversed(kernel)]


def windows(x: Grid, size: tuple[int, int], stride: tuple[int, int] = (1, 1)) -> list[list[Grid]]:
    """Every window of ``size`` = (rows, cols) moved by ``stride``, in floor mode (a window that
    would run past the edge is dropped); result[i][j] is the window whose top-left is
    (i·s_rows, j·s_cols)."""
    (kr, kc), (sr, sc) = size, stride
    count_r = conv_out(len(x), kr, sr)
    count_c = conv_out(len(x[0]), kc, sc)
    return [
        [[row[j * sc : j * sc + kc] for row in x[i * sr : i * sr + kr]] for j in range(count_c)]
        for i in range(count_r)
    ]


def correlate(x: Grid, kernel: Grid, stride: tuple[int, int] = (1, 1)) -> Grid:
    """Cross-correlation (what deep-learning "convolution" layers compute): out[i][j] =
    Σ x[i·s + a][j·s + b]·kernel[a][b] over the unpadded input (pad first for 'same'/'full').
    Exact for whole numbers and rationals alike; whole numbers stay plain ints (fast)."""
    size = (len(kernel), len(kernel[0]))
    return [
        [
            sum(
                v * k
                for wrow, krow in zip(w, kernel, strict=True)
                for v, k in zip(wrow, krow, strict=True)
            )
            for w in row
        ]
        for row in windows(x, size, stride)
    ]


def convolve(x: Grid, kernel: Grid, stride: tuple[int, int] = (1, 1)) -> Grid:
    """True convolution (scipy's convolve2d, the mathematician's): correlation with the kernel
    flipped by 180°."""
    return correlate(x, flip(kernel), stride)


def pool(x: Grid, size: tuple[int, int], stride: tuple[int, int], how=max) -> Grid:
    """Pooling by hand: ``how`` (max, min, or a mean) over each window, floor mode, no padding."""
    return [[how([v for r in w for v in r]) for w in row] for row in windows(x, size, stride)]


def mean(values: Sequence) -> sympy.Rational:
    """The exact mean of whole numbers or rationals."""
    return sympy.Rational(sum(values)) / len(values)


def affine(W: Sequence[Sequence[sympy.Expr]], v: Sequence[sympy.Expr], b: Sequence) -> Vector:
    """W·v + b, exactly."""
    return [
        sum((wi * vi for wi, vi in zip(row, v, strict=True)), bi)
        for row, bi in zip(W, b, strict=True)
    ]


def relu(v: Sequence[sympy.Expr]) -> Vector:
    return [value if value > 0 else sympy.Integer(0) for value in v]


def softmax(z: Sequence[sympy.Expr]) -> Vector:
    """Exact softmax: e^zᵢ / Σ e^zⱼ."""
    total = sum(sympy.exp(zi) for zi in z)
    return [sympy.exp(zi) / total for zi in z]
