"""Feature-vector lengths of a frozen VGG/ResNet feature extractor, and the size of a new head.

Varies the CNN feature-extraction chapter's VGG19 table (conv4_3 gives 512 channels, fc6 and fc7
4096 features, the output layer 1000) and its ResNet34 "bottom" features (512 after global average
pooling), as used by the mock exam's "Feature extraction" problem: a 3-class pancreatic whole-slide
image classifier on VGG19 fc7 features, whose new linear head has 4096·3 + 3 = 12,291 parameters.
The backbone (VGG19, VGG16, ResNet34, ResNet18), the tapped layer(s) and the number of classes
C (2-20) are drawn.

Asked: the feature-vector length of a layer (a convolutional map is reduced to one number per
channel by global average pooling; a fully connected layer is already a vector), the length of two
layers' vectors concatenated, and the parameter count in·C + C of a new nn.Linear head. Slips:
leaving out the head's bias, counting only one of the concatenated layers, using the unpooled map
(e.g. 14·14·512 = 100,352 for conv5_4) and keeping ImageNet's 1000 outputs instead of C.

Deliberately absent: "sum of the table" questions. The book's printed VGG totals (138M parameters,
the filter and feature totals) do not match its own rows — 138M is VGG16's count — so totals are
never asked.

Book refs: FE-Q8 (the VGG19 table), FE-Q10 and FE-Q11 (VGG19 and ResNet34 feature extractors);
the mock exam's feature-extraction section (EXAM-5) reuses them.
"""

from __future__ import annotations

from random import Random

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import integer, slip

INPUT_SIDE = 224


def _vgg(blocks: tuple[int, ...]) -> dict[str, tuple[int, int]]:
    """Layer -> (channels or features, spatial side at a 224×224 input; 0 for a vector)."""
    taps: dict[str, tuple[int, int]] = {}
    widths = (64, 128, 256, 512, 512)
    for block, (convs, width) in enumerate(zip(blocks, widths, strict=True), start=1):
        side = INPUT_SIDE >> (block - 1)  # padded 3×3 convs keep the size; each pool halves it
        for conv in range(1, convs + 1):
            taps[f"conv{block}_{conv}"] = (width, side)
    taps.update({"fc6": (4096, 0), "fc7": (4096, 0), "fc8": (1000, 0)})
    return taps


RESNET = {  # torchvision names; layer4's map is what avgpool averages for fc
    "layer1": (64, 56),
    "layer2": (128, 28),
    "layer3": (256, 14),
    "layer4": (512, 7),
    "fc": (1000, 0),
}
BACKBONES: dict[str, dict[str, tuple[int, int]]] = {
    "VGG19": _vgg((2, 2, 4, 4, 4)),
    "VGG16": _vgg((2, 2, 3, 3, 3)),
    "ResNet34": RESNET,
    "ResNet18": RESNET,
}
ALL_LAYERS = tuple(dict.fromkeys(name for taps in BACKBONES.values() for name in taps))
HEAD_INPUTS = ("first", "concatenation")
# layers worth drawing (deep convolutional maps and the fully connected layers)
DRAWN = {
    "VGG19": ("conv3_4", "conv4_3", "conv4_4", "conv5_3", "conv5_4", "fc6", "fc7", "fc8"),
    "VGG16": ("conv3_3", "conv4_3", "conv5_3", "fc6", "fc7", "fc8"),
    "ResNet34": ("layer2", "layer3", "layer4", "fc"),
    "ResNet18": ("layer2", "layer3", "layer4", "fc"),
}


def width(backbone: str, layer: str) -> int:
    return BACKBONES[backbone][layer][0]


def unpooled(backbone: str, layer: str) -> int:
    """The length of the map flattened without global pooling (= the width for a vector)."""
    channels, side = BACKBONES[backbone][layer]
    return channels * side * side if side else channels


def is_map(backbone: str, layer: str) -> bool:
    return BACKBONES[backbone][layer][1] > 0


def draw(rng: Random) -> dict:
    backbone = rng.choice(tuple(BACKBONES))
    first, second = rng.sample(DRAWN[backbone], 2)
    return {
        "backbone": backbone,
        "layer": first,
        "second_layer": second,
        "classes": rng.randint(2, 20),
        "head_input": rng.choice(HEAD_INPUTS),
    }


def check(params: dict) -> None:
    backbone = params["backbone"]
    taps = BACKBONES[backbone]
    for name in ("layer", "second_layer"):
        layer = params[name]
        if layer is not None and layer not in taps:
            raise ParamError(
                name, f"{backbone} has no layer {layer!r}; its layers are {', '.join(taps)}"
            )
    if params["layer"] is None:
        raise ParamError("layer", "choose the layer whose features are extracted")
    if params["second_layer"] == params["layer"]:
        raise ParamError("second_layer", "must differ from layer (or be null for none)")
    if params["head_input"] == "concatenation" and params["second_layer"] is None:
        raise ParamError(
            "head_input", '"concatenation" needs a second_layer; use "first" or name a second layer'
        )


def solve(params: dict) -> Solved:
    backbone, a, b = params["backbone"], params["layer"], params["second_layer"]
    classes = params["classes"]
    wa = width(backbone, a)
    parts = [
        integer(
            "length",
            f"Length of the feature vector taken from {a}",
            wa,
            slip(
                "spatial_unpooled",
                "that is the whole feature map flattened (channels·height·width); global "
                "average pooling leaves one number per channel.",
                unpooled(backbone, a),
            ),
        )
    ]
    facts: dict = {"width_a": wa, "unpooled_a": unpooled(backbone, a), "map_a": is_map(backbone, a)}
    if b is not None:
        wb = width(backbone, b)
        concat = wa + wb
        facts.update(width_b=wb, unpooled_b=unpooled(backbone, b), map_b=is_map(backbone, b))
        facts["concat"] = concat
        both = "the concatenation holds both vectors: add the two lengths."
        parts.append(
            integer(
                "concat_length",
                f"Length of the vector formed by concatenating the {a} and {b} features",
                concat,
                *(slip("one_layer_only", both, w) for w in (wa, wb)),
                slip(
                    "spatial_unpooled",
                    "a convolutional map enters the vector after global average pooling, one "
                    "number per channel, not flattened whole.",
                    unpooled(backbone, a) + unpooled(backbone, b),
                ),
                slip(
                    "multiplied",
                    "concatenating appends one vector to the other: the "
                    "lengths add, they do not multiply.",
                    wa * wb,
                ),
            )
        )
    on_concat = params["head_input"] == "concatenation"
    inputs = facts["concat"] if on_concat else wa
    head = inputs * classes + classes
    head_mistakes = [
        slip(
            "no_bias",
            f"an nn.Linear layer also has one bias per output: add C = {classes}.",
            inputs * classes,
        ),
        slip(
            "imagenet_outputs",
            f"the new head replaces the 1000 ImageNet outputs with C = {classes} outputs.",
            inputs * 1000 + 1000,
        ),
        slip(
            "spatial_unpooled",
            "the head reads the pooled vector (one number per channel), not the flattened map.",
            (unpooled(backbone, a) + (unpooled(backbone, b) if on_concat else 0)) * classes
            + classes,
        ),
    ]
    one_layer = "the head reads the concatenated vector, so its input has both lengths."
    if on_concat:
        head_mistakes += [
            slip("one_layer_only", one_layer, w * classes + classes) for w in (wa, facts["width_b"])
        ]
    source = f"the concatenated {a} + {b} vector" if on_concat else f"the {a} features"
    parts.append(
        integer(
            "head_params",
            f"Number of trainable parameters of a new nn.Linear head from {source} to "
            f"{classes} classes",
            head,
            *tuple(head_mistakes),
        )
    )
    facts.update(head_inputs=inputs, head=head, on_concat=on_concat)
    facts["rows"] = [_row(backbone, layer) for layer in ((a,) if b is None else (a, b))]
    facts["text"] = {key: f"{value:,}" for key, value in facts.items() if type(value) is int}
    return Solved(parts, facts)


def _row(backbone: str, layer: str) -> dict:
    channels, side = BACKBONES[backbone][layer]
    if side:
        shape = f"{channels} × {side} × {side} feature map"
    elif layer in ("fc8", "fc"):
        shape = f"vector of {channels} class scores (the ImageNet output layer)"
    else:
        shape = f"vector of {channels:,} activations"
    return {"layer": layer, "shape": shape, "channels": channels, "side": side}


FAMILY = Family(
    id="feature_vector_sizes",
    chapter="feature_extraction",
    title="Feature-vector sizes and a new classifier head",
    book_refs=("FE-Q8", "FE-Q10", "FE-Q11"),
    params=(
        Param("backbone", "the pretrained network", "choice", options=tuple(BACKBONES)),
        Param("layer", "the layer whose features are extracted", "choice", options=ALL_LAYERS),
        Param(
            "second_layer",
            "a second layer concatenated with the first (null: no concatenation question)",
            "choice",
            options=(None, *ALL_LAYERS),
        ),
        Param("classes", "number of classes C of the new head", "integer", low=2, high=1000),
        Param(
            "head_input",
            "what the new head reads: the first layer's vector or the concatenation",
            "choice",
            options=HEAD_INPUTS,
        ),
    ),
    draw=draw,
    solve=solve,
    check=check,
    # ordered pairs of distinct drawn layers per backbone × 19 class counts × 2 head inputs
    space=sum(len(d) * (len(d) - 1) for d in DRAWN.values()) * 19 * len(HEAD_INPUTS),
    book_params={
        "backbone": "VGG19",
        "layer": "fc7",
        "second_layer": None,
        "classes": 3,
        "head_input": "first",
    },
)
