"""The domain never loads the UI: importing and using it leaves ``textual`` out of sys.modules."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys

DOMAIN_MODULES = [
    "interview_sim.model",
    "interview_sim.answers.check",
    "interview_sim.family",
    "interview_sim.registry",
    "interview_sim.book",
    "interview_sim.concepts",
]
# Packages that are being written while this test exists: covered as soon as they appear.
OPTIONAL_PACKAGES = ["interview_sim.engine", "interview_sim.store"]

PROBE = """
import importlib, json, pkgutil, sys
modules = json.loads(sys.argv[1])
for name in modules:
    module = importlib.import_module(name)
    if hasattr(module, "__path__"):  # a package: import every submodule too
        for info in pkgutil.walk_packages(module.__path__, prefix=name + "."):
            importlib.import_module(info.name)
from interview_sim import registry
families = registry.all_families()
print(json.dumps({
    "families": len(families),
    "ui": sorted(m for m in sys.modules if m == "textual" or m.startswith("textual.")),
}))
"""


def test_domain_does_not_import_textual() -> None:
    present = [name for name in OPTIONAL_PACKAGES if importlib.util.find_spec(name) is not None]
    result = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(DOMAIN_MODULES + present)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["families"] >= 1
    assert report["ui"] == [], f"the domain imported the UI: {report['ui'][:5]}"
