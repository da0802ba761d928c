"""feature_vector_sizes: the mock exam's head, the book's widths, a recomputation, slips, params."""

import pytest

from generators.feature_extraction.feature_vector_sizes import FAMILY
from interview_sim.answers.check import check
from interview_sim.family import ParamError
from tests.kit_helpers import assert_oracle

BASE = dict(backbone="VGG19", layer="fc7", second_layer=None, classes=3, head_input="first")
# published widths (VGG19 table: conv4_3 512, fc6/fc7 4096, output 1000; ResNet34 bottom 512)
VGG_WIDTHS = {"conv4_3": 512, "fc6": 4096, "fc7": 4096, "fc8": 1000}


def _channels(layer: str) -> int:
    if layer.startswith("conv"):
        return {1: 64, 2: 128, 3: 256, 4: 512, 5: 512}[int(layer[4])]
    if layer.startswith("layer"):
        return 64 * 2 ** (int(layer[5]) - 1)
    return {"fc6": 4096, "fc7": 4096, "fc8": 1000, "fc": 1000}[layer]


def test_independent_recomputation():
    def oracle(p):
        a, b, c = _channels(p["layer"]), _channels(p["second_layer"]), p["classes"]
        assert 2 <= c <= 20
        inputs = a + b if p["head_input"] == "concatenation" else a
        return {"length": a, "concat_length": a + b, "head_params": inputs * c + c}

    assert_oracle(FAMILY, oracle, rel=0)


def test_book_widths_pancreatic_head_and_mistakes():
    for backbone in ("VGG16", "VGG19", "ResNet18", "ResNet34"):
        widths = {"layer4": 512} if backbone.startswith("ResNet") else VGG_WIDTHS
        for layer, width in widths.items():
            v = FAMILY.from_params({**BASE, "backbone": backbone, "layer": layer})
            assert v.part("length").answer == width, (backbone, layer)
    v = FAMILY.from_params(FAMILY.book_params)
    assert v.part("length").answer == 4096
    assert v.part("head_params").answer == 12291  # published: 4096 -> 3 classes
    assert check(v.part("head_params"), "12288").tag == "no_bias"
    assert check(v.part("head_params"), "4,097,000").tag == "imagenet_outputs"
    assert check(v.part("head_params"), "12,291").status == "correct"

    changes = dict(layer="conv5_4", second_layer="fc7", classes=5, head_input="concatenation")
    v = FAMILY.from_params({**BASE, **changes})
    assert check(v.part("length"), "100352").tag == "spatial_unpooled"  # 14·14·512
    assert check(v.part("concat_length"), "4608").status == "correct"
    assert check(v.part("concat_length"), "4096").tag == "one_layer_only"
    assert check(v.part("concat_length"), "512").tag == "one_layer_only"
    assert check(v.part("head_params"), str(4608 * 5 + 5)).status == "correct"
    assert check(v.part("head_params"), str(4096 * 5 + 5)).tag == "one_layer_only"
    assert check(v.part("head_params"), str(4608 * 5)).tag == "no_bias"


def test_no_table_totals_asked():
    for seed in range(200):
        for part in FAMILY.variant(seed).parts:
            assert "total" not in part.prompt.lower() and "sum" not in part.prompt.lower()


@pytest.mark.parametrize(
    ("changes", "name", "message"),
    [
        ({"backbone": "VGG16", "layer": "conv3_4"}, "layer", "VGG16 has no layer 'conv3_4'"),
        ({"backbone": "ResNet34", "layer": "fc7"}, "layer", "ResNet34 has no layer"),
        ({"second_layer": "fc7"}, "second_layer", "must differ"),
        ({"head_input": "concatenation"}, "head_input", "needs a second_layer"),
    ],
)
def test_bad_params(changes, name, message):  # out-of-range values: tests/generators/test_kit.py
    with pytest.raises(ParamError) as error:
        FAMILY.from_params({**BASE, **changes})
    assert error.value.name == name and message in str(error.value)
