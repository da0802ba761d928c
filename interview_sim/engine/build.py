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


CONCEPTS = "concepts"
# "concepts:<filter>+<filter>" narrows the concept bank; what each filter keeps:
CONCEPT_FILTERS = {
    "short": "difficulty 1–2 and not explain (quick items for rapid fire)",
    "code": "code-reading items only",
    "exam": "items whose exam_sections name this section's title",
    "chapter": "the chapter chosen with --chapter (required)",
}


def section_groups(
    families: tuple[str, ...], chapter: str | None, family: str | None, title: str = ""
) -> list[list[str]]:
    """The section's pool as groups drawn from in turn: the listed family ids (and "*",
    "chapter") form one group, each "concepts…" entry another, so a section mixing numeric
    families with concept items gets both whatever the pools' sizes."""
    if family is not None:
        get(family)  # a clear error for an unknown id
        return [[family]]
    listed: list[str] = []
    groups: list[list[str]] = []
    for entry in families:
        if entry == "*":
            listed += [f.id for f in all_families(chapter)]
        elif entry == "chapter":
            if chapter is None:
                raise PresetError("this preset drills one chapter: choose it with --chapter")
            listed += [f.id for f in all_families(chapter)]
        elif entry == CONCEPTS or entry.startswith(CONCEPTS + ":"):
            groups.append(_concepts(entry, chapter, title))
        else:
            get(entry)
            listed.append(entry)
    groups = [list(dict.fromkeys(group)) for group in ([listed] + groups) if group]
    if not groups:
        raise PresetError(f"no families to draw from (chapter {chapter!r})")
    return groups


def _concepts(entry: str, chapter: str | None, title: str) -> list[str]:
    filters = [f for f in entry.partition(":")[2].split("+") if f]
    unknown = [f for f in filters if f not in CONCEPT_FILTERS]
    if unknown:
        known = ", ".join(f"{name} ({meaning})" for name, meaning in CONCEPT_FILTERS.items())
        raise PresetError(f"unknown concept filter {unknown[0]!r} in {entry!r}; filters: {known}")
    if "chapter" in filters and chapter is None:
        raise PresetError("this preset drills one chapter's concepts: choose it with --chapter")
    items = []
    for family in all_families(chapter, kind="concept"):
        item = family.concept
        if "short" in filters and (item.difficulty > 2 or item.kind == "explain"):
            continue
        if "code" in filters and item.kind != "code":
            continue
        if "exam" in filters and title not in item.exam_sections:
            continue
        items.append(family.id)
    if not items:
        raise PresetError(f"no concept items match {entry!r} (chapter {chapter!r})")
    return items


def section_pool(
    families: tuple[str, ...], chapter: str | None, family: str | None, title: str = ""
) -> list[str]:
    """The family ids a section draws from, after the user's chapter/family filter."""
    groups = section_groups(families, chapter, family, title)
    return list(dict.fromkeys(family_id for group in groups for family_id in group))


def choose_families(
    preset: Preset,
    exam_seed: int,
    chapter: str | None = None,
    family: str | None = None,
) -> list[tuple[str, str]]:
    """(section title, family id) for every slot of a finite exam."""
    chosen = []
    for index, section in enumerate(preset.sections):
        groups = section_groups(section.families, chapter, family, section.title)
        rng = random.Random(derive_seed(preset.name, 0, exam_seed, index))
        if len(groups) == 1:
            picks = _picks(groups[0], section.count, rng)
        else:  # mixed: the count shared out in turn from a seeded first group, then shuffled
            first = rng.randrange(len(groups))
            shares = [0] * len(groups)
            for turn in range(section.count):
                shares[(first + turn) % len(groups)] += 1
            picks = [
                pick
                for group, n in zip(groups, shares, strict=True)
                for pick in _picks(group, n, rng)
            ]
            rng.shuffle(picks)
        # a drill's section is its chapter: show the chapter's name, not the preset's placeholder
        title = (
            CHAPTERS.get(chapter or "", section.title)
            if any(_drills_chapter(entry) for entry in section.families)
            else section.title
        )
        chosen += [(title, family_id) for family_id in picks]
    return chosen


def _drills_chapter(entry: str) -> bool:
    filters = entry.partition(":")[2].split("+") if entry.startswith(CONCEPTS + ":") else []
    return entry == "chapter" or "chapter" in filters


def _picks(pool: list[str], count: int, rng: random.Random) -> list[str]:
    """``count`` picks in rounds: each round is the whole pool in a fresh order, so no family comes
    twice before every family of the pool has come once (a drill longer than its pool)."""
    if count <= len(pool):
        return rng.sample(pool, count)  # the common case, drawn as it always was
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
            rubric=[[point, weight] for point, weight in part.rubric],
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
