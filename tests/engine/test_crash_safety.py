"""kill -9 at random points loses no acknowledged answer and keeps the clock (20 trials in CI);
the TUI keeps text typed but not entered (3 trials here, ``python -m bench.crash_tui`` for more)."""

import random
from pathlib import Path

import pytest

from bench import crash_tui
from bench.crash import run_trial


@pytest.mark.parametrize("trial", range(20))
def test_sigkill_at_a_random_point_loses_nothing(tmp_path: Path, trial: int):
    result = run_trial(tmp_path, random.Random(1000 + trial))
    assert result["remaining"] > 1700


@pytest.mark.parametrize("trial, settled", [(0, True), (1, True), (2, False)])
def test_sigkill_of_the_tui_keeps_typed_but_unentered_text(
    tmp_path: Path, trial: int, settled: bool
):
    result = crash_tui.run_trial(tmp_path, random.Random(2000 + trial), settled=settled)
    if settled:  # killed after the draft reached the disk: the kill did not lose or damage it
        assert result["draft"] == result["typed"]
