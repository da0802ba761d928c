"""The generator contract: a family of book problems and how a variant is built from it.

A family declares its parameters (with meaning and range), a ``draw`` function that picks
whiteboard-friendly parameters from a private ``random.Random``, and a ``solve`` function that turns
parameters (exactly as displayed) into parts with exact sympy answers and a mistakes catalogue.
Both entry points, a seed or explicit parameters (e.g. the book's own numbers), go through the same
validation and the same ``solve``, so a seeded variant and its parameters fed back in are identical.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Any

import sympy

from interview_sim.answers.check import coincide
from interview_sim.answers.errors import AnswerFormatError
from interview_sim.answers.numbers import format_exact, parse_number
from interview_sim.model import Part, Variant
from interview_sim.seeds import rng_for


class ParamError(ValueError):
    """An explicit parameter that is missing, out of range or makes the problem ill-posed."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"bad parameter {name!r}: {message}")
        self.name = name


@dataclass(frozen=True)
class Param:
    """One parameter: what it means, its allowed range, and how JSON input is read exactly.

    ``kind`` is ``number`` (an exact rational), ``integer``, ``choice`` (one of ``options``),
    ``numbers``/``integers`` (a list of ``length`` = (min, max) items), ``matrix`` (``length`` rows
    of ``cols`` = (min, max) entries each, all rows the same length; whole numbers only when
    ``integer``), or ``data`` (any JSON; the family's ``check`` validates it). The whole shape is
    validated here and published by ``families --json``, so ``check`` keeps only what relates
    two parameters.
    """

    name: str
    meaning: str
    kind: str = "number"
    low: Any = None
    high: Any = None
    open: bool = False  # True for an open interval (0, 1)
    options: tuple[Any, ...] = ()
    length: tuple[int, int] = (1, 32)
    cols: tuple[int, int] = (1, 32)  # matrix only: entries per row
    integer: bool = False  # matrix only: whole-number entries

    def describe(self) -> str:
        if self.kind == "choice":
            return "one of " + ", ".join(map(str, self.options))
        if self.kind == "data":
            return "structured data (see the family's docs)"
        bounds = self.bounds()
        if self.kind == "matrix":
            entries = "whole numbers" if self.integer else "numbers"
            rows, cols = _span(self.length), _span(self.cols)
            return f"matrix of {rows} rows × {cols} columns, {entries} {bounds}".strip()
        if self.kind in ("numbers", "integers"):
            return f"{self.kind} {bounds}, {self.length[0]}–{self.length[1]} items".strip()
        return f"{self.kind} in {bounds}" if bounds else self.kind

    def bounds(self) -> str:
        """The allowed interval, e.g. "(0, 1)" or "[1, inf]"; "" when unbounded."""
        if self.low is None and self.high is None:
            return ""
        left, right = ("(", ")") if self.open else ("[", "]")
        return f"{left}{_fmt(self.low, '-inf')}, {_fmt(self.high, 'inf')}{right}"

    def to_json(self) -> dict[str, Any]:
        out = {"name": self.name, "meaning": self.meaning, "kind": self.kind}
        out["range"] = self.describe()
        if self.kind == "matrix":
            out |= {"rows": list(self.length), "cols": list(self.cols), "integer": self.integer}
        return out

    # -- coercion ----------------------------------------------------------------------------
    def coerce(self, raw: Any) -> Any:
        if self.kind == "number":
            return self._number(raw)
        if self.kind == "integer":
            return self._integer(raw)
        if self.kind == "choice":
            # compare types too: 1 == True in Python, but 1 is not the option True
            if not any(raw == o and type(raw) is type(o) for o in self.options):
                raise ParamError(self.name, f"must be {self.describe()}, got {raw!r}")
            return raw
        if self.kind in ("numbers", "integers"):
            items = self._list(raw)
            convert = self._number if self.kind == "numbers" else self._integer
            return [convert(item) for item in items]
        if self.kind == "matrix":
            return self._matrix(raw)
        return raw

    def _matrix(self, raw: Any) -> list[list[Any]]:
        rows = [_as_list(self.name, row) for row in self._list(raw)]
        if not rows:
            return []
        widths = sorted({len(row) for row in rows})
        if len(widths) > 1:
            raise ParamError(self.name, f"every row needs the same length, got rows of {widths}")
        low, high = self.cols
        if not low <= widths[0] <= high:
            raise ParamError(
                self.name, f"rows must have {_span(self.cols)} entries, got {widths[0]}"
            )
        convert = self._integer if self.integer else self._number
        return [[convert(x) for x in row] for row in rows]

    def _list(self, raw: Any) -> list[Any]:
        items = _as_list(self.name, raw)
        low, high = self.length
        if not low <= len(items) <= high:
            raise ParamError(self.name, f"must have {low}–{high} items, got {len(items)}")
        return items

    def _number(self, raw: Any) -> sympy.Rational:
        if isinstance(raw, bool) or not isinstance(
            raw, (int, float, str, Fraction, sympy.Rational)
        ):
            raise ParamError(self.name, f"must be a number, got {raw!r}")
        if isinstance(raw, float):
            raw = repr(raw)  # 0.1 means the decimal 0.1, not the nearest binary float
        if isinstance(raw, sympy.Rational):
            raw = Fraction(int(raw.p), int(raw.q))
        try:
            value = raw if isinstance(raw, (int, Fraction)) else parse_number(raw).value
        except AnswerFormatError as error:
            raise ParamError(self.name, str(error)) from None
        self._check_range(value)
        return sympy.Rational(Fraction(value).numerator, Fraction(value).denominator)

    def _integer(self, raw: Any) -> int:
        if isinstance(raw, bool) or not isinstance(raw, (int, float, str, sympy.Integer)):
            raise ParamError(self.name, f"must be a whole number, got {raw!r}")
        try:
            value = Fraction(str(raw)) if not isinstance(raw, int) else Fraction(raw)
        except ValueError:
            raise ParamError(self.name, f"must be a whole number, got {raw!r}") from None
        if value.denominator != 1:
            raise ParamError(self.name, f"must be a whole number, got {raw!r}")
        self._check_range(value)
        return int(value)

    def _check_range(self, value: Fraction) -> None:
        low = Fraction(str(self.low)) if self.low is not None else None
        high = Fraction(str(self.high)) if self.high is not None else None
        too_low = low is not None and (value <= low if self.open else value < low)
        too_high = high is not None and (value >= high if self.open else value > high)
        if too_low or too_high:
            raise ParamError(
                self.name,
                f"must be in {self.bounds()}, got {format_exact(value)}",
            )


def _span(bounds: tuple[int, int]) -> str:
    return str(bounds[0]) if bounds[0] == bounds[1] else f"{bounds[0]}–{bounds[1]}"


def _fmt(value: Any, default: str) -> str:
    return default if value is None else str(value)


def _as_list(name: str, raw: Any) -> list[Any]:
    if not isinstance(raw, (list, tuple)):
        raise ParamError(name, f"must be a list, got {raw!r}")
    return list(raw)


def params_to_json(value: Any) -> Any:
    """Exact parameter values as JSON: exact decimals as numbers, other rationals as "1/15"."""
    if isinstance(value, dict):
        return {key: params_to_json(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [params_to_json(item) for item in value]
    if isinstance(value, (sympy.Integer, int)) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, (sympy.Rational, Fraction)):
        exact = Fraction(int(value.p), int(value.q)) if isinstance(value, sympy.Rational) else value
        text = format_exact(exact)
        return float(text) if "/" not in text and Fraction(repr(float(text))) == exact else text
    return value


@dataclass(frozen=True)
class Solved:
    """What ``solve`` returns: the parts and named exact quantities for the templates."""

    parts: Sequence[Part]
    facts: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Family:
    id: str
    chapter: str
    title: str
    book_refs: tuple[str, ...]
    params: tuple[Param, ...]
    draw: Callable[[random.Random], dict[str, Any]]
    solve: Callable[[dict[str, Any]], Solved]
    version: int = 1
    check: Callable[[dict[str, Any]], None] | None = None
    kind: str = "numeric"
    space: int | None = None  # how many distinct variants exist, when fewer than ~10**4
    book_params: Mapping[str, Any] | None = None  # the book's own instance
    # False where the book prints no numbers for this problem and book_params are our own
    book_numbers: bool = True

    def variant(self, seed: int) -> Variant:
        """The reproducible variant for a seed."""
        raw = self.draw(rng_for(self.id, seed))
        return self._build(raw, seed)

    def from_params(self, raw: Mapping[str, Any]) -> Variant:
        """A variant from explicit parameters (e.g. the book's), validated with clear errors."""
        if not isinstance(raw, Mapping):
            raise ParamError("params", "must be a JSON object of parameter names to values")
        names = {p.name for p in self.params}
        unknown = sorted(set(raw) - names)
        if unknown:
            raise ParamError(unknown[0], f"unknown; {self.id} takes {', '.join(sorted(names))}")
        return self._build(dict(raw), None)

    def coerce(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        values = {}
        for spec in self.params:
            if spec.name not in raw:
                raise ParamError(spec.name, f"missing ({spec.meaning}; {spec.describe()})")
            values[spec.name] = spec.coerce(raw[spec.name])
        if self.check is not None:
            self.check(values)
        return values

    def _build(self, raw: Mapping[str, Any], seed: int | None) -> Variant:
        from interview_sim.render import render_family

        params = self.coerce(raw)
        solved = self.solve(params)
        parts = tuple(_without_coinciding_mistakes(part) for part in solved.parts)
        context = {"params": params, "facts": dict(solved.facts), "parts": parts, **params}
        printed: dict[str, list[str]] = {}  # filled by the solution's result(...) calls
        statement = render_family(self.id, "statement", context)
        solution = render_family(self.id, "solution", {**context, "_printed": printed})
        return Variant(
            family=self.id,
            version=self.version,
            seed=seed,
            params=params_to_json(params),
            statement=statement,
            solution=solution,
            parts=parts,
            title=self.title,
            chapter=self.chapter,
            facts={**solved.facts, "printed": printed},
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "chapter": self.chapter,
            "title": self.title,
            "kind": self.kind,
            "version": self.version,
            "book_refs": list(self.book_refs),
            "params": [p.to_json() for p in self.params],
            # the instance `show FAMILY --book-instance` shows: the book's numbers, or ours
            "book_instance": None
            if self.book_params is None
            else {"params": params_to_json(self.book_params), "printed_in_book": self.book_numbers},
        }


def _without_coinciding_mistakes(part: Part) -> Part:
    """Drop mistakes that equal the answer or an earlier mistake for these parameters, so every
    catalogued mistake a variant keeps is recognisable and never graded as correct."""
    kept: list = []
    for mistake in part.mistakes:
        if coincide(part, part.answer, mistake.value):
            continue
        if any(coincide(part, other.value, mistake.value) for other in kept):
            continue
        kept.append(mistake)
    return replace(part, mistakes=tuple(kept))
