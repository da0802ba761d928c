"""cnn_architecture_facts: FE-Q7's VGG19 facts and DL-Q63's VGG11, a hand-checked custom network,
a numpy shape trace, and bad parameters."""

import numpy as np
import pytest

from generators.feature_extraction.cnn_architecture_facts import FAMILY, VGG, convs
from tests.kit_helpers import assert_graded, assert_refused


def test_book_instance_vgg19():
    # FE-Q7: 19 weight layers = 16 convolutions + 3 fully connected; 5 pools; 224 -> 7
    assert_graded(
        FAMILY.from_params(FAMILY.book_params),
        [
            ("weight_layers", "19", "correct"),
            ("weight_layers", "16", "fc_forgotten"),
            ("conv_layers", "16", "correct"),
            ("conv_layers", "21", "pools_counted"),
            ("pool_layers", "5", "correct"),
            ("final_side", "7", "correct"),
            ("final_side", "14", "before_pool"),
        ],
    )


def test_vgg11_of_dl_q63():
    # 8 convolutions, five pools (÷32), first conv 3 -> 64: 9·3·64 + 64 = 1,792 parameters
    params = {
        "cfg": VGG["VGG11"],
        "input_side": 224,
        "block": 5,
        "conv": 1,
        "asked": ["conv_layers", "pool_layers", "block_channels", "conv_params"],
    }
    assert_graded(
        FAMILY.from_params(params),
        [
            ("conv_layers", "8", "correct"),
            ("block_channels", "512", "correct"),
            ("block_channels", "1024", "channels_not_capped"),
            ("conv_params", "1792", "correct"),
            ("conv_params", "1728", "no_bias"),
        ],
    )


def test_hand_checked_custom_network_with_odd_sides():
    # 100 -> 50 -> 25 -> 12 (floor); conv 3 is 64 -> 64: 9·64·64 + 64 = 36,928
    params = {
        "cfg": [32, "M", 64, 64, "M", 128, "M"],
        "input_side": 100,
        "block": 3,
        "conv": 3,
        "asked": ["block_side", "conv_params", "weight_layers", "pool_layers"],
    }
    variant = FAMILY.from_params(params)
    assert "rounded down" in variant.solution
    assert_graded(
        variant,
        [
            ("block_side", "12", "correct"),
            ("block_side", "13", "no_floor"),
            ("block_side", "25", "before_pool"),
            ("conv_params", "36928", "correct"),
            ("weight_layers", "7", "correct"),
            ("pool_layers", "3", "correct"),
        ],
    )


def _block_width(cfg: list, block: int) -> int:
    """The last width written before the block-th "M"."""
    seen, width = 0, None
    for item in cfg:
        if item == "M":
            seen += 1
            if seen == block:
                return width
        else:
            width = item
    raise AssertionError("no such block")


@pytest.mark.parametrize("seed", range(25))
def test_sizes_and_counts_match_a_numpy_trace(seed):
    variant = FAMILY.variant(seed)
    p = variant.params
    x = np.zeros((p["input_side"], p["input_side"]))
    sides = []
    for item in p["cfg"]:
        if item == "M":  # 2×2 max-pool, stride 2, floor mode
            x = np.lib.stride_tricks.sliding_window_view(x, (2, 2))[::2, ::2].max(axis=(-2, -1))
            sides.append(x.shape[0])
        else:  # 3×3 conv with padding 1
            x = np.lib.stride_tricks.sliding_window_view(np.pad(x, 1), (3, 3)).sum(axis=(-2, -1))
    weights = [np.zeros((b, a, 3, 3)) for a, b in convs(p["cfg"])]
    asked = weights[p["conv"] - 1]
    expected = {
        "conv_layers": len(weights),
        "weight_layers": len(weights) + 3,
        "pool_layers": len(sides),
        "block_channels": _block_width(p["cfg"], p["block"]),
        "block_side": sides[p["block"] - 1],
        "final_side": sides[-1],
        "conv_params": asked.size + asked.shape[0],
    }
    for part in variant.parts:
        assert part.answer == expected[part.id], part.id


def test_bad_parameters_are_refused_by_name():
    assert_refused(
        FAMILY,
        FAMILY.book_params,
        [
            ("cfg", [64, "M", "M"]),
            ("cfg", ["M", 64, "M"]),
            ("input_side", 16),
            ("block", 6),
            ("conv", 17),
            ("asked", ["conv_layers", "conv_layers"]),
            ("asked", ["no_such_question"]),
        ],
    )
    # VGG11 at 256: 8 convolutions, and a side of 8 after block 5: the same number twice
    vgg11 = {**FAMILY.book_params, "cfg": VGG["VGG11"], "input_side": 256, "asked": ["conv_layers"]}
    assert_refused(FAMILY, vgg11, [("asked", ["conv_layers", "final_side"])])
