"""Find every family under ``generators/``: a module that defines ``FAMILY`` is registered.

Adding a family is adding one module (and its two templates); nothing else needs editing. Every
item of the concept bank (``generators/concepts/*.toml``) is registered too, as a family of
``kind = "concept"``: ``get`` finds both, ``all_families`` lists numeric families unless asked for
concepts (``kind="concept"``) or everything (``kind=None``).
"""

from __future__ import annotations

import difflib
import importlib
import pkgutil
from functools import lru_cache

from interview_sim.chapters import CHAPTERS
from interview_sim.concepts.family import concept_family
from interview_sim.concepts.load import load_bank
from interview_sim.family import Family


class UnknownFamily(KeyError):
    def __init__(self, family_id: str, known: list[str]) -> None:
        close = difflib.get_close_matches(family_id, known, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see `interview-sim families`"
        super().__init__(f"unknown family {family_id!r}{hint}")
        self.message = f"unknown family {family_id!r}{hint}"

    def __str__(self) -> str:
        return self.message


@lru_cache(maxsize=1)
def _families() -> dict[str, Family]:
    import generators

    found: dict[str, Family] = {}
    for info in pkgutil.walk_packages(generators.__path__, prefix="generators."):
        module = importlib.import_module(info.name)
        family = getattr(module, "FAMILY", None)
        if isinstance(family, Family):
            if family.id in found:
                raise RuntimeError(f"two families share the id {family.id!r}")
            if family.chapter not in CHAPTERS:
                raise RuntimeError(f"{family.id}: unknown chapter {family.chapter!r}")
            found[family.id] = family
    for item in load_bank():
        if item.id in found:
            raise RuntimeError(f"the concept item {item.id!r} has the id of a family")
        found[item.id] = concept_family(item)
    chapter_order = list(CHAPTERS)
    return dict(
        sorted(
            found.items(),
            key=lambda kv: (chapter_order.index(kv[1].chapter), kv[1].kind != "numeric", kv[0]),
        )
    )


def all_families(chapter: str | None = None, kind: str | None = "numeric") -> list[Family]:
    """Registered families in chapter order; ``kind`` "numeric" (the default: the generated
    problems), "concept" (the concept bank's items) or None (both)."""
    families = [f for f in _families().values() if kind is None or f.kind == kind]
    if chapter is not None:
        if chapter not in CHAPTERS:
            raise KeyError(f"unknown chapter {chapter!r}; chapters are: {', '.join(CHAPTERS)}")
        families = [f for f in families if f.chapter == chapter]
    return families


def get(family_id: str) -> Family:
    families = _families()
    if family_id not in families:
        raise UnknownFamily(family_id, list(families))
    return families[family_id]
