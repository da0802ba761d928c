"""The command line's edges: hostile ``--params``, the front door, ``--version`` and
``python -m interview_sim``. Every user error is one line on stderr and exit status 2."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interview_sim.cli import main


def _with_p(value: str) -> str:
    """Valid parameters for lr_odds_logodds except ``p``, which is replaced by ``value``."""
    return '{"p": ' + value + ', "odds_for": 5, "odds_against": 12}'


HOSTILE_PARAMS = {
    "nested 10,000 deep": _with_p("[" * 10_000 + "]" * 10_000),
    "nested 5 deep": _with_p("[" * 5 + "]" * 5),
    "5,000-digit integer": _with_p("9" * 5000),
    "5,000-digit negative": _with_p("-" + "9" * 5000),
    "5,000-digit float": _with_p("0." + "1" * 5000),
    "1e999": _with_p("1e999"),
    "NaN": _with_p("NaN"),
    "Infinity": _with_p("-Infinity"),
    "a megabyte": _with_p('"' + "x" * 1_000_000 + '"'),
    "p a list": _with_p("[0.1]"),
    "p an object": _with_p('{"q": 1}'),
    "p null": _with_p("null"),
    "p true": _with_p("true"),
    "p a string": _with_p('"ten"'),
    "p out of range": _with_p("7"),
    "unknown name": '{"zzz": 1}',
    "a list at the top": "[1, 2]",
    "a string at the top": '"p"',
    "null": "null",
    "not JSON": "{p: 1}",
    "empty": "",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_PARAMS))
@pytest.mark.parametrize("command", ["show", "check"])
def test_hostile_params_give_one_clear_line(capsys, name: str, command: str):
    argv = [command, "lr_odds_logodds", "--params", HOSTILE_PARAMS[name]]
    if command == "check":
        argv += ["--part", "odds", "--answer", "1"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("interview-sim: ") and err.count("\n") == 1, err[:300]
    assert len(err) < 400, "the message never echoes a huge value back"


def _families() -> list[str]:
    from interview_sim.registry import all_families

    return [family.id for family in all_families()]


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**40), 10**40)
    | st.floats(allow_nan=False)
    | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(_families()), st.data())
def test_any_params_of_any_type_give_a_variant_or_one_clear_line(family_id, data):
    """Every family's parameters, one replaced by any JSON value: a variant, or exit 2 with one
    line (an exception escaping ``main`` fails the test)."""
    from interview_sim.registry import get

    params = {spec.name: 1 for spec in get(family_id).params}
    name = data.draw(st.sampled_from(sorted(params)))
    params[name] = data.draw(JSON_VALUES)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["show", family_id, "--params", json.dumps(params)])
    assert code in (0, 2)
    if code == 2:
        assert err.getvalue().startswith("interview-sim: ") and err.getvalue().count("\n") == 1
    else:
        assert out.getvalue().startswith("# ")


def test_params_that_fit_still_work(capsys):
    assert main(["show", "lr_odds_logodds", "--params", _with_p("0.16"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["params"]["p"] == 0.16


def test_version(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("interview-sim ") and out.strip().split()[-1][0].isdigit()


def test_python_dash_m_runs_the_same_command_line():
    result = subprocess.run(
        [sys.executable, "-m", "interview_sim", "families", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0 and len(json.loads(result.stdout)) >= 1


def test_bare_command_without_a_terminal_prints_a_hint(capsys, monkeypatch):
    """On a pipe the full-screen app cannot run: a one-line hint and status 2, not the help."""
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    assert main([]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "run mock-exam --plain" in err


def test_bare_command_in_a_terminal_opens_the_home_screen(monkeypatch, tmp_path):
    import interview_sim.tui.app as app

    opened = {}

    def fake_run_tui(args):
        opened["preset"] = args.preset
        opened["data_dir"] = args.data_dir
        return 0

    class Tty:
        def isatty(self) -> bool:
            return True

        def write(self, text: str) -> int:
            return len(text)

        def flush(self) -> None:
            pass

    monkeypatch.setattr(app, "run_tui", fake_run_tui)
    monkeypatch.setattr(sys, "stdin", Tty())
    monkeypatch.setattr(sys, "stdout", Tty())
    assert main(["--data-dir", str(tmp_path)]) == 0
    assert opened == {"preset": None, "data_dir": str(tmp_path)}, "home: no preset chosen"
