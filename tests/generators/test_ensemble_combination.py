"""ensemble_combination: a hand-checked ensemble where soft and hard votes disagree, numpy."""

import numpy as np

from generators.ensembles.ensemble_combination import FAMILY
from tests.kit_helpers import assert_graded, assert_refused

BOOK = dict(FAMILY.book_params)


def test_our_instance_by_hand():
    # cat column 0.7 + 0.3 + 0.35 = 1.35 → 0.45; dog 1.0 → 0.3333; fox 0.65 → 0.2167
    # top classes cat, dog, dog: the hard vote says dog, the soft vote cat
    # weighted (0.5, 0.25, 0.25): cat 0.35 + 0.075 + 0.0875 = 0.5125, dog 0.3, fox 0.1875
    assert_graded(
        FAMILY.from_params(BOOK),
        [
            ("average", "[0.45, 0.3333, 0.2167]", "correct"),
            ("average", "[1.35, 1, 0.65]", "sum_not_average"),
            ("average", "[0.7, 0.4, 0.3]", "max_not_mean"),
            ("average", "[0.5125, 0.3, 0.1875]", "weighted_not_plain"),
            ("soft", "a", "correct"),
            ("soft", "cat", "correct"),
            ("soft", "b", "hard_not_soft"),
            ("hard", "b", "correct"),
            ("hard", "a", "soft_not_hard"),
            ("weighted", "[0.5125, 0.3, 0.1875]", "correct"),
            ("weighted", "[0.45, 0.3333, 0.2167]", "weights_ignored"),
        ],
    )


def test_matches_numpy():
    for seed in range(40):
        variant = FAMILY.variant(seed)
        probs = np.array([[float(p) for p in row] for row in variant.params["probs"]])
        weights = np.array([float(w) for w in variant.params["weights"]])
        mean, weighted = probs.mean(axis=0), weights @ probs
        hard = np.bincount(probs.argmax(axis=1), minlength=probs.shape[1]).argmax()
        assert np.allclose([float(x) for x in variant.part("average").answer], mean)
        assert np.allclose([float(x) for x in variant.part("weighted").answer], weighted)
        assert variant.part("soft").answer == "abcd"[mean.argmax()]
        assert variant.part("hard").answer == "abcd"[hard]


def test_soft_and_hard_votes_disagree_in_some_variants():
    disagree = [FAMILY.variant(s).facts["disagree"] for s in range(40)]
    assert any(disagree) and not all(disagree)


def test_bad_parameters_are_refused_by_name():
    assert_refused(
        FAMILY,
        BOOK,
        [
            ("probs", [[0.7, 0.2, 0.2], [0.3, 0.4, 0.3], [0.35, 0.4, 0.25]]),
            ("probs", [[0.4, 0.4, 0.2], [0.3, 0.4, 0.3], [0.35, 0.4, 0.25]]),
            ("probs", [[0.7, 0.2, 0.1], [0.3, 0.4, 0.3], [0.2, 0.3, 0.5]]),
            ("weights", [0.5, 0.5]),
            ("weights", [0.5, 0.25, 0.3]),
        ],
    )
