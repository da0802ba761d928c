"""kill -9 at random points loses no acknowledged answer and keeps the clock (20 trials in CI)."""

import random
from pathlib import Path

import pytest

from bench.crash import run_trial


@pytest.mark.parametrize("trial", range(20))
def test_sigkill_at_a_random_point_loses_nothing(tmp_path: Path, trial: int):
    result = run_trial(tmp_path, random.Random(1000 + trial))
    assert result["remaining"] > 1700
