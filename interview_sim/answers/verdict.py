"""The outcome of checking one typed answer."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from fractions import Fraction
from typing import Any

CORRECT = "correct"
INCORRECT = "incorrect"
INVALID = "invalid"  # unreadable, not real, or "close" with too few figures: says why, no attempt
MISTAKE = "mistake"  # a recognised slip: its tag, explanation and partial credit
UNVERIFIED = "unverified"  # no time or no reliable evidence either way: never correct, no attempt
# explain parts: the text is kept, the candidate still has to tick the rubric points they covered
PENDING = "pending"
SELF_ASSESSED = "self_assessed"  # scored by the candidate's own ticks: labelled so everywhere
STATUSES = (CORRECT, INCORRECT, INVALID, MISTAKE, UNVERIFIED, PENDING, SELF_ASSESSED)


@dataclass(frozen=True)
class Verdict:
    status: str
    message: str
    read_as: str = ""
    expected: str = ""
    expected_display: str = ""  # the expected answer as readable math with its decimal
    expected_value: Any = None
    accepted: str = ""
    tag: str = ""
    credit: Fraction = Fraction(0)
    explanation: str = ""
    layer: str = ""

    @property
    def counts_as_attempt(self) -> bool:
        return self.status not in (INVALID, UNVERIFIED, PENDING)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["credit"] = float(self.credit)
        return {"verdict": data.pop("status"), **data}


def expected_display(verdict: dict[str, Any], kind: str = "") -> str:
    """The readable expected answer of a stored verdict of a part of ``kind``.

    Transcripts written before ``expected_display`` existed only have the machine text
    ``expected``: it is rendered on the fly, so old sessions still load and read as math.
    """
    if verdict.get("expected_display"):
        return verdict["expected_display"]
    from interview_sim.mathtext import readable

    return readable(verdict.get("expected", "") or "", kind=kind)
