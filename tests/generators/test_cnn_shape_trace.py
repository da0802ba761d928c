"""cnn_shape_trace: the book's MaxPool001 numbers, an independent window count, brute-force pooling,
mistake tags and parameter errors."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from generators.deep_learning.cnn_shape_trace import BOOK_LAYERS, FAMILY
from interview_sim.answers.check import check
from interview_sim.family import ParamError

CONV = {"type": "Conv2d", "in_channels": 3, "out_channels": 8, "kernel_size": 3}
POOL = {"type": "MaxPool2d", "kernel_size": 2, "stride": 2}


def variant(input_shape, layers, ask="each"):
    return FAMILY.from_params({"input_shape": input_shape, "layers": layers, "ask": ask})


def test_book_maxpool001():
    # MaxPool001 (DL-Q70, mock exam): 224 + 2·2 − 7 + 1 = 222, then 111, then 55 (floor of 55.5)
    v = FAMILY.from_params(FAMILY.book_params)
    assert v.part("shape_1").answer == (1, 32, 222, 222)
    assert v.part("shape_3").answer == (1, 32, 111, 111)
    assert v.part("shape_4").answer == (1, 32, 55, 55)
    assert v.part("flat_features").answer == 32 * 55 * 55 == 96800
    assert v.part("pools_equal").answer is True
    assert (
        "```python" in v.statement and "nn.Conv2d(3, 32, kernel_size=7, padding=2)" in v.statement
    )


def _positions(n: int, k: int, s: int, p: int) -> int:
    """Independent count: how many window starts fit in the padded side."""
    return len(range(0, n + 2 * p - k + 1, s))


def _reference(input_shape, layers):
    n, c, h, w = input_shape
    out = []
    for layer in layers:
        t = layer["type"]
        if t == "Conv2d":
            k, s, p = layer["kernel_size"], layer.get("stride", 1), layer.get("padding", 0)
            c, h, w = layer["out_channels"], _positions(h, k, s, p), _positions(w, k, s, p)
        elif t == "MaxPool2d":
            k = layer["kernel_size"]
            s = layer.get("stride", k)
            h, w = _positions(h, k, s, 0), _positions(w, k, s, 0)
        if t != "Flatten":
            out.append((n, c, h, w))
    return out, c * h * w


@pytest.mark.parametrize("seed", range(40))
def test_independent_recomputation(seed):
    v = FAMILY.variant(seed)
    shapes, features = _reference(v.params["input_shape"], v.params["layers"])
    for part in v.parts:
        if part.id.startswith("shape_"):
            assert part.answer == shapes[int(part.id.split("_")[1]) - 1]
    assert v.part("flat_features").answer == features
    # the drawn ranges of the brief
    n, c, h, w = v.params["input_shape"]
    assert 1 <= n <= 8 and c in (1, 3) and 28 <= h <= 512 and 28 <= w <= 512
    assert 2 <= len([x for x in v.params["layers"] if x["type"] != "Flatten"]) <= 5


def _maxpool(x: np.ndarray, k: int, s: int) -> np.ndarray:
    windows = np.lib.stride_tricks.sliding_window_view(x, (k, k))[::s, ::s]
    return windows.max(axis=(-1, -2))


@pytest.mark.parametrize("size", [(8, 8), (9, 11), (13, 13), (30, 17), (111, 110), (222, 223)])
def test_two_pools_equal_one_brute_force(size):
    x = np.random.default_rng(sum(size)).normal(size=size)
    twice = _maxpool(_maxpool(x, 2, 2), 2, 2)
    once = _maxpool(x, 4, 4)
    assert twice.shape == once.shape and np.array_equal(twice, once)
    layers = [{**CONV, "in_channels": 1, "padding": 1}, POOL, POOL]
    v = variant([1, 1, *size], layers)
    assert v.part("pools_equal").answer is True


def test_floor_identity_for_all_sizes():
    assert all(n // 2 // 2 == n // 4 == math.floor(n / 4) for n in range(4, 5000))


def test_pool_question_only_for_consecutive_2x2_pools():
    assert "pools_equal" not in [p.id for p in variant([1, 3, 64, 64], [CONV, POOL]).parts]
    relu = {"type": "ReLU"}
    assert "pools_equal" not in [p.id for p in variant([1, 3, 64, 64], [POOL, relu, POOL]).parts]


def test_mistakes_are_recognised():
    v = FAMILY.from_params(FAMILY.book_params)
    assert check(v.part("shape_4"), "(1, 32, 56, 56)").tag == "no_floor"
    assert check(v.part("shape_1"), "(1, 32, 220, 220)").tag == "padding_once"
    assert check(v.part("shape_1"), "1x3x222x222").tag == "channels_not_updated"
    assert check(v.part("shape_3"), "(1, 32, 221, 221)").tag == "stride_ignored"
    assert check(v.part("shape_4"), "(32, 55, 55)").tag == "batch_dropped"
    assert check(v.part("flat_features"), "3025").tag == "channels_forgotten"
    assert check(v.part("shape_4"), "(1, 32, 55, 55)").status == "correct"

    wide = variant([4, 3, 100, 150], [{**CONV, "stride": 2, "padding": 1}], ask="final")
    part = wide.part("shape_1")
    assert part.answer == (4, 8, 50, 75)
    assert check(part, "(4, 8, 75, 50)").tag == "hw_swapped"
    assert check(part, "(4, 8, 100, 150)").tag == "stride_ignored"
    assert check(wide.part("flat_features"), str(4 * 8 * 50 * 75)).tag == "batch_included"


def test_flatten_last_layer():
    v = variant([2, 1, 28, 28], [{**CONV, "in_channels": 1}, POOL, {"type": "Flatten"}])
    assert v.part("flat_features").answer == 8 * 13 * 13
    assert "flat_features" in [p.id for p in v.parts] and "shape_3" not in [p.id for p in v.parts]


def test_seeded_params_are_plain_json():
    v = FAMILY.variant(7)
    assert FAMILY.from_params(json.loads(json.dumps(v.params))).statement == v.statement


@pytest.mark.parametrize(
    ("layers", "message"),
    [
        ([{"type": "Dropout"}], "unknown layer type"),
        ([{"type": "Conv2dd", **{k: v for k, v in CONV.items() if k != "type"}}], "did you mean"),
        ([CONV, {**CONV, "in_channels": 16}], "PyTorch"),
        ([CONV, {"type": "BatchNorm2d", "num_features": 16}], "running_mean"),
        ([{**CONV, "kernel_size": 40}], "larger than its padded input"),
        ([CONV, {"type": "Flatten"}, POOL], "Flatten must be the last layer"),
        ([{"type": "ReLU"}], "at least one Conv2d or MaxPool2d"),
        ([{**CONV, "dilation": 2}], "unknown key 'dilation'"),
        ([{**CONV, "stride": 0}], "stride must be a whole number"),
        ([{**CONV, "kernel_size": True}], "kernel_size"),
        ("Conv2d", "must be a list"),
    ],
)
def test_bad_layers(layers, message):
    with pytest.raises(ParamError) as error:
        variant([1, 3, 32, 32], layers)
    assert error.value.name == "layers" and message in str(error.value)


def test_bad_input_shape():
    with pytest.raises(ParamError) as error:
        variant([3, 224, 224], BOOK_LAYERS)
    assert error.value.name == "input_shape"
    with pytest.raises(ParamError) as error:
        variant([1, 1, 224, 224], BOOK_LAYERS)  # 1 channel into Conv2d(3, ...)
    assert error.value.name == "layers" and "3 input channels but receives 1" in str(error.value)
