"""A statement's numbered asks are taken out only when they are exactly the parts, and nothing
else of the statement is lost (the TUI, the review and the exports list the parts themselves)."""

from __future__ import annotations

import re

import pytest

from interview_sim.asks import statement_without_asks
from interview_sim.registry import all_families

ITEM = re.compile(r"^\d+[.)]\s")


def test_trailing_asks_go_and_the_setup_stays():
    statement = "A coin lands heads with p = 0.3.\n\n1. What is P(H)?\n2. What is P(T)?\n"
    assert statement_without_asks(statement, 2) == "A coin lands heads with p = 0.3.\n"


def test_prose_between_two_runs_of_asks_stays_and_blank_lines_collapse():
    statement = (
        "Data x = (1, 2).\n\n1. Mean?\n2. Variance?\n\nThe layer follows a conv.\n\n"
        "3. num_features?\n4. Parameters?"
    )
    assert statement_without_asks(statement, 4) == (
        "Data x = (1, 2).\n\nThe layer follows a conv.\n"
    )


def test_an_indented_continuation_goes_with_its_ask():
    statement = "Setup.\n\n1. First ask,\n   continued here.\n2. Second ask?\n"
    assert statement_without_asks(statement, 2) == "Setup.\n"


@pytest.mark.parametrize(
    ("statement", "parts", "why"),
    [
        ("Setup.\n\n1. One?\n2. Two?\n", 3, "fewer asks than parts"),
        ("Setup.\n\n1. One?\n2. Two?\n3. Three?\n", 2, "the last two are numbered 2 and 3"),
        ("Setup.\n\n1. One?\n2. Two?\n\nThen say why.\n", 2, "prose after the last ask"),
        ("Steps:\n1. Read.\n2. Write.\n\nWhat is 2 + 2?\n", 1, "a list that is not the asks"),
        ("No list at all.\n", 1, "no numbered items"),
    ],
)
def test_a_list_that_is_not_the_asks_is_kept_whole(statement, parts, why):
    assert statement_without_asks(statement, parts) == statement, why


def test_a_list_earlier_in_the_statement_is_kept():
    statement = "Steps:\n1. Read.\n2. Write.\n\nNow:\n\n1. How many steps?\n"
    assert statement_without_asks(statement, 1) == "Steps:\n1. Read.\n2. Write.\n\nNow:\n"


@pytest.mark.parametrize("family", all_families(kind=None), ids=lambda f: f.id)
def test_every_family_loses_exactly_its_asks(family):
    """Over a few seeds of every family and concept item: when the asks go, exactly one
    numbered line per part goes, every other non-blank line stays in order, and the statement
    keeps no numbered list that ends it with one item per part (the ask list shown twice)."""
    for seed in range(4):
        variant = family.variant(seed)
        statement, parts = variant.statement, len(variant.parts)
        shown = statement_without_asks(statement, parts)
        before = [line for line in statement.splitlines() if line.strip()]
        after = [line for line in shown.splitlines() if line.strip()]
        if shown == statement:
            numbered = [int(ITEM.match(line).group()[:-2]) for line in before if ITEM.match(line)]
            assert numbered[-parts:] != list(range(1, parts + 1)), "the asks were left in"
            continue
        removed = [line for line in before if line not in after]
        asks = [line for line in removed if ITEM.match(line)]
        assert len(asks) == parts, "one numbered line per part goes"
        assert all(ITEM.match(line) or line[0].isspace() for line in removed), removed
        remaining = iter(before)
        assert all(line in remaining for line in after), "a line was lost or reordered"
