"""The concept bank: the book's conceptual questions as rule-gradable items kept as data.

Items live in ``generators/concepts/<chapter>.toml``; :func:`load_bank` reads and validates them.
"""

from interview_sim.concepts.load import (
    ANSWER_KINDS,
    KINDS,
    ConceptError,
    ConceptItem,
    Option,
    RubricPoint,
    load_bank,
)

__all__ = [
    "ANSWER_KINDS",
    "KINDS",
    "ConceptError",
    "ConceptItem",
    "Option",
    "RubricPoint",
    "load_bank",
]
