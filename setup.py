"""Ship the top-level ``templates/`` and ``sessions/`` inside the wheel.

They stay at the repository's top level (the developers' guide's layout); a non-editable build
copies them into the package as ``interview_sim/_templates`` and ``interview_sim/_sessions``,
where ``interview_sim.resources`` finds them. Everything else is configured in pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DATA = {"templates": "_templates", "sessions": "_sessions"}


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the top-level folders in place
        for source, target in DATA.items():
            shutil.copytree(
                Path(__file__).parent / source,
                Path(self.build_lib, "interview_sim", target),
                dirs_exist_ok=True,
                ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
            )


setup(cmdclass={"build_py": BuildWithData})
