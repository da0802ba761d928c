"""Check a parsed transcript against the schema before anything uses it.

A transcript that is valid JSON can still be wrong in ways that crash history, stats, export or
resume far from the file (``created_at: null``, ``preset: []``, a list nested 10,000 deep). The
check is derived from the transcript dataclasses' type hints, so a field added to the engine's
records is checked without touching this module; ``results`` gets its own shape because the
commands read inside it. The first problem found is reported with its location, e.g.
``questions[2].parts[0].weight: expected a number, found a string``.
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any

from interview_sim.engine import transcript as schema

MAX_DEPTH = 32  # free-form values (params, events, verdicts) nest a few levels; 32 is ample
STATES = (schema.CREATED, schema.STARTED, schema.FINISHED, schema.GRADED)

Check = Callable[[Any], None]


class SchemaError(ValueError):
    """The first mismatch between a transcript and the schema, with its location."""


def validate(data: Any) -> None:
    """Raise SchemaError unless ``data`` can safely become a ``Transcript``."""
    try:
        _checker(schema.Transcript)(data)
        state = data.get("state", schema.CREATED)
        if state not in STATES:
            raise _Mismatch(f"{state!r} is not one of {', '.join(STATES)}", "state")
        for key in ("name", "title"):  # shown by history, export and the TUI
            if key not in data["preset"]:
                raise _Mismatch(f"missing required field {key!r}", "preset")
            _string(data["preset"][key], "preset", key)
        if data.get("results") is not None:
            _results(data["results"])
    except _Mismatch as mismatch:
        raise SchemaError(mismatch.message()) from None


class _Mismatch(Exception):
    """Raised deep in a value; each container on the way out adds its key, so a location is only
    ever built for a failure (the valid path, checked 1,000 times for history, stays cheap)."""

    def __init__(self, problem: str, *where: str | int) -> None:
        self.problem = problem
        self.where = list(where)

    def within(self, key: str | int) -> _Mismatch:
        self.where.insert(0, key)
        return self

    def message(self) -> str:
        place = "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in self.where)
        return f"{place.lstrip('.') or 'the transcript'}: {self.problem}"


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _wrong(expected: str, value: Any, *where: str | int) -> _Mismatch:
    return _Mismatch(f"expected {expected}, found {_kind(value)}", *where)


def _depth(value: Any, level: int = 1) -> None:
    """Free-form values: any JSON, but bounded in depth (later code recurses into them). The
    recursion stops at MAX_DEPTH, so it cannot exhaust the stack."""
    if level > MAX_DEPTH:
        raise _Mismatch(f"nested more than {MAX_DEPTH} levels deep")
    if value.__class__ is dict:
        value = value.values()
    elif value.__class__ is not list:
        return
    for child in value:
        if child.__class__ is dict or child.__class__ is list:
            _depth(child, level + 1)


def _number(value: Any, *where: str | int) -> None:
    if value.__class__ is float:
        if not math.isfinite(value):
            raise _Mismatch(f"expected a finite number, found {value}", *where)
    elif value.__class__ is not int:
        raise _wrong("a number", value, *where)


def _integer(value: Any) -> None:
    if value.__class__ is not int:
        raise _wrong("a whole number", value)


def _string(value: Any, *where: str | int) -> None:
    if value.__class__ is not str:
        raise _wrong("a string", value, *where)


def _boolean(value: Any) -> None:
    if value.__class__ is not bool:
        raise _wrong("true/false", value)


@cache
def _checker(hint: Any) -> Check:
    """A checker for one type hint; built once per hint and cached."""
    simple = {Any: _depth, str: _string, bool: _boolean, int: _integer, float: _number}
    if hint in simple:
        return simple[hint]
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        options = [a for a in args if a is not type(None)]
        inner = _checker(options[0]) if len(options) == 1 else _depth

        def optional(value: Any) -> None:
            if value is not None:
                inner(value)

        return optional
    if origin is list:
        item = _checker(args[0]) if args else _depth

        def listed(value: Any) -> None:
            if value.__class__ is not list:
                raise _wrong("a list", value)
            for index, element in enumerate(value):
                try:
                    item(element)
                except _Mismatch as mismatch:
                    raise mismatch.within(index) from None

        return listed
    if origin is dict:
        item = _checker(args[1]) if args else _depth

        def mapping(value: Any) -> None:
            if value.__class__ is not dict:
                raise _wrong("an object", value)
            if item is _depth:  # the common free-form case (events, verdicts): only nest deeper
                _depth(value)  # than the scalars need a walk; one call checks them all
                return
            for key, element in value.items():
                try:
                    item(element)
                except _Mismatch as mismatch:
                    raise mismatch.within(key) from None

        return mapping
    if dataclasses.is_dataclass(hint):
        return _record(hint)
    return _depth  # a hint this module does not know yet: any JSON, bounded in depth


def _record(cls: type) -> Check:
    hints = typing.get_type_hints(cls)
    fields = [(f.name, _checker(hints[f.name])) for f in dataclasses.fields(cls)]
    required = {
        f.name
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }

    def record(value: Any) -> None:
        if value.__class__ is not dict:
            raise _wrong("an object", value)
        if not required <= value.keys():
            raise _Mismatch(f"missing required field {sorted(required - value.keys())[0]!r}")
        for name, check in fields:
            if name in value:
                try:
                    check(value[name])
                except _Mismatch as mismatch:
                    raise mismatch.within(name) from None

    return record


def _results(value: Any) -> None:
    """The parts of ``results`` that history, stats and export format."""
    if value.__class__ is not dict:
        raise _wrong("an object", value, "results")
    for key in ("percent", "duration", "score", "max"):
        if value.get(key) is not None:
            _number(value[key], "results", key)
    if value.get("passed") is not None and value["passed"].__class__ is not bool:
        raise _wrong("true/false", value["passed"], "results", "passed")
    rows = {"sections": ("title", "score", "max"), "questions": ("slot", "title", "time_spent")}
    for name, keys in rows.items():
        table = value.get(name, [])
        if table.__class__ is not list:
            raise _wrong("a list", table, "results", name)
        for index, row in enumerate(table):
            if row.__class__ is not dict:
                raise _wrong("an object", row, "results", name, index)
            for key in keys:
                if key not in row:
                    raise _Mismatch(f"missing required field {key!r}", "results", name, index)
                check = _string if key == "title" else _number
                check(row[key], "results", name, index, key)
    try:
        _depth(value)
    except _Mismatch as mismatch:
        raise mismatch.within("results") from None
