"""Weight-tensor shape and parameter count of nn.Conv2d layers.

Varies DL-Q54: a 3×3 convolution (with a ReLU after it) maps an RGB 512×512 image to 16 feature
maps of 512×512; its weight tensor is (16, 3, 3, 3) in PyTorch's (out, in, kH, kW) order, 432
weights plus 16 biases = 448 parameters. The stack is drawn: one to three Conv2d layers, each
followed by a ReLU, square or rectangular kernels, with or without bias, and now and then a grouped
or depthwise convolution (groups > 1, each filter sees in_channels/groups channels).

Asked: the weight shape of one named layer and the number of learnable parameters of the whole
stack (ReLU has none). Slips: in and out channels transposed, TensorFlow's (kH, kW, in, out)
layout, the input channels forgotten, the groups ignored, and the biases left out of the count
(or counted for a layer built with bias=False).
"""

from __future__ import annotations

from random import Random

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import integer, shape, slip
from interview_sim.kit.arith import conv_out

KEYS = ("out_channels", "kernel", "padding", "groups", "bias")


def parse_layers(params: dict) -> list[dict]:
    """The layers as dicts with every key, validated; in_channels chained from the input."""
    raw = params["layers"]
    if not isinstance(raw, list) or not 1 <= len(raw) <= 6:
        raise ParamError("layers", "must be a list of 1–6 Conv2d layers")
    channels = params["input_shape"][1]
    layers = []
    for index, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or sorted(item) != sorted(KEYS):
            raise ParamError(
                "layers",
                f"layer {index} must be an object with exactly the keys {', '.join(KEYS)} "
                '(kernel as [kH, kW], bias true/false), e.g. {"out_channels": 16, '
                '"kernel": [3, 3], "padding": 1, "groups": 1, "bias": true}',
            )
        out, kernel, groups = item["out_channels"], item["kernel"], item["groups"]
        numbers = [out, item["padding"], groups, *kernel] if isinstance(kernel, list) else []
        if (
            len(numbers) != 5
            or any(isinstance(x, bool) or not isinstance(x, int) for x in numbers)
            or not isinstance(item["bias"], bool)
        ):
            raise ParamError(
                "layers", f"layer {index}: whole numbers, kernel as [kH, kW], bias true/false"
            )
        if not (1 <= out <= 4096 and 1 <= min(kernel) and max(kernel) <= 15):
            raise ParamError("layers", f"layer {index}: out_channels 1–4096, kernel sides 1–15")
        if not 0 <= item["padding"] <= 7 or groups < 1:
            raise ParamError("layers", f"layer {index}: padding 0–7 and groups ≥ 1")
        if channels % groups or out % groups:
            raise ParamError(
                "layers",
                f"layer {index}: groups={groups} must divide both in_channels={channels} and "
                f"out_channels={out} (PyTorch raises a ValueError otherwise)",
            )
        layers.append({**item, "in_channels": channels})
        channels = out
    return layers


def check(params: dict) -> None:
    layers = parse_layers(params)
    if not 1 <= params["asked_layer"] <= len(layers):
        raise ParamError("asked_layer", f"must be a layer number from 1 to {len(layers)}")
    h, w = params["input_shape"][2:]
    for index, layer in enumerate(layers, start=1):
        (kh, kw), p = layer["kernel"], layer["padding"]
        h, w = conv_out(h, kh, 1, p), conv_out(w, kw, 1, p)
        if min(h, w) < 1:
            raise ParamError("layers", f"layer {index}: the kernel is larger than its input")


def draw(rng: Random) -> dict:
    channels = rng.choice((1, 3, 3, 3, 4, 8, 16, 32, 64))
    count = rng.choices((1, 2, 3), weights=(3, 4, 3))[0]
    layers = []
    c = channels
    for _ in range(count):
        if rng.random() < 0.75:
            k = rng.choices((1, 3, 5, 7), weights=(1, 8, 3, 2))[0]
            kernel = [k, k]
        else:
            kernel = rng.choice(([1, 3], [3, 1], [1, 5], [5, 1], [1, 7], [7, 1], [3, 5]))
        groups = 1
        out = rng.choice((8, 16, 24, 32, 48, 64, 96, 128))
        if c > 1 and rng.random() < 0.15:
            groups = c  # depthwise
            out = c * rng.choice((1, 1, 2))
        elif c >= 8 and rng.random() < 0.1:
            groups = rng.choice([g for g in (2, 4) if c % g == 0 and out % g == 0] or [1])
        layers.append(
            {
                "out_channels": out,
                "kernel": kernel,
                "padding": kernel[0] // 2 if kernel[0] == kernel[1] else 0,
                "groups": groups,
                "bias": rng.random() < 0.8,
            }
        )
        c = out
    side = rng.choice((28, 32, 64, 128, 224, 256, 512))
    return {
        "input_shape": [rng.choice((1, 4, 8, 16, 32)), channels, side, side],
        "layers": layers,
        "asked_layer": rng.randint(1, count),
    }


def weight_shape(layer: dict) -> tuple[int, int, int, int]:
    """PyTorch's Conv2d weight: (out_channels, in_channels/groups, kH, kW)."""
    kh, kw = layer["kernel"]
    return (layer["out_channels"], layer["in_channels"] // layer["groups"], kh, kw)


def count(layer: dict, bias: bool | None = None, groups: bool = True) -> int:
    out, per, kh, kw = weight_shape(layer)
    if not groups:
        per = layer["in_channels"]
    with_bias = layer["bias"] if bias is None else bias
    return out * per * kh * kw + (out if with_bias else 0)


def code(params: dict, layers: list[dict]) -> str:
    lines = []
    for layer in layers:
        kh, kw = layer["kernel"]
        args = f"{layer['in_channels']}, {layer['out_channels']}, "
        args += f"kernel_size={kh}" if kh == kw else f"kernel_size=({kh}, {kw})"
        if layer["padding"]:
            args += f", padding={layer['padding']}"
        if layer["groups"] > 1:
            args += f", groups={layer['groups']}"
        if not layer["bias"]:
            args += ", bias=False"
        lines.append(f"    nn.Conv2d({args}),")
        lines.append("    nn.ReLU(),")
    width = max(len(line) for line in lines) + 2
    numbered, conv = [], 0
    for line in lines:
        if "Conv2d" in line:
            conv += 1
            line = f"{line:<{width}}# conv {conv}"
        numbered.append(line)
    n, c, h, w = params["input_shape"]
    return "\n".join(
        [
            "import torch",
            "import torch.nn as nn",
            "",
            "model = nn.Sequential(",
            *numbered,
            ")",
            f"x = torch.randn({n}, {c}, {h}, {w})",
        ]
    )


def solve(params: dict) -> Solved:
    layers = parse_layers(params)
    k = params["asked_layer"]
    layer = layers[k - 1]
    out, per, kh, kw = weight_shape(layer)
    cin = layer["in_channels"]
    shape_mistakes = [
        slip(
            "transposed_weights",
            "PyTorch stores a Conv2d weight as (out_channels, in_channels/groups, kH, kW): the "
            "output channels come first.",
            (per, out, kh, kw),
        ),
        slip(
            "tf_layout",
            "(kH, kW, in, out) is TensorFlow's layout; PyTorch's is (out, in/groups, kH, kW).",
            (kh, kw, per, out),
        ),
        slip(
            "in_channels_forgotten",
            "each filter spans every input channel it sees, so the weight has four dimensions.",
            (out, kh, kw),
        ),
    ]
    if layer["groups"] > 1:
        shape_mistakes.append(
            slip(
                "groups_ignored",
                f"with groups={layer['groups']} each filter sees only in_channels/groups = "
                f"{per} channels.",
                (out, cin, kh, kw),
            )
        )
    total = sum(count(x) for x in layers)
    any_bias = any(x["bias"] for x in layers)
    any_unbiased = any(not x["bias"] for x in layers)
    count_mistakes = [
        slip(
            "no_bias",
            "each Conv2d built with a bias adds one bias per output channel.",
            sum(count(x, bias=False) for x in layers),
        )
        if any_bias
        else None,
        slip(
            "bias_counted",
            "a layer built with bias=False has no bias to count.",
            sum(count(x, bias=True) for x in layers),
        )
        if any_unbiased
        else None,
        slip(
            "groups_ignored",
            "a grouped convolution's filters each see only in_channels/groups channels.",
            sum(count(x, groups=False) for x in layers),
        )
        if any(x["groups"] > 1 for x in layers)
        else None,
        slip(
            "asked_layer_only",
            "the question asks for the whole model: add up every Conv2d.",
            count(layer),
        )
        if len(layers) > 1
        else None,
    ]
    parts = [
        shape(
            "weight_shape",
            f"Shape of the weight tensor of conv {k} (its .weight)"
            if len(layers) > 1
            else "Shape of the convolution's weight tensor (its .weight)",
            (out, per, kh, kw),
            *shape_mistakes,
            hint="four whole numbers, e.g. (8, 4, 5, 5)",
        ),
        integer(
            "param_count",
            "Number of learnable parameters of the whole model",
            total,
            *count_mistakes,
        ),
    ]
    rows = []
    for index, x in enumerate(layers, start=1):
        o, p, a, b = weight_shape(x)
        rows.append(
            {
                "index": index,
                "shape": f"({o}, {p}, {a}, {b})",
                "weights": o * p * a * b,
                "formula": f"{o}·{p}·{a}·{b} = {o * p * a * b:,}",
                "bias": o if x["bias"] else 0,
                "total": count(x),
                "groups": x["groups"],
                "in_channels": x["in_channels"],
                "per": p,
            }
        )
    facts = {"code": code(params, layers), "rows": rows, "total": total, "asked": rows[k - 1]}
    return Solved(parts, facts)


FAMILY = Family(
    id="conv_weight_shape",
    chapter="deep_learning",
    title="Conv2d weight shapes and parameter counts",
    book_refs=("DL-Q54",),
    params=(
        Param(
            "input_shape", "input batch (N, C, H, W)", "integers", low=1, high=4096, length=(4, 4)
        ),
        Param(
            "layers",
            "Conv2d layers in order (each followed by a ReLU): objects with out_channels, kernel "
            "[kH, kW], padding, groups and bias (true/false); in_channels follow from the input",
            "data",
        ),
        Param("asked_layer", "which conv's weight shape is asked (1 = first)", "integer", low=1),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={
        "input_shape": [1, 3, 512, 512],
        "layers": [{"out_channels": 16, "kernel": [3, 3], "padding": 1, "groups": 1, "bias": True}],
        "asked_layer": 1,
    },
)
