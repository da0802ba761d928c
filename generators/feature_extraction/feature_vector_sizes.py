"""Feature-vector lengths of a frozen VGG/ResNet feature extractor, and the size of a new head.

Varies FE-Q8 (the chapter's VGG19 table: conv4_3 gives 512 channels, fc6 and fc7 4096 features,
the output layer 1000), FE-Q10 and FE-Q11 (VGG19 and ResNet34 "bottom" features, 512 after global
average pooling), as the mock exam's "Feature extraction" problem (EXAM-5) uses them: a 3-class
pancreatic whole-slide image classifier on VGG19 fc7 features, whose new linear head has
4096·3 + 3 = 12,291 parameters. The backbone (VGG19, VGG16, ResNet34, ResNet18), the tapped
layer(s) and the number of classes C (2-20) are drawn.

Asked: the feature-vector length of a layer (a convolutional map is reduced to one number per
channel by global average pooling; a fully connected layer is already a vector), the length of two
layers' vectors concatenated, and the parameter count in·C + C of a new nn.Linear head.

Deliberately absent: "sum of the table" questions. The book's printed VGG totals (138M parameters,
the filter and feature totals) do not match its own rows — 138M is VGG16's count — so totals are
never asked.
"""

from __future__ import annotations

from random import Random

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import integer, slip, tabled

INPUT_SIDE = 224


def _vgg(blocks: tuple[int, ...]) -> dict[str, tuple[int, int]]:
    """Layer -> (channels or features, spatial side at a 224×224 input; 0 for a vector). Padded
    3×3 convs keep the size; each pool halves it."""
    blocks_and_widths = enumerate(zip(blocks, (64, 128, 256, 512, 512), strict=True), start=1)
    taps = {
        f"conv{block}_{conv}": (width, INPUT_SIDE >> (block - 1))
        for block, (convs, width) in blocks_and_widths
        for conv in range(1, convs + 1)
    }
    return taps | {"fc6": (4096, 0), "fc7": (4096, 0), "fc8": (1000, 0)}


# torchvision names; layer4's map is what avgpool averages for fc
RESNET = {"layer1": (64, 56), "layer2": (128, 28), "layer3": (256, 14), "layer4": (512, 7)}
RESNET["fc"] = (1000, 0)
BACKBONES = {"VGG19": _vgg((2, 2, 4, 4, 4)), "VGG16": _vgg((2, 2, 3, 3, 3))}
BACKBONES |= {"ResNet34": RESNET, "ResNet18": RESNET}
ALL_LAYERS = tuple(dict.fromkeys(name for taps in BACKBONES.values() for name in taps))
HEAD_INPUTS = ("first", "concatenation")
ROW = ("layer", "channels", "side")  # a row of the statement's table of tapped layers
# layers worth drawing (deep convolutional maps and the fully connected layers)
DRAWN = {"VGG19": ("conv3_4", "conv4_3", "conv4_4", "conv5_3", "conv5_4", "fc6", "fc7", "fc8")}
DRAWN["VGG16"] = ("conv3_3", "conv4_3", "conv5_3", "fc6", "fc7", "fc8")
DRAWN |= dict.fromkeys(("ResNet34", "ResNet18"), ("layer2", "layer3", "layer4", "fc"))
# How each slip is explained, per part ({classes}: the number of classes C).
WHY_LENGTH = (
    "that is the whole feature map flattened (channels·height·width); global average pooling "
    "leaves one number per channel."
)
WHY_CONCAT = {
    "one_layer_only": "the concatenation holds both vectors: add the two lengths.",
    "spatial_unpooled": "a convolutional map enters the vector after global average pooling, one "
    "number per channel, not flattened whole.",
    "multiplied": "concatenating appends one vector to the other: the lengths add, they do not "
    "multiply.",
}
WHY_HEAD = {
    "no_bias": "an nn.Linear layer also has one bias per output: add C = {classes}.",
    "imagenet_outputs": "the new head replaces the 1000 ImageNet outputs with C = {classes} "
    "outputs.",
    "spatial_unpooled": "the head reads the pooled vector (one number per channel), not the "
    "flattened map.",
    "one_layer_only": "the head reads the concatenated vector, so its input has both lengths.",
}


def draw(rng: Random) -> dict:
    backbone = rng.choice(tuple(BACKBONES))
    a, b = rng.sample(DRAWN[backbone], 2)
    classes, head = rng.randint(2, 20), rng.choice(HEAD_INPUTS)
    return dict(backbone=backbone, layer=a, second_layer=b, classes=classes, head_input=head)


def check(params: dict) -> None:
    backbone, layer, second = params["backbone"], params["layer"], params["second_layer"]
    taps = BACKBONES[backbone]
    for name, value in (("layer", layer), ("second_layer", second)):
        if value is not None and value not in taps:
            known = ", ".join(taps)
            raise ParamError(name, f"{backbone} has no layer {value!r}; its layers are {known}")
    if second == layer:
        raise ParamError("second_layer", "must differ from layer (or be null for none)")
    if params["head_input"] == "concatenation" and second is None:
        use = '"concatenation" needs a second_layer; use "first" or name a second layer'
        raise ParamError("head_input", use)


def solve(params: dict) -> Solved:
    backbone, a, b, c = (params[k] for k in ("backbone", "layer", "second_layer", "classes"))
    taps, on_concat = BACKBONES[backbone], params["head_input"] == "concatenation"
    # a layer's vector length (its channels), and its map flattened without global pooling
    flat = {layer: ch * side * side if side else ch for layer, (ch, side) in taps.items()}
    layers = (a,) if b is None else (a, b)
    wa, wb = taps[a][0], taps[b][0] if b else 0
    n_in, flat_in = (wa + wb, flat[a] + flat[b]) if on_concat else (wa, flat[a])
    slips = [slip("spatial_unpooled", WHY_LENGTH, flat[a])]
    parts = [integer("length", f"Length of the feature vector taken from {a}", wa, *slips)]
    if b is not None:
        slips = [slip("one_layer_only", WHY_CONCAT["one_layer_only"], w) for w in (wa, wb)]
        slips += tabled(WHY_CONCAT, spatial_unpooled=flat[a] + flat[b], multiplied=wa * wb)
        prompt = f"Length of the vector formed by concatenating the {a} and {b} features"
        parts.append(integer("concat_length", prompt, wa + wb, *slips))
    words = {"classes": c}
    slips = tabled(WHY_HEAD, words=words, no_bias=n_in * c, imagenet_outputs=n_in * 1000 + 1000)
    slips += tabled(WHY_HEAD, spatial_unpooled=flat_in * c + c)
    if on_concat:
        slips += [slip("one_layer_only", WHY_HEAD["one_layer_only"], w * c + c) for w in (wa, wb)]
    source = f"the concatenated {a} + {b} vector" if on_concat else f"the {a} features"
    prompt = f"Number of trainable parameters of a new nn.Linear head from {source} to {c} classes"
    parts.append(integer("head_params", prompt, n_in * c + c, *slips))
    facts = {"width_a": wa, "width_b": wb, "concat": wa + wb, "head_inputs": n_in}
    facts["text"] = {key: f"{value:,}" for key, value in (facts | {"head": n_in * c + c}).items()}
    facts["rows"] = [dict(zip(ROW, (layer, *taps[layer]), strict=True)) for layer in layers]
    return Solved(parts, facts | {"on_concat": on_concat})


SECOND_MEANS = "a second layer concatenated with the first (null: no concatenation question)"
HEAD_MEANS = "what the new head reads: the first layer's vector or the concatenation"
FAMILY = Family(
    id="feature_vector_sizes",
    chapter="feature_extraction",
    title="Feature-vector sizes and a new classifier head",
    book_refs=("FE-Q8", "FE-Q10", "FE-Q11"),
    params=(
        Param("backbone", "the pretrained network", "choice", options=tuple(BACKBONES)),
        Param("layer", "the layer whose features are extracted", "choice", options=ALL_LAYERS),
        Param("second_layer", SECOND_MEANS, "choice", options=(None, *ALL_LAYERS)),
        Param("classes", "number of classes C of the new head", "integer", low=2, high=1000),
        Param("head_input", HEAD_MEANS, "choice", options=HEAD_INPUTS),
    ),
    draw=draw,
    solve=solve,
    check=check,
    # ordered pairs of distinct drawn layers per backbone × 19 class counts × 2 head inputs
    space=sum(len(d) * (len(d) - 1) for d in DRAWN.values()) * 19 * len(HEAD_INPUTS),
    book_params=dict(
        backbone="VGG19", layer="fc7", second_layer=None, classes=3, head_input="first"
    ),
)
