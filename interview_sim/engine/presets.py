"""Session presets: TOML files in ``sessions/`` (shipped) and ``<data dir>/presets/`` (the user's).

A preset is data, validated on load: an unknown key or a bad value is an error naming the file and
the line, so a typo in a user's preset never silently becomes a default.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from interview_sim.resources import PRESETS
from interview_sim.words import counted

SHIPPED = PRESETS  # the top-level sessions/ folder, shipped inside the wheel
FEEDBACK = ("end", "each")
SOLUTION = ("end", "after_attempts", "never")


class PresetError(ValueError):
    """A preset file that cannot be used; the message names the file and, where known, the line."""


@dataclass(frozen=True)
class Section:
    title: str
    families: tuple[str, ...]  # family ids, "*" for every family, "chapter" for the chosen one
    count: int = 1


@dataclass(frozen=True)
class Preset:
    name: str
    title: str
    sections: tuple[Section, ...]
    description: str = ""
    duration_minutes: float = 0  # 0 = untimed
    feedback: str = "end"  # end: nothing until submitted; each: a verdict after every check
    attempts: int = 0  # per part; 0 = unlimited (edits until submitted, in exam mode)
    attempt_credit: tuple[float, ...] = ()  # credit multiplier for the 1st, 2nd, … attempt
    editable: bool = True
    calculator: bool = True
    partial_credit: bool = True
    pass_mark: float = 0.6
    show_solution: str = "end"
    endless: bool = False
    adaptive: bool = False
    choose_chapter: bool = False
    rules_are_ours: bool = False
    source: str = field(default="", compare=False)

    @property
    def timed(self) -> bool:
        return self.duration_minutes > 0

    def credit_for_attempt(self, number: int) -> float:
        """Multiplier for the ``number``-th counted attempt (1-based)."""
        if not self.attempt_credit:
            return 1.0
        return self.attempt_credit[min(number, len(self.attempt_credit)) - 1]

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["sections"] = [asdict(s) | {"families": list(s.families)} for s in self.sections]
        data["attempt_credit"] = list(self.attempt_credit)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Preset:
        return _build(dict(data), source=data.get("source", "<transcript>"), text="")

    def rules(self) -> list[tuple[str, str]]:
        """The rules as (label, value) rows for the rules screen and the plain runner."""
        if self.attempts == 0:
            attempts = "answers may be edited until you submit"
        else:
            attempts = f"{self.attempts} per part"
            if self.attempt_credit:
                attempts += f", credit {' → '.join(f'{c:.0%}' for c in self.attempt_credit)}"
        points = "equal per section, split across parts by weight"
        if self.partial_credit:
            points += "; partial credit for recognised mistakes"
        rows = [
            ("Time", f"{self.duration_minutes:g} minutes" if self.timed else "untimed"),
            ("Sections", " · ".join(s.title for s in self.sections)),
            ("Attempts", attempts),
            ("Feedback", "none until the end" if self.feedback == "end" else "after each answer"),
            ("Calculator", "allowed" if self.calculator else "not allowed"),
            ("Points", points),
            ("Pass mark", f"{self.pass_mark:.0%}"),
        ]
        if self.timed:
            rows.append(("When time is up", "your saved answers are submitted automatically"))
        if self.rules_are_ours:
            rows.append(
                ("Note", "the book's own rules text is not available: these are our defaults")
            )
        return rows


_FIELDS = {
    "name": str,
    "title": str,
    "description": str,
    "duration_minutes": (int, float),
    "feedback": str,
    "attempts": int,
    "attempt_credit": list,
    "editable": bool,
    "calculator": bool,
    "partial_credit": bool,
    "pass_mark": (int, float),
    "show_solution": str,
    "endless": bool,
    "adaptive": bool,
    "choose_chapter": bool,
    "rules_are_ours": bool,
    "sections": list,
    "source": str,
}
_SECTION_FIELDS = {"title": str, "families": list, "count": int}


def _line_of(text: str, key: str) -> str:
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*{re.escape(key)}\s*=", line):
            return f", line {number}"
    return ""


def _build(data: dict[str, Any], source: str, text: str) -> Preset:
    def fail(key: str, message: str) -> PresetError:
        return PresetError(f"{source}{_line_of(text, key)}: {message}")

    for key, value in data.items():
        if key not in _FIELDS:
            raise fail(key, f"unknown key {key!r}; known keys: {', '.join(sorted(_FIELDS))}")
        if isinstance(value, bool) and _FIELDS[key] in (int, (int, float)):
            raise fail(key, f"{key} must be a number, got {value!r}")
        if not isinstance(value, _FIELDS[key]):
            raise fail(key, f"{key} has the wrong type ({type(value).__name__})")
    for key in ("name", "title", "sections"):
        if key not in data:
            raise PresetError(f"{source}: missing required key {key!r}")
    if data.get("feedback", "end") not in FEEDBACK:
        raise fail("feedback", f"feedback must be one of {', '.join(FEEDBACK)}")
    if data.get("show_solution", "end") not in SOLUTION:
        raise fail("show_solution", f"show_solution must be one of {', '.join(SOLUTION)}")
    if data.get("duration_minutes", 0) < 0 or data.get("attempts", 0) < 0:
        raise fail("duration_minutes", "durations and attempts cannot be negative")
    if not 0 <= data.get("pass_mark", 0.6) <= 1:
        raise fail("pass_mark", "pass_mark is a fraction between 0 and 1 (0.6 = 60%)")
    credits = data.get("attempt_credit", [])
    if not all(isinstance(c, (int, float)) and 0 <= c <= 1 for c in credits):
        raise fail("attempt_credit", "attempt_credit entries are fractions between 0 and 1")
    sections = []
    if not data["sections"]:
        raise fail("sections", "a preset needs at least one [[sections]] entry")
    for raw in data["sections"]:
        if not isinstance(raw, dict):
            raise fail("sections", "each section is a table with title, families and count")
        for key, value in raw.items():
            if key not in _SECTION_FIELDS:
                raise fail(key, f"unknown section key {key!r}; known: title, families, count")
            if not isinstance(value, _SECTION_FIELDS[key]) or isinstance(value, bool):
                raise fail(key, f"section {key} has the wrong type")
        if not raw.get("families") or not all(isinstance(f, str) for f in raw["families"]):
            raise fail("families", "each section lists at least one family id")
        if raw.get("count", 1) < 1:
            raise fail("count", "a section's count must be at least 1")
        sections.append(
            Section(raw.get("title", "Section"), tuple(raw["families"]), raw.get("count", 1))
        )
    fields = {k: v for k, v in data.items() if k not in ("sections", "attempt_credit", "source")}
    return Preset(
        **fields,
        sections=tuple(sections),
        attempt_credit=tuple(float(c) for c in credits),
        source=source,
    )


def load_preset_file(path: Path) -> Preset:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise PresetError(f"{path}: cannot read ({error.strerror})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PresetError(f"{path}: not valid TOML: {error}") from None
    return _build(data, source=str(path), text=text)


def preset_dirs(data_dir: Path | None) -> list[Path]:
    dirs = [SHIPPED]
    if data_dir is not None:
        dirs.append(data_dir / "presets")
    return dirs


def list_presets(data_dir: Path | None = None) -> tuple[list[Preset], list[str]]:
    """Every preset that loads, and one error line for each that does not."""
    presets: dict[str, Preset] = {}
    errors = []
    for directory in preset_dirs(data_dir):
        for path in sorted(directory.glob("*.toml")) if directory.is_dir() else []:
            try:
                preset = load_preset_file(path)
            except PresetError as error:
                errors.append(str(error))
                continue
            presets[preset.name] = preset  # a user's preset may override a shipped one
    return list(presets.values()), errors


def find_preset(name: str, data_dir: Path | None = None) -> Preset:
    """A preset by name, or a file path to a preset."""
    path = Path(name)
    if path.suffix == ".toml" and path.exists():
        return load_preset_file(path)
    presets, errors = list_presets(data_dir)
    for preset in presets:
        if preset.name == name:
            return preset
    known = ", ".join(p.name for p in presets)
    extra = (
        f" ({counted(len(errors), 'preset file')} failed to load; see `interview-sim presets`)"
        if errors
        else ""
    )
    raise PresetError(f"unknown preset {name!r}; presets are: {known}{extra}")
