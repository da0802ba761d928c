"""A concept item as a family: the same variant/part/verdict model as the numeric families.

Each item of the bank becomes a ``ConceptFamily`` with ``kind = "concept"``, so the registry,
presets, the engine, ``show``/``check`` and the book coverage treat it like any family. A seed
picks what can vary: which claim of a true/false pair is shown, and the order of choice options.
Both are explicit parameters (``claim``, ``order``), so ``show --params`` rebuilds a variant and
a transcript's seed reproduces it. Statements and solutions are written from the item's fields
(no templates: the wording is the data).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from fractions import Fraction
from math import factorial
from typing import Any

import sympy

from interview_sim.concepts.load import ConceptItem
from interview_sim.family import Family, Param, ParamError, Solved, params_to_json
from interview_sim.model import AnswerKind, Mistake, Part, Variant

KIND_TITLES = {
    "true_false": "true or false",
    "choice": "choose one",
    "multi_choice": "choose all that apply",
    "cloze": "fill in the blanks",
    "code": "read the code",
    "explain": "explain",
}
KEYS = "abcdef"  # options are lettered a–f (at most six)
_EXACT_KINDS = {
    "shape": AnswerKind.SHAPE,
    "integer": AnswerKind.INTEGER,
    "real": AnswerKind.REAL,
    "text": AnswerKind.TEXT,
}


@dataclass(frozen=True)
class ConceptFamily(Family):
    """A family whose one 'variant space' is an item's pair member and option order."""

    item: ConceptItem | None = None

    @property
    def concept(self) -> ConceptItem:
        assert self.item is not None
        return self.item

    def _build(self, raw: Any, seed: int | None) -> Variant:
        params = self.coerce(raw)
        solved = self.solve(params)
        item = self.concept
        return Variant(
            family=self.id,
            version=self.version,
            seed=seed,
            params=params_to_json(params),
            statement=statement(item, params),
            solution=solution(item, params),
            parts=tuple(solved.parts),
            title=self.title,
            chapter=self.chapter,
            facts=dict(solved.facts),
        )

    def to_json(self) -> dict[str, Any]:
        item = self.concept
        return super().to_json() | {
            "concept_kind": item.kind,
            "topic": item.topic,
            "difficulty": item.difficulty,
            "exam_sections": list(item.exam_sections),
            "source": item.source,
        }


def concept_family(item: ConceptItem) -> ConceptFamily:
    """The family that asks one concept item."""
    return ConceptFamily(
        id=item.id,
        chapter=item.chapter,
        title=f"{item.topic[:1].upper()}{item.topic[1:]} ({KIND_TITLES[item.kind]})",
        book_refs=item.book_refs,
        params=_params(item),
        draw=lambda rng: _draw(item, rng),
        solve=lambda params: Solved(_parts(item, params)),
        check=lambda params: _check(item, params),
        kind="concept",
        space=_space(item),
        item=item,
    )


# -- what a seed varies ------------------------------------------------------------------------
def _has_options(item: ConceptItem) -> bool:
    return bool(item.options)


def _params(item: ConceptItem) -> tuple[Param, ...]:
    if item.kind == "true_false":
        return (
            Param("claim", "which claim of the pair is shown", "choice", options=(True, False)),
        )
    if _has_options(item):
        return (Param("order", "the options' order: indices into the item's options", "data"),)
    return ()


def _draw(item: ConceptItem, rng: random.Random) -> dict[str, Any]:
    if item.kind == "true_false":
        return {"claim": rng.random() < 0.5}
    if _has_options(item):
        order = list(range(len(item.options)))
        rng.shuffle(order)
        return {"order": order}
    return {}


def _check(item: ConceptItem, params: dict[str, Any]) -> None:
    if "order" not in params:
        return
    order = params["order"]
    count = len(item.options)
    if (
        not isinstance(order, list)
        or any(isinstance(i, bool) or not isinstance(i, int) for i in order)
        or sorted(order) != list(range(count))
    ):
        raise ParamError(
            "order", f"must list each option index 0–{count - 1} once, e.g. {list(range(count))}"
        )


def _space(item: ConceptItem) -> int:
    if item.kind == "true_false":
        return 2
    return factorial(len(item.options)) if _has_options(item) else 1


# -- parts -------------------------------------------------------------------------------------
def _ordered(item: ConceptItem, params: dict[str, Any]) -> list[tuple[str, int]]:
    """(letter, index into item.options) in the order shown."""
    return [(KEYS[position], index) for position, index in enumerate(params["order"])]


def _parts(item: ConceptItem, params: dict[str, Any]) -> list[Part]:
    if item.kind == "true_false":
        claim = params["claim"]
        reason = item.reason_true if claim else item.reason_false
        slip = Mistake("flipped", reason, value=not claim)
        return [
            Part("claim", "True or false?", AnswerKind.BOOLEAN, claim, mistakes=(slip,)),
        ]
    if _has_options(item):
        return [_option_part(item, params)]
    if item.kind == "cloze":
        return [
            Part(
                f"blank{number}",
                f"Blank {number}" if len(item.blanks) > 1 else "The missing word(s)",
                AnswerKind.TEXT,
                accepted[0],
                alternatives=tuple(accepted[1:]),
            )
            for number, accepted in enumerate(item.blanks, start=1)
        ]
    if item.kind == "code":
        kind = _EXACT_KINDS[item.answer_kind]
        return [Part("answer", "Your answer", kind, _exact(item.answer, kind), hint=_hint(kind))]
    rubric = tuple((point.point, point.weight) for point in item.rubric)
    return [
        Part(
            "explanation", "Your explanation", AnswerKind.EXPLAIN, item.model_answer, rubric=rubric
        )
    ]


def _option_part(item: ConceptItem, params: dict[str, Any]) -> Part:
    shown = _ordered(item, params)
    options = tuple((key, item.options[index].text) for key, index in shown)
    correct = [key for key, index in shown if item.options[index].correct]
    wrong = [(key, index) for key, index in shown if not item.options[index].correct]
    if item.kind == "multi_choice":
        return Part(
            "choices",
            "Choose every option that is right",
            AnswerKind.CHOICES,
            frozenset(correct),
            options=options,
        )
    # a wrong option is a recognised slip: its tag names the option (stable across orders) and
    # its explanation is the option's own "why"
    mistakes = tuple(
        Mistake(f"option_{index + 1}", item.options[index].why, value=key) for key, index in wrong
    )
    prompt = "Your choice" if item.kind == "code" else "Choose one option"
    return Part("choice", prompt, AnswerKind.CHOICE, correct[0], options=options, mistakes=mistakes)


def _exact(answer: str, kind: AnswerKind) -> Any:
    """The item's exact answer as the checker compares it."""
    if kind == AnswerKind.SHAPE:
        digits = answer.replace("torch.Size", "").strip("()[] ,")
        return tuple(
            int(x) for x in digits.replace("[", "").replace("]", "").split(",") if x.strip()
        )
    if kind == AnswerKind.INTEGER:
        return sympy.Integer(int(answer))
    if kind == AnswerKind.REAL:
        return sympy.Rational(Fraction(answer).numerator, Fraction(answer).denominator)
    return answer


def _hint(kind: AnswerKind) -> str:
    if kind == AnswerKind.SHAPE:
        return "the shape as numbers: (8, 3072) or 8x3072"
    return ""


# -- what the candidate reads ------------------------------------------------------------------
def _blanked(text: str) -> str:
    """The cloze text with its blanks named as the parts are: "… is the [blank] function", or
    "[blank 1] … [blank 2]" (underscores would turn into emphasis in Markdown)."""
    pieces = text.split("___")
    if len(pieces) == 2:
        return f"{pieces[0]}[blank]{pieces[1]}"
    out = pieces[0]
    for number, piece in enumerate(pieces[1:], start=1):
        out += f"[blank {number}]{piece}"
    return out


def _code_block(item: ConceptItem) -> str:
    return f"```{item.language}\n{item.code.strip()}\n```"


def statement(item: ConceptItem, params: dict[str, Any]) -> str:
    if item.kind == "true_false":
        claim = item.true_statement if params["claim"] else item.false_statement
        return f"True or false: {claim}"
    if item.kind == "cloze":
        return f"Complete the sentence.\n\n{_blanked(item.text)}"
    if item.kind == "code":
        return f"{item.question}\n\n{_code_block(item)}"
    if item.kind == "explain":
        return f"{item.question}\n\nAnswer in your own words; you then compare with a model answer."
    return item.question


def solution(item: ConceptItem, params: dict[str, Any]) -> str:
    if item.kind == "true_false":
        if params["claim"]:
            verdict, other = f"**True.** {item.reason_true}", "The false twin"
            twin = f"{item.false_statement} ({item.reason_false})"
        else:
            verdict, other = f"**False.** {item.reason_false}", "What does hold"
            twin = f"{item.true_statement} ({item.reason_true})"
        return f"{verdict}\n\n{other}: {twin}"
    if _has_options(item):
        lines = []
        for key, index in _ordered(item, params):
            option = item.options[index]
            mark = "✓" if option.correct else "✗"
            lines.append(f"- {mark} **{key})** {option.text} — {option.why}")
        body = "\n".join(lines)
        return f"{body}\n\n{item.explanation}".strip()
    if item.kind == "cloze":
        filled = item.text
        for accepted in item.blanks:
            filled = filled.replace("___", f"**{accepted[0]}**", 1)
        also = [
            f"blank {n}: also {', '.join(a[1:])}" for n, a in enumerate(item.blanks, 1) if a[1:]
        ]
        extra = f"\n\nAccepted too — {'; '.join(also)}." if also else ""
        return f"{filled}{extra}\n\n{item.explanation}".strip()
    if item.kind == "code":
        return f"**{item.answer}**\n\n{item.explanation}".strip()
    points = "\n".join(
        f"{number}. {point.point} (weight {point.weight})"
        for number, point in enumerate(item.rubric, start=1)
    )
    return (
        f"**Model answer.** {item.model_answer}\n\n**Rubric** (tick what you covered):\n\n{points}"
    )
