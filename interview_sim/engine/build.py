"""Build an exam from a preset and an exam seed: which families, which variant seeds.

Every choice is derived from (preset, exam seed, slot) by hashing, so the exam code
``mock-exam:123456`` rebuilds the same exam on any machine, and questions do not shift when one
section changes.
"""

from __future__ import annotations

import random
from collections.abc import Mapping

from interview_sim.answers.check import accepted_rule, expected_text, expected_value, input_hint
from interview_sim.chapters import CHAPTERS
from interview_sim.engine.presets import Preset, PresetError
from interview_sim.engine.transcript import PartRecord, QuestionRecord
from interview_sim.model import Variant
from interview_sim.registry import all_families, get
from interview_sim.seeds import derive_seed


def exam_code(preset: Preset, exam_seed: int, chapter: str | None, family: str | None) -> str:
    extra = chapter or family
    return f"{preset.name}:{exam_seed}" + (f":{extra}" if extra else "")


def section_pool(families: tuple[str, ...], chapter: str | None, family: str | None) -> list[str]:
    """The family ids a section draws from, after the user's chapter/family filter."""
    if family is not None:
        get(family)  # a clear error for an unknown id
        return [family]
    pool: list[str] = []
    for entry in families:
        if entry == "*":
            pool += [f.id for f in all_families(chapter)]
        elif entry == "chapter":
            if chapter is None:
                raise PresetError("this preset drills one chapter: choose it with --chapter")
            pool += [f.id for f in all_families(chapter)]
        else:
            get(entry)
            pool.append(entry)
    if not pool:
        raise PresetError(f"no families to draw from (chapter {chapter!r})")
    return list(dict.fromkeys(pool))


def choose_families(
    preset: Preset,
    exam_seed: int,
    chapter: str | None = None,
    family: str | None = None,
) -> list[tuple[str, str]]:
    """(section title, family id) for every slot of a finite exam."""
    chosen = []
    for index, section in enumerate(preset.sections):
        pool = section_pool(section.families, chapter, family)
        rng = random.Random(derive_seed(preset.name, 0, exam_seed, index))
        picks = _rounds(pool, section.count, rng)
        # a drill's section is its chapter: show the chapter's name, not the preset's placeholder
        title = (
            CHAPTERS.get(chapter or "", section.title)
            if "chapter" in section.families
            else section.title
        )
        chosen += [(title, family_id) for family_id in picks]
    return chosen


def _rounds(pool: list[str], count: int, rng: random.Random) -> list[str]:
    """``count`` picks in rounds: each round is the whole pool in a fresh order, so no family comes
    twice before every family of the pool has come once (a drill longer than its pool)."""
    picks: list[str] = []
    while len(picks) < count:
        picks += rng.sample(pool, len(pool))
    return picks[:count]


def pick_adaptive(pool: list[str], exam_seed: int, slot: int, weights: Mapping[str, float]) -> str:
    """Practice: draw a family in proportion to its weight (1 when it has none), so with no
    weights at all every family is equally likely. The weights come from spaced review
    (``review.recall.practice_weights``): cards FSRS predicts you are forgetting come up more."""
    rng = random.Random(derive_seed("practice", 0, exam_seed, slot))
    return rng.choices(pool, weights=[weights.get(f, 1.0) for f in pool], k=1)[0]


def question_for(
    slot: int, section: str, family_id: str, exam_seed: int, seed: int | None = None
) -> QuestionRecord:
    """The question in one slot; ``seed`` pins the variant (e.g. "practise this one again")."""
    family = get(family_id)
    if seed is None:
        seed = derive_seed(family.id, family.version, exam_seed, slot)
    return record_variant(slot, section, family.variant(seed))


def record_variant(slot: int, section: str, variant: Variant) -> QuestionRecord:
    parts = [
        PartRecord(
            id=part.id,
            kind=str(part.kind),
            prompt=part.prompt,
            expected=expected_text(part),
            expected_value=expected_value(part),
            accepted=accepted_rule(part),
            hint=input_hint(part),
            weight=float(part.weight),
            options=[list(option) for option in part.options],
        )
        for part in variant.parts
    ]
    return QuestionRecord(
        slot=slot,
        section=section,
        family=variant.family,
        version=variant.version,
        seed=variant.seed,
        title=variant.title,
        chapter=variant.chapter,
        params=variant.params,
        statement=variant.statement,
        solution=variant.solution,
        parts=parts,
    )
