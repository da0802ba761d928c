"""Read and validate the concept bank: one TOML file per chapter in ``generators/concepts/``.

The bank is hand-written data, so every mistake an author can make (a typo in a key, a
true/false "pair" with one statement, a cloze whose blanks and answers disagree) must stop the
load with a message naming the file, the item and the field: a silently skipped or half-read
item would surface much later as a question that cannot be answered right.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from interview_sim.chapters import CHAPTERS
from interview_sim.words import counted

ROOT = Path(__file__).resolve().parent.parent.parent
SHIPPED = ROOT / "generators" / "concepts"

KINDS = ("true_false", "choice", "multi_choice", "cloze", "code", "explain")
ANSWER_KINDS = ("shape", "integer", "real", "text")
PREFIXES = {
    "logistic_regression": "lr_",
    "bayesian": "bay_",
    "information_theory": "it_",
    "calculus": "cal_",
    "ensembles": "ens_",
    "feature_extraction": "fe_",
    "deep_learning": "dl_",
}
BOOK_REF = re.compile(r"^(PRB-\d+|(IT|CAL|ENS|FE|DL)-Q\d+|EXAM-[1-6])$")
BLANK = "___"
_ID = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
# A shape answer as PyTorch prints it or as a plain tuple: torch.Size([8, 3072]), (8, 3072).
_SHAPE = re.compile(r"^(torch\.Size\(\[\d+(, \d+)*\]\)|\(\d+(, \d+)*,?\))$")

_COMMON = {
    "id": str,
    "kind": str,
    "topic": str,
    "difficulty": int,
    "book_refs": list,
    "exam_sections": list,
}
_OPTIONAL_COMMON = {"exam_sections"}
# Per kind: the fields it requires and the ones it may add.
_REQUIRED = {
    "true_false": ("true_statement", "false_statement", "reason_true", "reason_false"),
    "choice": ("question", "options"),
    "multi_choice": ("question", "options"),
    "cloze": ("text", "blanks"),
    "code": ("question", "code"),
    "explain": ("question", "model_answer", "rubric"),
}
_OPTIONAL = {
    "true_false": (),
    "choice": (),
    "multi_choice": (),
    "cloze": ("explanation",),
    "code": ("language", "options", "answer", "answer_kind", "explanation"),
    "explain": (),
}
_TYPES = {
    "question": str,
    "true_statement": str,
    "false_statement": str,
    "reason_true": str,
    "reason_false": str,
    "options": list,
    "text": str,
    "blanks": list,
    "code": str,
    "language": str,
    "answer": str,
    "answer_kind": str,
    "explanation": str,
    "model_answer": str,
    "rubric": list,
}
_OPTION_KEYS = {"text": str, "correct": bool, "why": str}
_RUBRIC_KEYS = {"point": str, "weight": int}


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    why: str


@dataclass(frozen=True)
class RubricPoint:
    point: str
    weight: int


@dataclass(frozen=True)
class ConceptItem:
    id: str
    kind: str
    chapter: str
    topic: str
    difficulty: int
    book_refs: tuple[str, ...]
    exam_sections: tuple[str, ...]
    source: str  # the file name, e.g. "logistic_regression.toml"
    question: str = ""
    true_statement: str = ""
    false_statement: str = ""
    reason_true: str = ""
    reason_false: str = ""
    options: tuple[Option, ...] = ()
    text: str = ""
    blanks: tuple[tuple[str, ...], ...] = ()
    code: str = ""
    language: str = "python"
    answer: str = ""
    answer_kind: str = ""
    explanation: str = ""
    model_answer: str = ""
    rubric: tuple[RubricPoint, ...] = ()


class ConceptError(ValueError):
    """A concept file or item that cannot be used; the message names the file, item and field."""


def load_bank(directory: Path | None = None) -> list[ConceptItem]:
    """Every item of every ``*.toml`` file in ``directory`` (default: the shipped bank).

    Validated in full and cached per directory, so callers may ask repeatedly; the list is a
    fresh copy each time, the items are immutable.
    """
    return list(_load_cached((directory or SHIPPED).resolve()))


@lru_cache(maxsize=8)
def _load_cached(directory: Path) -> tuple[ConceptItem, ...]:
    if not directory.is_dir():
        raise ConceptError(f"{_shown(directory)}: the concept bank directory does not exist")
    items: list[ConceptItem] = []
    seen: dict[str, str] = {}
    for path in sorted(directory.glob("*.toml")):
        for item in _load_file(path):
            if item.id in seen:
                raise ConceptError(
                    f"{_shown(path)}: item {item.id!r}: field 'id': duplicate id, already used in "
                    f"{seen[item.id]}; give one of them another name"
                )
            seen[item.id] = _shown(path)
            items.append(item)
    return tuple(items)


def _shown(path: Path) -> str:
    """The path as the message shows it: relative to the project when it is inside it."""
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def _load_file(path: Path) -> list[ConceptItem]:
    shown = _shown(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConceptError(f"{shown}: cannot read ({error.strerror})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConceptError(f"{shown}: not valid TOML: {error}") from None
    chapter = path.stem
    if chapter not in CHAPTERS:
        raise ConceptError(
            f"{shown}: the file name must be a chapter id ({', '.join(CHAPTERS)}), got {chapter!r}"
        )
    for key in data:
        if key not in ("chapter", "items"):
            raise ConceptError(f"{shown}: unknown top-level key {key!r}; expected chapter, items")
    if data.get("chapter") != chapter:
        raise ConceptError(
            f"{shown}: chapter = {data.get('chapter')!r} does not match the file name; "
            f'write chapter = "{chapter}"'
        )
    raw_items = data.get("items", [])
    if not isinstance(raw_items, list) or not raw_items:
        raise ConceptError(f"{shown}: no items; add [[items]] tables")
    return [_build(raw, number, chapter, path.name, shown) for number, raw in enumerate(raw_items)]


def _build(raw: Any, number: int, chapter: str, source: str, shown: str) -> ConceptItem:
    label = f"item #{number + 1}"
    if isinstance(raw, dict) and isinstance(raw.get("id"), str) and raw["id"]:
        label = f"item {raw['id']!r}"

    def fail(field: str, problem: str) -> ConceptError:
        where = f"{shown}: {label}"
        return ConceptError(
            f"{where}: field {field!r}: {problem}" if field else f"{where}: {problem}"
        )

    if not isinstance(raw, dict):
        raise fail("", "an item must be a table ([[items]])")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise fail("kind", f"must be one of {', '.join(KINDS)}, got {kind!r}")
    allowed = {**_COMMON, **{k: _TYPES[k] for k in _REQUIRED[kind] + _OPTIONAL[kind]}}
    for key, value in raw.items():
        if key not in allowed:
            raise fail(key, f"unknown key for a {kind} item; it takes: {', '.join(allowed)}")
        _check_type(key, value, allowed[key], fail)
    required = [k for k in _COMMON if k not in _OPTIONAL_COMMON] + list(_REQUIRED[kind])
    for key in required:
        if key not in raw:
            raise fail(key, f"missing; a {kind} item needs: {', '.join(required)}")
        if isinstance(raw[key], str) and not raw[key].strip():
            raise fail(key, "is empty")

    item_id = raw["id"]
    if not _ID.match(item_id) or not item_id.startswith(PREFIXES[chapter]):
        raise fail("id", f"must be snake_case and start with {PREFIXES[chapter]!r}")
    if not 1 <= raw["difficulty"] <= 3:
        raise fail("difficulty", f"must be 1, 2 or 3, got {raw['difficulty']}")
    book_refs = _strings("book_refs", raw["book_refs"], fail)
    for ref in book_refs:
        if not BOOK_REF.match(ref):
            raise fail("book_refs", f"{ref!r} is not a book id (PRB-n, IT-Qn, …, EXAM-n)")
    exam_sections = _strings("exam_sections", raw.get("exam_sections", []), fail)

    fields: dict[str, Any] = {
        k: raw[k] for k in _TYPES if k in raw and k not in ("options", "blanks", "rubric")
    }
    if kind == "true_false":
        _check_pair(raw, fail)
    if "options" in raw:
        fields["options"] = _options(raw["options"], kind, fail)
    if kind == "cloze":
        fields["blanks"] = _blanks(raw["text"], raw["blanks"], fail)
    if kind == "code":
        _check_code_answer(raw, fail)
    if kind == "explain":
        fields["rubric"] = _rubric(raw["rubric"], fail)
    return ConceptItem(
        id=item_id,
        kind=kind,
        chapter=chapter,
        topic=raw["topic"],
        difficulty=raw["difficulty"],
        book_refs=book_refs,
        exam_sections=exam_sections,
        source=source,
        **fields,
    )


def _check_type(key: str, value: Any, expected: type, fail) -> None:
    if isinstance(value, bool) and expected is not bool or not isinstance(value, expected):
        raise fail(key, f"must be {_TYPE_NAMES[expected]}, got {type(value).__name__} {value!r}")


_TYPE_NAMES = {str: "a string", int: "an integer", list: "a list", bool: "true or false"}


def _strings(field: str, values: list, fail) -> tuple[str, ...]:
    if not all(isinstance(v, str) and v.strip() for v in values):
        raise fail(field, "must be a list of non-empty strings")
    return tuple(values)


def _check_pair(raw: dict, fail) -> None:
    if raw["true_statement"].strip() == raw["false_statement"].strip():
        raise fail(
            "false_statement",
            "is identical to true_statement; a pair needs one true and one false claim",
        )


def _options(raw_options: list, kind: str, fail) -> tuple[Option, ...]:
    low, high = (4, 6) if kind == "multi_choice" else (3, 6)
    if not low <= len(raw_options) <= high:
        raise fail("options", f"a {kind} item needs {low}–{high} options, got {len(raw_options)}")
    options = []
    for raw in raw_options:
        if not isinstance(raw, dict):
            raise fail("options", "each option is a table { text, correct, why }")
        for key, value in raw.items():
            if key not in _OPTION_KEYS:
                raise fail("options", f"unknown option key {key!r}; expected text, correct, why")
            _check_type(f"options.{key}", value, _OPTION_KEYS[key], fail)
        for key in _OPTION_KEYS:
            if key not in raw:
                raise fail("options", f"an option is missing {key!r}: {raw!r}")
        if not raw["text"].strip() or not raw["why"].strip():
            raise fail("options", f"an option has an empty text or why: {raw!r}")
        options.append(Option(raw["text"], raw["correct"], raw["why"]))
    texts = [o.text.strip() for o in options]
    if len(set(texts)) != len(texts):
        raise fail("options", "two options have the same text")
    correct = sum(o.correct for o in options)
    if correct == 0:
        raise fail("options", "no option is marked correct = true")
    if kind == "multi_choice" and correct == len(options):
        raise fail("options", "every option is correct; a multi_choice item needs a wrong one")
    if kind != "multi_choice" and correct > 1:
        raise fail("options", f"{correct} options are correct; exactly one may be")
    return tuple(options)


def _blanks(text: str, raw_blanks: list, fail) -> tuple[tuple[str, ...], ...]:
    if re.search(r"_{4,}", text):
        raise fail("text", "a blank is written as exactly three underscores (___)")
    markers = text.count(BLANK)
    if markers == 0:
        raise fail("text", "has no blank; mark each blank with ___")
    if markers != len(raw_blanks):
        raise fail(
            "blanks",
            f"text has {counted(markers, 'blank')} (___) but blanks lists {len(raw_blanks)}",
        )
    blanks = []
    for number, accepted in enumerate(raw_blanks, start=1):
        if not isinstance(accepted, list) or not accepted:
            raise fail("blanks", f"blank {number}: needs a non-empty list of accepted answers")
        blanks.append(_strings("blanks", accepted, fail))
    return tuple(blanks)


def _check_code_answer(raw: dict, fail) -> None:
    has_options = "options" in raw
    has_answer = "answer" in raw or "answer_kind" in raw
    if has_options == has_answer:
        raise fail(
            "answer",
            "a code item has either options (as in choice) or answer + answer_kind, not "
            + ("both" if has_options else "neither"),
        )
    if has_options:
        return
    for key in ("answer", "answer_kind", "explanation"):
        if not raw.get(key, "").strip():
            raise fail(
                key,
                "missing; a code item with an exact answer needs answer, "
                "answer_kind and explanation",
            )
    answer, answer_kind = raw["answer"].strip(), raw["answer_kind"]
    if answer_kind not in ANSWER_KINDS:
        raise fail("answer_kind", f"must be one of {', '.join(ANSWER_KINDS)}, got {answer_kind!r}")
    if answer_kind == "shape" and not _SHAPE.match(answer):
        raise fail("answer", f"{answer!r} is not a shape; write torch.Size([8, 3072]) or (8, 3072)")
    if answer_kind == "integer" and not re.fullmatch(r"-?\d+", answer):
        raise fail("answer", f"{answer!r} is not an integer")
    if answer_kind == "real":
        try:
            float(answer)
        except ValueError:
            raise fail("answer", f"{answer!r} is not a decimal number") from None


def _rubric(raw_rubric: list, fail) -> tuple[RubricPoint, ...]:
    if not 3 <= len(raw_rubric) <= 6:
        raise fail("rubric", f"needs 3–6 points, got {len(raw_rubric)}")
    points = []
    for raw in raw_rubric:
        if not isinstance(raw, dict) or set(raw) != set(_RUBRIC_KEYS):
            raise fail("rubric", f"each point is a table {{ point, weight }}, got {raw!r}")
        for key, value in raw.items():
            _check_type(f"rubric.{key}", value, _RUBRIC_KEYS[key], fail)
        if not raw["point"].strip():
            raise fail("rubric", "a point has an empty text")
        if raw["weight"] <= 0:
            raise fail("rubric", f"weights must be positive integers, got {raw['weight']}")
        points.append(RubricPoint(raw["point"], raw["weight"]))
    return tuple(points)
