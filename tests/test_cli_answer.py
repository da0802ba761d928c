"""`check --answer` takes answers that start with a minus sign, through the real entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from interview_sim.cli import attach_answer_values, main

CHECK = ["check", "lr_odds_logodds", "--seed", "1", "--part", "log_odds"]  # log(4/21) ≈ -1.658


@pytest.mark.parametrize(
    ("answer", "status"),
    [
        ("-1.658", "correct"),
        ("-log(21/4)", "correct"),
        ("-ln(21) + ln(4)", "correct"),
        ("-1.6582e0", "correct"),
        ("-2.5e-3", "incorrect"),
        ("-log(9)", "incorrect"),
        ("−1.658", "correct"),  # unicode minus needed no help, and still works
    ],
)
def test_negative_answers_after_a_space(
    answer: str, status: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*CHECK, "--answer", answer, "--json"]) == 0
    reply = json.loads(capsys.readouterr().out)
    assert reply["verdict"] == status, reply


@pytest.mark.parametrize("spelling", ["--answer", "--answ", "--ans"])
def test_abbreviations_and_any_option_order(
    spelling: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "lr_odds_logodds", spelling, "-1.658", "--seed", "1", "--json",
                 "--part", "log_odds"]) == 0  # fmt: skip
    assert json.loads(capsys.readouterr().out)["verdict"] == "correct"


def test_the_joining_rule() -> None:
    assert attach_answer_values(["--answer", "-2"]) == ["--answer=-2"]
    assert attach_answer_values(["--answer", "2"]) == ["--answer", "2"]
    assert attach_answer_values(["--answer=-2"]) == ["--answer=-2"]
    # a following option is not swallowed: argparse still reports the missing value
    assert attach_answer_values(["--answer", "--json"]) == ["--answer", "--json"]
    assert attach_answer_values(["--answer"]) == ["--answer"]
    assert attach_answer_values(["--seed", "-1"]) == ["--seed", "-1"]


def test_a_missing_answer_is_still_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*CHECK, "--answer", "--json"])
    assert exit_info.value.code == 2
    assert "--answer" in capsys.readouterr().err


def test_the_installed_console_script(tmp_path: Path) -> None:
    """The real entry point, as a user runs it: `interview-sim check … --answer -1.658`."""
    script = Path(sys.executable).with_name("interview-sim")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "interview_sim.cli"]
    result = subprocess.run(
        [*command, *CHECK, "--answer", "-log(21/4)"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "INTERVIEW_SIM_HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("correct"), result.stdout
