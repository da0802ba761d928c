"""Arithmetic several families share, exact, with the slips people make in it.

One implementation of the conv/pool output size (and its slips), affine maps, ReLU and softmax,
so two families never disagree on a formula and a slip is named the same everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence

import sympy

Vector = list[sympy.Expr]
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
