"""cnn_shape_trace: the book's MaxPool001 numbers, an independent window count, brute-force pooling
for the pair-versus-single-pool question, mistake tags and parameter errors."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from generators.deep_learning.cnn_shape_trace import BOOK_LAYERS, FAMILY, PAIRS, Layer, _proposals
from interview_sim.answers.check import check
from interview_sim.family import ParamError

CONV = {"type": "Conv2d", "in_channels": 3, "out_channels": 8, "kernel_size": 3}
POOL = {"type": "MaxPool2d", "kernel_size": 2, "stride": 2}


def variant(input_shape, layers, ask="each", proposed=None):
    return FAMILY.from_params(
        {"input_shape": input_shape, "layers": layers, "ask": ask, "proposed_pool": proposed}
    )


def pool(k, s):
    return {"type": "MaxPool2d", "kernel_size": k, "stride": s}


def test_book_maxpool001():
    # MaxPool001 (DL-Q70, mock exam): 224 + 2·2 − 7 + 1 = 222, then 111, then 55 (floor of 55.5)
    v = FAMILY.from_params(FAMILY.book_params)
    assert v.part("shape_1").answer == (1, 32, 222, 222)
    assert v.part("shape_3").answer == (1, 32, 111, 111)
    assert v.part("shape_4").answer == (1, 32, 55, 55)
    assert v.part("flat_features").answer == 32 * 55 * 55 == 96800
    assert v.part("pools_equal").answer is True
    assert FAMILY.book_params["proposed_pool"] == {"kernel_size": 4, "stride": 4}
    assert "nn.MaxPool2d(kernel_size=4, stride=4)" in v.part("pools_equal").prompt
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
    """MaxPool2d by hand over the last two axes: no padding, floor mode (a window that would run
    past the edge is dropped)."""
    rows, cols = (x.shape[-2] - k) // s + 1, (x.shape[-1] - k) // s + 1
    out = np.empty((*x.shape[:-2], rows, cols))
    for i in range(rows):
        for j in range(cols):
            out[..., i, j] = x[..., i * s : i * s + k, j * s : j * s + k].max(axis=(-2, -1))
    return out


def _brute_force_equal(size, first, second, single) -> bool:
    """Pool random arrays both ways: a few plain normal arrays, and one per pixel with a large
    spike on that pixel (so windows that differ by a single pixel cannot hide behind a maximum
    that happens to lie in both). Equal means the same shape and the same values for all."""
    h, w = size
    rng = np.random.default_rng(h * 1000 + w)
    x = rng.normal(size=(4 + h * w, h, w))
    x[4:].reshape(h * w, h * w)[np.arange(h * w), np.arange(h * w)] += 100.0
    twice = _maxpool(_maxpool(x, *first), *second)
    once = _maxpool(x, *single)
    return twice.shape == once.shape and np.array_equal(twice, once)


def _catalogue() -> set:
    """Each inserted pair against its right single pool and every catalogued wrong one."""
    cases = set()
    for pair, _ in PAIRS:
        first, second = (Layer("MaxPool2d", kernel_size=k, stride=s) for k, s in pair)
        right, wrong = _proposals(first, second)
        cases |= {(pair, proposal) for proposal in (right, *wrong)}
    return cases


# the catalogue plus the brief's examples written out
CASES = sorted(
    _catalogue()
    | {
        (((2, 2), (2, 2)), (4, 4)),
        (((2, 2), (2, 2)), (3, 4)),
        (((2, 2), (2, 2)), (4, 2)),
        (((3, 2), (3, 2)), (6, 4)),
        (((3, 2), (3, 2)), (7, 4)),
        (((3, 3), (3, 3)), (9, 9)),
    }
)
SIZES = [(12, 12), (13, 15), (14, 14), (17, 30), (22, 19), (23, 23), (31, 26), (34, 35)]


@pytest.mark.parametrize(("pair", "single"), CASES)
def test_pool_question_matches_brute_force(pair, single):
    first, second = pair
    for size in SIZES:
        layers = [{**CONV, "in_channels": 1, "padding": 1}, pool(*first), pool(*second)]
        proposed = {"kernel_size": single[0], "stride": single[1]}
        v = variant([1, 1, *size], layers, proposed=proposed)
        truth = _brute_force_equal(size, first, second, single)
        assert v.part("pools_equal").answer is truth, (pair, single, size)
        assert ("**true**" in v.solution) is truth and ("**false**" in v.solution) is not truth


def test_pool_question_both_ways_by_construction():
    # the brief's examples: the truth depends on the proposal, not on the pair alone
    expected = {
        (((2, 2), (2, 2)), (4, 4)): True,
        (((2, 2), (2, 2)), (3, 4)): False,
        (((2, 2), (2, 2)), (4, 2)): False,
        (((3, 2), (3, 2)), (6, 4)): False,
        (((3, 2), (3, 2)), (7, 4)): True,
        (((3, 3), (3, 3)), (9, 9)): True,
        (((3, 3), (3, 3)), (9, 6)): False,
        (((2, 2), (3, 2)), (6, 4)): True,
        (((3, 2), (2, 2)), (5, 4)): True,
    }
    for ((first, second), single), truth in expected.items():
        layers = [pool(*first), pool(*second)]
        v = variant(
            [1, 3, 64, 64], layers, proposed={"kernel_size": single[0], "stride": single[1]}
        )
        assert v.part("pools_equal").answer is truth, (first, second, single)


def test_shape_alone_does_not_decide():
    # 2x(3, 2) vs (6, 4) on 225: both give 55, yet the windows differ (0…6 against 0…5)
    v = variant(
        [1, 3, 225, 225], [pool(3, 2), pool(3, 2)], proposed={"kernel_size": 6, "stride": 4}
    )
    facts = v.facts["pool"]
    assert (
        facts["shape_same"] and not facts["windows_same"] and v.part("pools_equal").answer is False
    )
    assert "0…6 through the pair but 0…5 through the single pool" in v.solution
    # 2x(2, 2) vs (3, 4) on an odd size 223: 55 against 56, so the sizes already differ
    v = variant(
        [1, 3, 223, 223], [pool(2, 2), pool(2, 2)], proposed={"kernel_size": 3, "stride": 4}
    )
    facts = v.facts["pool"]
    assert facts["composite"] == [55, 55] and facts["single"] == [56, 56]
    assert v.part("pools_equal").answer is False


def test_floor_identity_for_all_sizes():
    # why the book's own instance is always true
    assert all(n // 2 // 2 == n // 4 == math.floor(n / 4) for n in range(4, 5000))


def test_single_output_edge_case():
    # 5 -> 2 -> 1 through 2x(2, 2); MaxPool2d(4, 2) on 5 also gives one output over pixels 0…3
    v = variant([1, 1, 5, 5], [pool(2, 2), pool(2, 2)], proposed={"kernel_size": 4, "stride": 2})
    assert (
        v.part("pools_equal").answer is _brute_force_equal((5, 5), (2, 2), (2, 2), (4, 2)) is True
    )


def test_pools_with_gaps_never_equal_a_single_pool():
    # MaxPool2d(2, stride=3) skips every third pixel: the pair's windows are not contiguous
    v = variant([1, 3, 60, 60], [pool(2, 3), pool(2, 2)], proposed={"kernel_size": 5, "stride": 6})
    assert v.part("pools_equal").answer is False
    assert _brute_force_equal((23, 23), (2, 3), (2, 2), (5, 6)) is False  # any size shows it
    assert "0…1, 3…4" in v.solution


def test_both_answers_over_200_seeds():
    answers = [
        v.part("pools_equal").answer
        for v in (FAMILY.variant(seed) for seed in range(200))
        if "pools_equal" in [p.id for p in v.parts]
    ]
    assert len(answers) >= 50
    assert 0.3 <= sum(answers) / len(answers) <= 0.7, (sum(answers), len(answers))


def test_pool_question_for_any_consecutive_pools():
    assert "pools_equal" not in [p.id for p in variant([1, 3, 64, 64], [CONV, POOL]).parts]
    relu = {"type": "ReLU"}
    assert "pools_equal" not in [p.id for p in variant([1, 3, 64, 64], [POOL, relu, POOL]).parts]
    v = variant([1, 3, 64, 64], [CONV, pool(3, 2), pool(3, 2), POOL], proposed={"kernel_size": 7})
    assert v.facts["pool"]["first"] == 2 and v.facts["pool"]["stride"] == 7  # stride defaults to K
    assert v.part("pools_equal").answer is False


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


@pytest.mark.parametrize(
    ("layers", "proposed", "message"),
    [
        ([CONV, POOL, POOL], None, "the single pool to compare them with"),
        ([CONV, POOL], {"kernel_size": 4, "stride": 4}, "no two MaxPool2d layers in a row"),
        ([CONV, POOL, POOL], [4, 4], "must be null or an object"),
        ([CONV, POOL, POOL], {"stride": 4}, "missing 'kernel_size'"),
        ([CONV, POOL, POOL], {"kernel_size": 0, "stride": 4}, "kernel_size must be a whole"),
        ([CONV, POOL, POOL], {"kernel_size": 4, "stride": True}, "stride must be a whole"),
        ([CONV, POOL, POOL], {"kernel_size": 4, "padding": 1}, "unknown key 'padding'"),
        ([CONV, POOL, POOL], {"kernel_size": 40, "stride": 4}, "larger than the 30×30 map"),
    ],
)
def test_bad_proposed_pool(layers, proposed, message):
    with pytest.raises(ParamError) as error:
        variant([1, 3, 32, 32], layers, proposed=proposed)
    assert error.value.name == "proposed_pool" and message in str(error.value)


def test_bad_input_shape():
    with pytest.raises(ParamError) as error:
        variant([3, 224, 224], BOOK_LAYERS, proposed={"kernel_size": 4})
    assert error.value.name == "input_shape"
    with pytest.raises(ParamError) as error:
        variant(
            [1, 1, 224, 224], BOOK_LAYERS, proposed={"kernel_size": 4}
        )  # 1 channel into Conv2d(3, ...)
    assert error.value.name == "layers" and "3 input channels but receives 1" in str(error.value)


def vgg_features(convs_per_block):
    """torchvision's VGG ``features``: 3×3 convs (padding 1) with ReLUs, a 2×2 pool per block."""
    layers, channels = [], 3
    for width, count in zip((64, 128, 256, 512, 512), convs_per_block, strict=True):
        for _ in range(count):
            conv = {"in_channels": channels, "out_channels": width, "kernel_size": 3, "padding": 1}
            layers += [{"type": "Conv2d", **conv}, {"type": "ReLU"}]
            channels = width
        layers.append({"type": "MaxPool2d", "kernel_size": 2, "stride": 2})
    return layers


@pytest.mark.parametrize(
    ("blocks", "depth"), [((1, 1, 2, 2, 2), 21), ((2, 2, 4, 4, 4), 37)], ids=["vgg11", "vgg19"]
)
@pytest.mark.parametrize(
    ("side", "out"), [((224, 224), (7, 7)), ((512, 512), (16, 16)), ((704, 1024), (22, 32))]
)
def test_vgg_features_trace_to_the_books_shapes(blocks, depth, side, out):
    # DL-Q61: VGG11's features on 224², 512² and 704×1024 inputs end in 512 maps of side/32
    layers = vgg_features(blocks)
    assert len(layers) == depth
    variant = FAMILY.from_params(
        {"input_shape": [1, 3, *side], "layers": layers, "ask": "final", "proposed_pool": None}
    )
    shapes = [p for p in variant.parts if p.kind == "shape"]
    assert shapes[-1].answer == (1, 512, *out)


def _trace_every_layer(input_shape, layers):
    """Independent shapes after every layer, Flatten included (1-based: result[k - 1])."""
    n, c, h, w = input_shape
    out = []
    for layer in layers:
        t = layer["type"]
        if t == "Flatten":
            out.append((n, c * h * w))
            continue
        if t in ("Conv2d", "MaxPool2d"):
            k = layer["kernel_size"]
            s = layer.get("stride", 1 if t == "Conv2d" else k)
            p = layer.get("padding", 0)
            h, w = _positions(h, k, s, p), _positions(w, k, s, p)
            c = layer.get("out_channels", c)
        out.append((n, c, h, w))
    return out


def _shape_text(shape):
    return "(" + ", ".join(map(str, shape)) + ")"


@pytest.mark.parametrize("block", range(6))
def test_every_number_dependent_claim_matches_the_values(block):
    """Issue 14: prompts and solution name layers, shapes and sizes; each such claim is checked
    against an independent trace, over 600 seeds (in 6 blocks so a failure names its block)."""
    import re

    from generators.deep_learning.cnn_shape_trace import parse_layers

    for seed in range(block * 100, block * 100 + 100):
        v = FAMILY.variant(seed)
        raw = v.params["layers"]
        codes = [layer.code() for layer in parse_layers(raw)]
        shapes = _trace_every_layer(v.params["input_shape"], raw)
        flatten = raw[-1]["type"] == "Flatten"
        for part in v.parts:
            if part.kind != "shape":
                continue
            k = int(part.id.removeprefix("shape_"))
            assert part.answer == shapes[k - 1], (seed, part.id)
            named = re.search(r"layer (\d+)", part.prompt)
            if "entering nn.Flatten" in part.prompt:
                assert flatten and int(named.group(1)) == k == len(raw) - 1, (seed, part.prompt)
            elif "model's output" in part.prompt:
                assert not flatten and k == len(raw), (seed, part.prompt)
            else:
                assert int(named.group(1)) == k, (seed, part.prompt)
                assert part.prompt.endswith(codes[k - 1]), (seed, part.prompt)
        # the worked steps: each "Layer k, `code`: … → shape." names the right code and shape
        steps = re.findall(r"- Layer (\d+), `([^`]*)`: .* → (\([\d, ]+\))\.", v.solution)
        assert len(steps) == len(raw), seed
        for index, code, shown in steps:
            k = int(index)
            assert code == codes[k - 1] and shown == _shape_text(shapes[k - 1]), (seed, k)
        # the flattened size and the batch remark
        entering = shapes[-2] if flatten else shapes[-1]
        features = entering[1] * entering[2] * entering[3]
        assert v.part("flat_features").answer == features
        assert f"= **{features:,}** features per example" in v.solution, seed
        n = v.params["input_shape"][0]
        assert ("(not " in v.solution.split("**Flattened size.**")[1].split("\n")[0]) is (n > 1)
        # the pooling question: the layers it names are two MaxPool2d in a row, and the
        # solution's verdict is the part's answer
        if "pools_equal" in [p.id for p in v.parts]:
            part = v.part("pools_equal")
            a, b = map(int, re.search(r"Layers (\d+) and (\d+)", part.prompt).groups())
            assert b == a + 1 and raw[a - 1]["type"] == raw[b - 1]["type"] == "MaxPool2d"
            assert codes[a - 1] in part.prompt and codes[b - 1] in part.prompt
            verdict = "**true**" if part.answer else "**false**"
            assert verdict in v.solution, seed
