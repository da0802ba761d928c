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

Check = Callable[[Any, str], None]


class SchemaError(ValueError):
    """The first mismatch between a transcript and the schema, with its location."""


def validate(data: Any) -> None:
    """Raise SchemaError unless ``data`` can safely become a ``Transcript``."""
    _checker(schema.Transcript)(data, "")
    state = data.get("state", schema.CREATED)
    if state not in STATES:
        raise SchemaError(f"state: {state!r} is not one of {', '.join(STATES)}")
    for key in ("name", "title"):  # shown by history, export and the TUI
        if key not in data["preset"]:
            raise SchemaError(f"preset: missing required field {key!r}")
        _simple(str, "a string")(data["preset"][key], f"preset.{key}")
    if data.get("results") is not None:
        _results(data["results"], "results")


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


def _fail(where: str, expected: str, value: Any) -> typing.NoReturn:
    where = where.lstrip(".") or "the file"
    raise SchemaError(f"{where}: expected {expected}, found {_kind(value)}")


def _depth(value: Any, where: str) -> None:
    """Free-form values: any JSON, but bounded in depth (later code recurses into them)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise SchemaError(f"{where.lstrip('.')}: nested more than {MAX_DEPTH} levels deep")
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)


def _number(value: Any, where: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        _fail(where, "a number", value)
    if not math.isfinite(value):
        raise SchemaError(f"{where.lstrip('.')}: expected a finite number, found {value}")


def _integer(value: Any, where: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        _fail(where, "a whole number", value)


def _simple(expected: type, label: str) -> Check:
    def check(value: Any, where: str) -> None:
        if not isinstance(value, expected):
            _fail(where, label, value)

    return check


@cache
def _checker(hint: Any) -> Check:
    """A checker for one type hint; built once per hint and cached."""
    if hint is Any:
        return _depth
    if hint is str:
        return _simple(str, "a string")
    if hint is bool:
        return _simple(bool, "true/false")
    if hint is int:
        return _integer
    if hint is float:
        return _number
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        options = [a for a in args if a is not type(None)]
        inner = _checker(options[0]) if len(options) == 1 else _depth

        def optional(value: Any, where: str) -> None:
            if value is not None:
                inner(value, where)

        return optional
    if origin is list:
        item = _checker(args[0]) if args else _depth

        def listed(value: Any, where: str) -> None:
            if not isinstance(value, list):
                _fail(where, "a list", value)
            for index, element in enumerate(value):
                item(element, f"{where}[{index}]")

        return listed
    if origin is dict:
        item = _checker(args[1]) if args else _depth

        def mapping(value: Any, where: str) -> None:
            if not isinstance(value, dict):
                _fail(where, "an object", value)
            for key, element in value.items():
                item(element, f"{where}.{key}")

        return mapping
    if dataclasses.is_dataclass(hint):
        return _record(hint)
    raise TypeError(f"no schema check for the type hint {hint!r}")  # a programming error


def _record(cls: type) -> Check:
    hints = typing.get_type_hints(cls)
    fields = [(f.name, _checker(hints[f.name])) for f in dataclasses.fields(cls)]
    required = {
        f.name
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }

    def record(value: Any, where: str) -> None:
        if not isinstance(value, dict):
            _fail(where, "an object", value)
        missing = sorted(required - value.keys())
        if missing:
            place = where.lstrip(".") or "the transcript"
            raise SchemaError(f"{place}: missing required field {missing[0]!r}")
        for name, check in fields:
            if name in value:
                check(value[name], f"{where}.{name}")

    return record


def _results(value: Any, where: str) -> None:
    """The parts of ``results`` that history, stats and export format."""
    if not isinstance(value, dict):
        _fail(where, "an object", value)
    for key in ("percent", "duration", "score", "max"):
        if value.get(key) is not None:
            _number(value[key], f"{where}.{key}")
    if value.get("passed") is not None and not isinstance(value["passed"], bool):
        _fail(f"{where}.passed", "true/false", value["passed"])
    rows = {"sections": ("title", "score", "max"), "questions": ("slot", "title", "time_spent")}
    for name, keys in rows.items():
        table = value.get(name, [])
        if not isinstance(table, list):
            _fail(f"{where}.{name}", "a list", table)
        for index, row in enumerate(table):
            place = f"{where}.{name}[{index}]"
            if not isinstance(row, dict):
                _fail(place, "an object", row)
            for key in keys:
                if key not in row:
                    raise SchemaError(f"{place}: missing required field {key!r}")
                if key == "title":
                    _simple(str, "a string")(row[key], f"{place}.{key}")
                else:
                    _number(row[key], f"{place}.{key}")
    _depth(value, where)
