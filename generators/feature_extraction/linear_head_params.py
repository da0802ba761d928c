"""A new classification head on a pretrained CNN: its parameters, its weight shape, its output.

Varies FE-Q15, fine-tuning an ImageNet model for seven melanoma classes: a new nn.Linear maps the
1000 ImageNet outputs to 7 classes, 1000·7 + 7 = 7,007 trainable parameters. The book gives the
sizes only in words, so ``book_params`` is that instance written as code (VGG19 with the new layer
appended, a batch of 32).

Drawn: the backbone (ResNet18/34/50, VGG16/19, DenseNet121, MobileNetV2, EfficientNet-B0, each with
its own final feature width), whether the new head replaces the ImageNet classifier or is appended
after its 1000 outputs, a single Linear or a two-layer head with ReLU and Dropout, the number of
classes and the batch size. The backbone is frozen, so only the head trains.

Asked: the head's trainable parameters, the shape of its last Linear's weight, and the shape of the
model's output. Slips: biases left out, only the last layer counted, ImageNet's 1000 classes kept,
the weight transposed, and the batch dimension dropped or the features given for the classes.
"""

from __future__ import annotations

from random import Random

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import integer, shape, slip

# torchvision constructor -> (display name, attribute replaced, final feature width)
BACKBONES = {
    "resnet18": ("ResNet18", "fc", 512),
    "resnet34": ("ResNet34", "fc", 512),
    "resnet50": ("ResNet50", "fc", 2048),
    "vgg16": ("VGG16", "classifier[6]", 4096),
    "vgg19": ("VGG19", "classifier[6]", 4096),
    "densenet121": ("DenseNet121", "classifier", 1024),
    "mobilenet_v2": ("MobileNetV2", "classifier[1]", 1280),
    "efficientnet_b0": ("EfficientNet-B0", "classifier[1]", 1280),
}
PLACES = ("replace", "append")
IMAGENET = 1000
DROPOUTS = (0, 0.2, 0.3, 0.5)


def in_features(params: dict) -> int:
    return BACKBONES[params["backbone"]][2] if params["place"] == "replace" else IMAGENET


def check(params: dict) -> None:
    if params["hidden"] == 0 and params["dropout"] != 0:
        raise ParamError("dropout", "a single-Linear head has no Dropout here; use 0")


def draw(rng: Random) -> dict:
    hidden = rng.choice((0, 0, 64, 128, 256, 512))
    return {
        "backbone": rng.choice(tuple(BACKBONES)),
        "place": rng.choices(PLACES, weights=(3, 1))[0],
        "classes": rng.randint(2, 20),
        "hidden": hidden,
        "dropout": rng.choice((0.2, 0.3, 0.5)) if hidden else 0,
        "batch": rng.choice((1, 4, 8, 16, 32, 64, 128)),
    }


def head_code(params: dict) -> str:
    f, c, h = in_features(params), params["classes"], params["hidden"]
    if not h:
        return f"nn.Linear({f}, {c})"
    return (
        f"nn.Sequential(\n    nn.Linear({f}, {h}),\n    nn.ReLU(),\n"
        f"    nn.Dropout({params['dropout']}),\n    nn.Linear({h}, {c}),\n)"
    )


def code(params: dict) -> str:
    name, attribute, _ = BACKBONES[params["backbone"]]
    lines = [
        "import torch",
        "import torch.nn as nn",
        "from torchvision import models",
        "",
        f'backbone = models.{params["backbone"]}(weights="IMAGENET1K_V1")',
        "for p in backbone.parameters():",
        "    p.requires_grad = False  # frozen: only the new head trains",
    ]
    head = head_code(params)
    if params["place"] == "replace":
        lines += [f"backbone.{attribute} = {head}", "model = backbone"]
    else:
        lines += [
            f"head = {head}",
            "model = nn.Sequential(backbone, head)  # after the 1000 outputs",
        ]
    lines.append(f"x = torch.randn({params['batch']}, 3, 224, 224)")
    return "\n".join(lines)


def solve(params: dict) -> Solved:
    f, c, h, n = in_features(params), params["classes"], params["hidden"], params["batch"]
    layers = [(f, h), (h, c)] if h else [(f, c)]
    total = sum(a * b + b for a, b in layers)
    last_in = layers[-1][0]
    count_mistakes = [
        slip(
            "no_bias",
            "each Linear layer also has one bias per output.",
            sum(a * b for a, b in layers),
        ),
        slip(
            "last_layer_only",
            "the head has two Linear layers; both are new and both train.",
            last_in * c + c,
        )
        if h
        else None,
        slip(
            "imagenet_classes_kept",
            f"the new head outputs one score per class of this task ({c}), not ImageNet's 1000.",
            sum(a * b + b for a, b in [*layers[:-1], (last_in, IMAGENET)]),
        )
        if c != IMAGENET
        else None,
    ]
    parts = [
        integer(
            "head_params",
            "Number of trainable parameters (those of the new head)",
            total,
            *count_mistakes,
        ),
        shape(
            "last_weight",
            "Shape of the weight of the head's last nn.Linear (its .weight)",
            (c, last_in),
            slip(
                "transposed_weights",
                "nn.Linear stores its weight as (out_features, in_features), so y = x·Wᵀ + b.",
                (last_in, c),
            ),
            hint="two whole numbers (out, in), e.g. (10, 128)",
        ),
        shape(
            "out_shape",
            "Shape of model(x)",
            (n, c),
            slip("batch_dropped", "the batch dimension stays in front: (N, classes).", (c,)),
            slip(
                "imagenet_classes_kept",
                f"the new head gives {c} scores per image, not ImageNet's 1000.",
                (n, IMAGENET),
            ),
            slip(
                "features_not_classes",
                "that is the head's input; its output has one score per class.",
                (n, f),
            ),
            hint="two whole numbers (N, classes), e.g. (16, 5)",
        ),
    ]
    facts = {
        "code": code(params),
        "name": BACKBONES[params["backbone"]][0],
        "attribute": BACKBONES[params["backbone"]][1],
        "in_features": f,
        "layers": [{"a": a, "b": b, "count": a * b + b} for a, b in layers],
        "total": total,
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="linear_head_params",
    chapter="feature_extraction",
    title="A new classification head on a pretrained CNN",
    book_refs=("FE-Q15",),
    params=(
        Param("backbone", "the torchvision backbone", "choice", options=tuple(BACKBONES)),
        Param(
            "place",
            "replace the ImageNet classifier, or append the head after the 1000 outputs",
            "choice",
            options=PLACES,
        ),
        Param("classes", "number of classes of the new task", "integer", low=2, high=999),
        Param(
            "hidden",
            "hidden width of a two-layer head (0: a single Linear)",
            "integer",
            low=0,
            high=8192,
        ),
        Param(
            "dropout",
            "the head's dropout probability (0 without a hidden layer)",
            "choice",
            options=DROPOUTS,
        ),
        Param("batch", "batch size N", "integer", low=1, high=4096),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={
        "backbone": "vgg19",
        "place": "append",
        "classes": 7,
        "hidden": 0,
        "dropout": 0,
        "batch": 32,
    },
)
