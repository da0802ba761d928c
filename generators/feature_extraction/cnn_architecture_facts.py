"""Facts about a VGG-style network read off its configuration: layer counts, widths, sizes, weights.

Varies FE-Q7 (VGG19: 19 weight layers, 16 convolutional and 3 fully connected; 224×224 RGB input;
3×3 kernels with stride 1 and padding 1; five 2×2 max-pools with stride 2; 4096 features in the
first two fully connected layers) and DL-Q63 (VGG11: 8 convolutions, five pools each halving the
size, 32× overall; 64 channels first, doubling up to 512). ``book_params`` is FE-Q7's VGG19.

The network is given as torchvision builds it: a configuration list (numbers are 3×3 convolutions
with padding 1 and that many output channels, "M" a 2×2 max-pool with stride 2) and the classifier.
Drawn: one of VGG11/13/16/19 or a VGG-style variant (3–5 blocks, 1–4 convolutions each, other
widths), the input side (not always a multiple of 32), and four of the questions: convolution
count, weight-layer count, pools, the channels leaving block k, the side after block k, the side
at the end of the features, and the parameters of convolution j.

Slips: the fully connected layers counted as convolutions (or left out of the weight layers), the
pools counted as layers, sizes rounded up at odd sides, a pool too few, the channels doubled past
the cap, the size before a block's pool, and the bias or the kernel left out of a count.
"""

from __future__ import annotations

from random import Random

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import conv_out, integer, slip

VGG = {
    "VGG11": [64, "M", 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
    "VGG13": [64, 64, "M", 128, 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
    "VGG16": [
        64,
        64,
        "M",
        128,
        128,
        "M",
        256,
        256,
        256,
        "M",
        512,
        512,
        512,
        "M",
        512,
        512,
        512,
        "M",
    ],
    "VGG19": [
        64,
        64,
        "M",
        128,
        128,
        "M",
        256,
        256,
        256,
        256,
        "M",
        512,
        512,
        512,
        512,
        "M",
        512,
        512,
        512,
        512,
        "M",
    ],
}
QUESTIONS = (
    "conv_layers",
    "weight_layers",
    "pool_layers",
    "block_channels",
    "block_side",
    "final_side",
    "conv_params",
)
FC_LAYERS = 3


def blocks(cfg: list) -> list[list[int]]:
    """The convolution widths of each block (a block ends with "M")."""
    out, current = [], []
    for item in cfg:
        if item == "M":
            out.append(current)
            current = []
        else:
            current.append(item)
    return out


def convs(cfg: list) -> list[tuple[int, int]]:
    """(in_channels, out_channels) of every convolution, starting from RGB."""
    pairs, channels = [], 3
    for item in cfg:
        if item != "M":
            pairs.append((channels, item))
            channels = item
    return pairs


def sides(n: int, count: int, slip_name: str | None = None) -> list[int]:
    """The side after each of ``count`` 2×2/2 pools (convolutions keep it: 3×3, padding 1)."""
    out = []
    for _ in range(count):
        n = conv_out(n, 2, 2, 0, slip_name)
        out.append(n)
    return out


def name_of(cfg: list) -> str | None:
    return next((name for name, known in VGG.items() if known == cfg), None)


def check(params: dict) -> None:
    cfg = params["cfg"]
    if (
        not isinstance(cfg, list)
        or not cfg
        or cfg[-1] != "M"
        or any(
            not (x == "M" or (isinstance(x, int) and not isinstance(x, bool) and 1 <= x <= 4096))
            for x in cfg
        )
        or any(a == b == "M" for a, b in zip(cfg, cfg[1:], strict=False))
        or cfg[0] == "M"
    ):
        raise ParamError(
            "cfg",
            'must be a list of widths (1-4096) and "M", starting with a width, ending with "M", '
            'no two "M" in a row, e.g. [64, "M", 128, "M"]',
        )
    count = len(blocks(cfg))
    if params["input_side"] < 2**count:
        raise ParamError("input_side", f"{count} pools need an input of at least {2**count} pixels")
    if not 1 <= params["block"] <= count:
        raise ParamError("block", f"must be a block number from 1 to {count}")
    if not 1 <= params["conv"] <= len(convs(cfg)):
        raise ParamError("conv", f"must be a convolution number from 1 to {len(convs(cfg))}")
    asked = params["asked"]
    if (
        not isinstance(asked, list)
        or not asked
        or any(q not in QUESTIONS for q in asked)
        or len(set(asked)) != len(asked)
    ):
        raise ParamError(
            "asked", f"must be a list of different questions from {', '.join(QUESTIONS)}"
        )
    answers = [_answer(params, q) for q in asked]
    if len(set(answers)) != len(answers):
        raise ParamError("asked", "two of these questions have the same answer; ask different ones")


def _answer(params: dict, question: str) -> int:
    cfg, n, k, j = params["cfg"], params["input_side"], params["block"], params["conv"]
    if question == "conv_layers":
        return len(convs(cfg))
    if question == "weight_layers":
        return len(convs(cfg)) + FC_LAYERS
    if question == "pool_layers":
        return len(blocks(cfg))
    if question == "block_channels":
        return blocks(cfg)[k - 1][-1]
    if question == "block_side":
        return sides(n, k)[-1]
    if question == "final_side":
        return sides(n, len(blocks(cfg)))[-1]
    a, b = convs(cfg)[j - 1]
    return 9 * a * b + b


def _custom(rng: Random) -> list:
    width = rng.choice((16, 32, 64))
    cap = rng.choice((256, 512))
    cfg: list = []
    for _ in range(rng.randint(3, 5)):
        cfg += [width] * rng.randint(1, 4) + ["M"]
        width = min(2 * width, cap)
    return cfg


def draw(rng: Random) -> dict:
    while True:
        cfg = list(rng.choice(tuple(VGG.values()))) if rng.random() < 0.5 else _custom(rng)
        count = len(blocks(cfg))
        n = rng.choice((224, 224, 256, 320, rng.randint(2**count, 512)))
        params = {
            "cfg": cfg,
            "input_side": n,
            "block": rng.randint(1, count),
            "conv": rng.randint(1, len(convs(cfg))),
            "asked": rng.sample(QUESTIONS, 4),
        }
        try:
            check(params)
        except ParamError:
            continue
        return params


def _mistakes(params: dict, question: str) -> list:
    cfg, n, k, j = params["cfg"], params["input_side"], params["block"], params["conv"]
    conv_count, pools = len(convs(cfg)), len(blocks(cfg))
    if question == "conv_layers":
        return [
            slip(
                "fc_counted",
                "the three Linear layers of the classifier are not convolutions.",
                conv_count + FC_LAYERS,
            ),
            slip(
                "pools_counted",
                "max-pooling layers have no weights and are not convolutions.",
                conv_count + pools,
            ),
        ]
    if question == "weight_layers":
        return [
            slip(
                "fc_forgotten", "the classifier's three Linear layers have weights too.", conv_count
            ),
            slip(
                "pools_counted",
                "max-pooling layers have no weights.",
                conv_count + FC_LAYERS + pools,
            ),
        ]
    if question == "pool_layers":
        return [
            slip(
                "one_per_conv",
                'only the "M" entries are pools, one at the end of each block.',
                conv_count,
            )
        ]
    if question == "block_channels":
        widths = [b[-1] for b in blocks(cfg)]
        doubled = widths[0] * 2 ** (k - 1)
        return [
            slip(
                "channels_not_capped",
                "the widths stop doubling at the cap the configuration shows.",
                doubled,
            )
            if doubled != widths[k - 1]
            else None,
            slip(
                "previous_block",
                f"that is what enters block {k}; read the widths of block {k} itself.",
                widths[k - 2],
            )
            if k > 1
            else None,
        ]
    if question in ("block_side", "final_side"):
        count = k if question == "block_side" else pools
        before = sides(n, count - 1)[-1] if count > 1 else n
        return [
            slip(
                "no_floor",
                "a 2×2 pool with stride 2 rounds an odd side down: ⌊n/2⌋.",
                sides(n, count, "no_floor")[-1],
            ),
            slip(
                "before_pool",
                "the pool at the end of the block halves the side once more.",
                before,
            ),
            slip(
                "divided_by_32",
                f"up to this point there are {count} pools, not 5: halve {count} times.",
                n // 32,
            )
            if count != 5
            else None,
        ]
    a, b = convs(cfg)[j - 1]
    return [
        slip("no_bias", f"each of the {b} filters also has a bias.", 9 * a * b),
        slip("kernel_forgotten", "each filter has 3·3 weights per input channel.", a * b + b),
        slip("in_channels_forgotten", f"each filter spans all {a} input channels.", 9 * b + b),
    ]


def _code(cfg: list) -> str:
    rows, line = [], "cfg = ["
    for item in cfg:
        text = '"M"' if item == "M" else str(item)
        if len(line) + len(text) > 90:
            rows.append(line.rstrip())
            line = "       "
        line += text + ", "
    rows.append(line.rstrip(", ") + "]")
    final = convs(cfg)[-1][1]
    return "\n".join(
        [
            "import torch.nn as nn",
            "",
            *rows,
            "",
            "def make_features(cfg):",
            "    layers, channels = [], 3",
            "    for v in cfg:",
            '        if v == "M":',
            "            layers.append(nn.MaxPool2d(kernel_size=2, stride=2))",
            "        else:",
            "            layers += [nn.Conv2d(channels, v, kernel_size=3, padding=1), nn.ReLU()]",
            "            channels = v",
            "    return nn.Sequential(*layers)",
            "",
            "features = make_features(cfg)",
            "avgpool = nn.AdaptiveAvgPool2d((7, 7))",
            "classifier = nn.Sequential(",
            f"    nn.Linear({final} * 7 * 7, 4096), nn.ReLU(), nn.Dropout(),",
            "    nn.Linear(4096, 4096), nn.ReLU(), nn.Dropout(),",
            "    nn.Linear(4096, 1000),",
            ")",
        ]
    )


PROMPTS = {
    "conv_layers": "How many convolutional layers does the network have",
    "weight_layers": "How many weight layers (convolutional and fully connected) does it have",
    "pool_layers": "How many max-pooling layers does it have",
    "block_channels": "How many channels leave block {k}",
    "block_side": "For a {n}×{n} input, what is the side (height = width) of the feature map "
    "after block {k}'s pool",
    "final_side": "For a {n}×{n} input, what is the side of the feature map at the end of "
    "`features`",
    "conv_params": "How many parameters (weights and biases) does convolution {j} have",
}


def solve(params: dict) -> Solved:
    cfg, n, k, j = params["cfg"], params["input_side"], params["block"], params["conv"]
    parts = [
        integer(
            question,
            PROMPTS[question].format(n=n, k=k, j=j),
            _answer(params, question),
            *_mistakes(params, question),
        )
        for question in params["asked"]
    ]
    conv_list = convs(cfg)
    a, b = conv_list[j - 1]
    size_chain = sides(n, len(blocks(cfg)))
    facts = {
        "name": name_of(cfg),
        "blocks": [
            {"index": i, "convs": len(block), "width": block[-1], "side": size_chain[i - 1]}
            for i, block in enumerate(blocks(cfg), start=1)
        ],
        "conv_count": len(conv_list),
        "pools": len(blocks(cfg)),
        "final_width": conv_list[-1][1],
        "conv_in": a,
        "conv_out": b,
        "conv_params": 9 * a * b + b,
        "chain": " → ".join(str(x) for x in [n, *size_chain]),
        "odd": any(x % 2 for x in [n, *size_chain[:-1]]),
        "code": _code(cfg),
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="cnn_architecture_facts",
    chapter="feature_extraction",
    title="Facts of a VGG-style network",
    book_refs=("FE-Q7", "DL-Q63"),
    params=(
        Param("cfg", 'torchvision-style configuration: widths and "M" (pool)', "data"),
        Param("input_side", "side of the square RGB input", "integer", low=1, high=4096),
        Param("block", "the block asked about (1 = first)", "integer", low=1, high=16),
        Param("conv", "the convolution asked about (1 = first)", "integer", low=1, high=64),
        Param("asked", "the questions, in order: " + ", ".join(QUESTIONS), "data"),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={
        "cfg": VGG["VGG19"],
        "input_side": 224,
        "block": 5,
        "conv": 1,
        "asked": ["weight_layers", "conv_layers", "pool_layers", "final_side"],
    },
)
