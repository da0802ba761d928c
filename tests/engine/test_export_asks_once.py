"""Exports show each ask once: the parts carry the prompts, so the statement's own numbered asks
are left out (as on the TUI's question screen), in Markdown and HTML, session and worksheet."""

from __future__ import annotations

import html
import re

import pytest

from interview_sim.asks import statement_without_asks
from interview_sim.engine.presets import find_preset
from interview_sim.engine.session import Session
from interview_sim.export import export_session, export_worksheet, markdown_html

from .helpers import FakeClock

# split asks with prose between them, an ask continued on an indented line, plain trailing asks,
# a choice question, and a concept item with one part
FAMILIES = [
    "batchnorm_numeric",
    "lr_odds_logodds",
    "entropy_discrete",
    "conv_output_size",
    "logic_gate_perceptron",
]
ASK = re.compile(r"^\d+[.)]\s+(.*)$")


def _plain(text: str, fmt: str) -> str:
    """What a reader sees: Markdown rendered, tags dropped, entities and emphasis undone."""
    rendered = markdown_html(text) if fmt == "md" else text
    return html.unescape(re.sub(r"<[^>]+>", "", rendered)).replace("**", "")


def _asks(statement: str) -> list[str]:
    return [
        ASK.match(line).group(1).replace("**", "")
        for line in statement.splitlines()
        if ASK.match(line)
    ]


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("family", FAMILIES)
def test_exports_print_each_ask_once(family: str, fmt: str):
    for seed in (1, 2, 3):
        session = Session.create(find_preset("practice"), seed, clock=FakeClock(), family=family)
        session.start()
        question = session.transcript.questions[0]
        kept = statement_without_asks(question.statement, len(question.parts))
        assert kept != question.statement, f"{family}: no asks found to leave out"
        dropped = [ask for ask in _asks(question.statement) if ask not in _asks(kept)]
        # the worked solutions may restate an ask as a step: only the questions are compared
        sheet = export_worksheet(session.transcript, fmt).partition("Answer key")[0]
        graded = export_session(session.transcript, fmt).partition("Worked solution")[0]
        for text in (_plain(graded, fmt), _plain(sheet, fmt)):
            for ask in dropped:  # shown only where a part's prompt says it
                labels = sum(part.prompt.count(ask) for part in question.parts)
                assert text.count(ask) == labels, f"{family} seed {seed}: {ask!r} printed twice"
            for part in question.parts:
                assert part.prompt in text, f"{family} seed {seed}: part {part.id} not shown"
            for line in kept.splitlines():  # the rest of the statement is all there
                words = _plain(line, "md").strip()
                if words and not line.startswith(("|", "```", " ", "\t")):
                    assert words in text, f"{family} seed {seed}: lost {words!r}"
        for part in question.parts:  # the worksheet asks each once, as a prompt with a blank
            assert _plain(sheet, fmt).count(f"{part.prompt}:") == 1
