"""The home screen's import path stays light: no sympy, no generators (cold start ≤ 1 s)."""

from __future__ import annotations

import subprocess
import sys


def test_home_import_path_has_no_sympy_or_generators():
    code = (
        "import sys; import interview_sim.tui.app, interview_sim.tui.screens.home; "
        "heavy = sorted(m for m in ('sympy', 'generators', 'interview_sim.engine.session', "
        "'interview_sim.store.sessions') if m in sys.modules); print(','.join(heavy))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "", f"imported on the way to the home screen: {out}"
