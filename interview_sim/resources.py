"""Where the shipped templates and presets are, in a checkout and in an installed wheel.

The developers' guide keeps ``templates/`` and ``sessions/`` at the repository's top level, where
authors edit them. A wheel cannot install top-level data folders next to the package, so the
build copies them into the package as ``interview_sim/_templates`` and ``interview_sim/_sessions``
(see ``setup.py``); this module finds them through importlib.resources, and falls back to the
top-level folders when running from a checkout or an editable install, which have no copies.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent


def shipped(folder: str) -> Path:
    """The shipped data folder ``folder`` ("templates" or "sessions") as a real path (jinja2
    and the preset loader read files by path)."""
    packaged = files("interview_sim") / f"_{folder}"
    if packaged.is_dir():
        return Path(str(packaged))
    return _CHECKOUT / folder


TEMPLATES = shipped("templates")
PRESETS = shipped("sessions")
