"""linear_head_params: the melanoma head (1000 -> 7: 7,007 parameters), a hand-checked two-layer
head, a numpy forward pass through the head, slips and bad parameters."""

import numpy as np
import pytest

from generators.feature_extraction.linear_head_params import FAMILY, in_features
from tests.kit_helpers import assert_graded, assert_refused


def test_book_instance_melanoma_head():
    # FE-Q15: 1000 ImageNet outputs to 7 classes: 1000·7 + 7 = 7,007
    assert_graded(
        FAMILY.from_params(FAMILY.book_params),
        [
            ("head_params", "7007", "correct"),
            ("head_params", "7000", "no_bias"),
            ("last_weight", "(7, 1000)", "correct"),
            ("last_weight", "(1000, 7)", "transposed_weights"),
            ("out_shape", "(32, 7)", "correct"),
            ("out_shape", "(7)", "batch_dropped"),
            ("out_shape", "(32, 1000)", "imagenet_classes_kept"),
        ],
    )


def test_hand_checked_two_layer_head_on_resnet34():
    # 512·256 + 256 = 131,328; 256·5 + 5 = 1,285; total 132,613
    params = {
        "backbone": "resnet34",
        "place": "replace",
        "classes": 5,
        "hidden": 256,
        "dropout": 0.5,
        "batch": 8,
    }
    variant = FAMILY.from_params(params)
    assert "backbone.fc = nn.Sequential(" in variant.statement
    assert_graded(
        variant,
        [
            ("head_params", "132613", "correct"),
            ("head_params", "1285", "last_layer_only"),
            ("head_params", "132352", "no_bias"),
            ("last_weight", "(5, 256)", "correct"),
            ("out_shape", "(8, 512)", "features_not_classes"),
        ],
    )


@pytest.mark.parametrize("seed", range(25))
def test_numpy_head_forward(seed):
    variant = FAMILY.variant(seed)
    p = variant.params
    sizes = [in_features(p), *([p["hidden"]] if p["hidden"] else []), p["classes"]]
    weights = [np.ones((b, a)) for a, b in zip(sizes, sizes[1:], strict=False)]
    biases = [np.zeros(b) for b in sizes[1:]]
    x = np.ones((p["batch"], sizes[0]))
    for w, b in zip(weights, biases, strict=True):
        x = np.maximum(x @ w.T + b, 0)
    assert x.shape == variant.part("out_shape").answer
    assert weights[-1].shape == variant.part("last_weight").answer
    assert (
        sum(w.size + b.size for w, b in zip(weights, biases, strict=True))
        == variant.part("head_params").answer
    )


def test_bad_parameters_are_refused_by_name():
    assert_refused(
        FAMILY, FAMILY.book_params, [("dropout", 0.5), ("backbone", "resnet1000"), ("classes", 1)]
    )
