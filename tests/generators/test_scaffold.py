"""The new-family scaffold: its files, filled with a trivial example, pass the generic checks."""

from __future__ import annotations

import importlib.util
import shutil
import sys

import pytest

from interview_sim import render
from interview_sim.kit.scaffold import ScaffoldError, write_family
from tests.test_families import assert_variant_sound

FILL_MODULE = {
    'raise NotImplementedError("toy_double.draw: TODO draw the parameters")': (
        'return {"x": rng.randint(1, 100)}'
    ),
    'raise NotImplementedError("toy_double.solve: TODO compute the parts")': (
        'x = params["x"]\n'
        '    why = "that is x/2, not 2x."\n'
        '    twice = real("double", prompt("Twice {{ x | num }}", x=x), 2 * x,'
        ' slip("halved", why, x / 2))\n'
        '    return Solved([twice], {"double": 2 * x})'
    ),
    "book_params=None,": 'book_params={"x": 3}, space=100,',
}
FILL_SOLUTION = {"TODO_part": "double", "facts.TODO_value": "facts.double"}
FILL_TEST = {
    "[])  # TODO (part": '[("double", "6", "correct"), ("double", "1.5", "halved")])  #',
    "return {}  # TODO": 'return {"double": 2 * float(params["x"])}  #',
    "[])  # TODO [(name": '[("x", -1), ("x", "two")])  #',
}


def fill(path, replacements):
    text = path.read_text()
    for old, new in replacements.items():
        assert old in text, f"the skeleton changed: {old!r} is no longer in {path.name}"
        text = text.replace(old, new)
    path.write_text(text)


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def scaffold_root(tmp_path, monkeypatch):
    (tmp_path / "templates" / "families").mkdir(parents=True)
    shutil.copy(
        render.TEMPLATES / "families" / "_macros.md.j2", tmp_path / "templates" / "families"
    )
    monkeypatch.setattr(render, "TEMPLATES", tmp_path / "templates")
    render.environment.cache_clear()
    yield tmp_path
    render.environment.cache_clear()


def test_filled_scaffold_passes_the_generic_checks(scaffold_root, monkeypatch):
    written = write_family(scaffold_root, "toy_double", "calculus")
    assert len(written) == 5  # a new chapter folder gets its __init__.py too
    module_path, statement, solution, test_path = written[1:]
    unfilled = load("toy_double_unfilled", module_path)
    with pytest.raises(NotImplementedError, match="TODO"):
        unfilled.FAMILY.variant(1)  # an unfilled skeleton fails loudly, never passes by accident

    fill(module_path, FILL_MODULE)
    fill(solution, FILL_SOLUTION)
    fill(test_path, FILL_TEST)
    module = load("generators.calculus.toy_double", module_path)
    monkeypatch.setitem(sys.modules, "generators.calculus.toy_double", module)
    family = module.FAMILY
    assert_variant_sound(family.from_params(family.book_params))
    for seed in range(20):
        assert_variant_sound(family.variant(seed))
    assert family.from_params(family.book_params).facts["printed"] == {"double": ["6"]}
    tests = load("test_toy_double", test_path)
    for name in dir(tests):
        if name.startswith("test_"):
            getattr(tests, name)()


def test_scaffold_refuses_bad_ids_unknown_chapters_and_overwriting(tmp_path):
    with pytest.raises(ScaffoldError, match="snake_case"):
        write_family(tmp_path, "Toy-Double", "calculus")
    with pytest.raises(ScaffoldError, match="unknown chapter"):
        write_family(tmp_path, "toy_double", "calculsu")
    write_family(tmp_path, "toy_double", "calculus")
    with pytest.raises(ScaffoldError, match="already has files"):
        write_family(tmp_path, "toy_double", "calculus")
