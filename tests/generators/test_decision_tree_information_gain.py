"""decision_tree_information_gain: hand-worked table, float recomputation, mistakes, params."""

import math
from collections import Counter

import pytest

from generators.information_theory.decision_tree_information_gain import FAMILY
from interview_sim.answers.check import check, to_float
from interview_sim.family import ParamError


def entropy(labels):
    counts = Counter(labels)
    n = len(labels)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


def test_book_style_cannabis_table_worked_by_hand():
    # Worked on paper: classes 2 yes / 3 no; Smokes: yes -> (2, 1), no -> (0, 2);
    # Drinks: yes -> (1, 2), no -> (1, 1).
    variant = FAMILY.from_params(FAMILY.book_params)
    h = -(0.4 * math.log2(0.4) + 0.6 * math.log2(0.6))  # 0.97095
    h_smokes = 0.6 * 0.918296  # 0.55098
    h_drinks = 0.6 * 0.918296 + 0.4 * 1.0  # 0.95098
    assert to_float(variant.part("h_class").answer) == pytest.approx(0.970951, abs=1e-6)
    assert to_float(variant.part("h_class").answer) == pytest.approx(h)
    assert to_float(variant.part("h_given_a").answer) == pytest.approx(h_smokes, abs=1e-6)
    assert to_float(variant.part("h_given_b").answer) == pytest.approx(h_drinks, abs=1e-6)
    assert to_float(variant.part("ig_a").answer) == pytest.approx(0.419973, abs=1e-6)
    assert to_float(variant.part("ig_b").answer) == pytest.approx(0.019973, abs=1e-6)
    assert variant.part("split").answer == "a"
    assert "| 5 | yes | yes | no |" in variant.statement  # the table is shown as Markdown


@pytest.mark.parametrize("seed", range(30))
def test_matches_float_recomputation(seed):
    variant = FAMILY.variant(seed)
    rows = variant.params["rows"]
    assert 5 <= len(rows) <= 10
    labels = [row[2] for row in rows]
    assert len(set(labels)) == 2
    h = entropy(labels)
    assert to_float(variant.part("h_class").answer) == pytest.approx(h, rel=1e-9)
    gains = []
    for i, key in enumerate("ab"):
        values = {row[i] for row in rows}
        assert len(values) in (2, 3)
        cond = sum(
            len(sub) / len(rows) * entropy(sub)
            for sub in ([row[2] for row in rows if row[i] == v] for v in values)
        )
        assert to_float(variant.part(f"h_given_{key}").answer) == pytest.approx(cond, abs=1e-12)
        assert to_float(variant.part(f"ig_{key}").answer) == pytest.approx(h - cond, abs=1e-12)
        gains.append(h - cond)
    assert abs(gains[0] - gains[1]) >= 0.02
    assert variant.part("split").answer == ("a" if gains[0] > gains[1] else "b")


def test_mistakes_are_recognised():
    variant = FAMILY.from_params(FAMILY.book_params)
    ig = variant.part("ig_a")
    assert check(ig, "0.42").status == "correct"
    verdict = check(ig, "0.55098")  # the conditional entropy, called "gain" by some prompts
    assert verdict.tag == "conditional_entropy"
    assert "conditional entropy" in verdict.explanation
    # unweighted: 0.97095 - (0.918296 + 0) / 2
    assert check(ig, f"{0.970951 - 0.918296 / 2:.6f}").tag == "unweighted"
    assert check(ig, f"{0.419973 * math.log(2):.6f}").tag == "natural_log"
    cond = variant.part("h_given_b")
    assert check(cond, f"{(0.918296 + 1) / 2:.6f}").tag == "unweighted"
    assert check(cond, "0.019973").tag == "swapped_with_gain"
    assert check(variant.part("h_class"), f"{0.970951 * math.log(2):.6f}").tag == "natural_log"
    split = variant.part("split")
    assert check(split, "a").status == "correct"
    assert check(split, "Smokes tobacco").status == "correct"
    assert check(split, "b").tag == "minimum_gain"


BOOK = FAMILY.book_params


@pytest.mark.parametrize(
    ("change", "name"),
    [
        ({"attributes": ["Smokes tobacco"]}, "attributes"),
        ({"attributes": ["Same", "Same"]}, "attributes"),
        ({"rows": [["yes", "yes", "yes"], ["no", "no", "yes"]]}, "rows"),  # one class only
        ({"rows": [["yes", "yes", "yes"], ["yes", "no", "no"]]}, "rows"),  # a constant attribute
        ({"rows": [["yes", "no"]] * 3}, "rows"),
        ({"rows": [["a", "a", "y"], ["b", "b", "n"]]}, "rows"),  # equal gains: no unique split
        ({"target": ""}, "target"),
        ({"story": "pipe | inside"}, "story"),
    ],
)
def test_bad_params_name_the_parameter(change, name):
    with pytest.raises(ParamError) as error:
        FAMILY.from_params({**BOOK, **change})
    assert error.value.name == name


def test_gain_worked_from_the_rounded_entropies_grades_correct():
    for seed in range(100):
        variant = FAMILY.variant(seed)
        h_class = float(f"{to_float(variant.part('h_class').answer):.4f}")
        for key in ("a", "b"):
            cond = float(f"{to_float(variant.part(f'h_given_{key}').answer):.4f}")
            worked = f"{h_class - cond:.4f}"
            assert check(variant.part(f"ig_{key}"), worked).status == "correct", (seed, worked)
