"""Where user data lives: ``--data-dir``, else ``$INTERVIEW_SIM_HOME``, else the XDG data home."""

from __future__ import annotations

import os
from pathlib import Path


def data_dir(explicit: str | os.PathLike | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    if home := os.environ.get("INTERVIEW_SIM_HOME"):
        return Path(home).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "interview-sim"
