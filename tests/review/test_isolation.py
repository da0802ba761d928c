"""The review package is domain code: importing all of it never loads Textual."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import importlib, pkgutil, sys
import interview_sim.review as review
for info in pkgutil.walk_packages(review.__path__, prefix="interview_sim.review."):
    importlib.import_module(info.name)
print(sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))[:3])
"""


def test_review_does_not_import_textual():
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
