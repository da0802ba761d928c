from pathlib import Path

import pytest

from interview_sim.engine.presets import PresetError, find_preset, list_presets, load_preset_file

from .helpers import TINY_EXAM, write_preset


def test_shipped_presets_load_and_have_rules():
    presets, errors = list_presets(None)
    assert errors == []
    names = {p.name for p in presets}
    assert {"mock-exam", "rapid-fire", "chapter-drill", "practice"} <= names
    mock = find_preset("mock-exam")
    assert [s.title for s in mock.sections] == [
        "Perceptrons",
        "CNN layers",
        "Classification & logistic regression",
        "Information theory",
        "Feature extraction",
        "Bayesian deep learning",
    ]
    assert mock.duration_minutes == 60 and mock.pass_mark == 0.6 and mock.feedback == "end"
    rules = dict(mock.rules())
    assert "our defaults" in rules["Note"], "the rules screen says the defaults are ours"


def test_unknown_key_names_file_and_line(tmp_path: Path):
    path = tmp_path / "bad.toml"
    path.write_text(
        'name = "x"\ntitle = "X"\ndurration_minutes = 5\n[[sections]]\nfamilies=["a"]\n'
    )
    with pytest.raises(PresetError) as error:
        load_preset_file(path)
    assert str(path) in str(error.value) and "line 3" in str(error.value)
    assert "durration_minutes" in str(error.value)


@pytest.mark.parametrize(
    "line, words",
    [
        ('feedback = "sometimes"', "feedback must be one of"),
        ("pass_mark = 60", "pass_mark is a fraction"),
        ("duration_minutes = -5", "cannot be negative"),
        ("attempt_credit = [1.0, 2.0]", "attempt_credit"),
        ('duration_minutes = "ten"', "wrong type"),
    ],
)
def test_bad_values_are_refused_with_reason(tmp_path: Path, line: str, words: str):
    text = TINY_EXAM.replace('feedback = "end"', "").replace("duration_minutes = 10", "")
    text = text.replace("pass_mark = 0.6", "")
    text = text.replace('title = "Tiny exam"', f'title = "Tiny exam"\n{line}')
    with pytest.raises(PresetError, match=words):
        write_preset(tmp_path, text)


def test_broken_user_preset_does_not_hide_the_others(tmp_path: Path):
    (tmp_path / "presets").mkdir()
    (tmp_path / "presets" / "broken.toml").write_text("name = [unclosed")
    (tmp_path / "presets" / "mine.toml").write_text(TINY_EXAM)
    presets, errors = list_presets(tmp_path)
    assert "tiny" in {p.name for p in presets} and "mock-exam" in {p.name for p in presets}
    assert len(errors) == 1 and "broken.toml" in errors[0]


def test_unknown_preset_lists_known_ones():
    with pytest.raises(PresetError, match="mock-exam"):
        find_preset("no-such-preset")


@pytest.mark.parametrize("exam_seed", [1, 2, 3, 40, 500])
def test_a_drill_longer_than_its_pool_repeats_no_family_before_the_pool_is_used_up(exam_seed):
    from interview_sim.engine.build import choose_families, section_pool

    preset = find_preset("chapter-drill")
    for chapter in ("logistic_regression", "information_theory"):
        pool = section_pool(preset.sections[0].families, chapter, None)
        picks = [family for _, family in choose_families(preset, exam_seed, chapter)]
        assert len(picks) == preset.sections[0].count
        for start in range(0, len(picks), len(pool)):
            block = picks[start : start + len(pool)]
            assert len(set(block)) == len(block), f"a family twice within one round: {block}"
        counts = [picks.count(family) for family in pool]
        assert max(counts) - min(counts) <= 1
