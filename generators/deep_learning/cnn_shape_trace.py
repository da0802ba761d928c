"""Trace tensor shapes through a small PyTorch stack of Conv2d, BatchNorm2d, ReLU and MaxPool2d.

Varies DL-Q61/DL-Q62 (shapes through VGG-style feature layers) and DL-Q70, the `MaxPool001` network
that the mock exam's "CNN layers" section reuses: Conv2d(3, 32, kernel 7, padding 2) -> BatchNorm2d
-> MaxPool2d(2, 2) twice on a 1x3x224x224 batch, asking the shapes, the flattened size and whether
the two pools equal one MaxPool2d(4, 4). The layer stack itself is drawn (2-5 layers, optionally a
final Flatten), as is the input (batch 1-8, 1 or 3 channels, H x W in 28-512, not always square).

Every spatial size follows out = floor((n + 2p - f) / s) + 1. The slips catalogued are the ones
interviewers see: rounding the division up instead of down (111 -> 56 instead of 55), adding the
padding once (n + p - f), keeping the input's channel count after a convolution, swapping H and W
for a non-square input, ignoring the stride, dropping the batch dimension, and counting the batch
in the flattened size.

The pooling question must be able to go either way. The book's own pair, two MaxPool2d(2, 2)
versus one MaxPool2d(4, 4), is always equal (floor(floor(n/2)/2) = floor(n/4) for every n, and the
windows coincide), so asking only that would test nothing. Whenever the stack has two MaxPool2d in a
row (the draw often inserts one: 2x(2, 2), 2x(3, 2), 2x(3, 3), or a mixed (2, 2)/(3, 2) pair), a
single MaxPool2d(K, T) is proposed in their place: about half the time the right one, else a natural
slip (kernels added or multiplied, strides added, the extent off by one, one pool's stride kept).
For unpadded floor-mode pools, output j of MaxPool2d(k1, s1) then MaxPool2d(k2, s2) covers input
j·s1·s2 … j·s1·s2 + (k2 - 1)s1 + k1 - 1, so 2x(3, 2) equals (7, 4), not (6, 4). A wrong proposal
can still give the right output size ((6, 4) at n = 225: 55 both ways) or a different one ((3, 4)
against 2x(2, 2) at n = 223: 56 against 55), so both the shape and the windows must be checked.
"Equal" means the same output shape and, position by position, exactly the same set of input pixels
(a max over different sets differs for some input). The truth is computed from those sets.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from random import Random

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import integer, part, shape, slip
from interview_sim.kit.arith import SIZE_SLIPS, conv_out
from interview_sim.model import AnswerKind, Mistake

TYPES = ("Conv2d", "MaxPool2d", "BatchNorm2d", "ReLU", "Flatten")
# required keys, optional keys with PyTorch's defaults (None: the pool's stride = its kernel size)
KEYS: dict[str, tuple[tuple[str, ...], dict[str, int | None]]] = {
    "Conv2d": (("in_channels", "out_channels", "kernel_size"), {"stride": 1, "padding": 0}),
    "MaxPool2d": (("kernel_size",), {"stride": None}),
    "BatchNorm2d": (("num_features",), {}),
    "ReLU": ((), {}),
    "Flatten": ((), {}),
}
LIMITS = {  # (low, high) for explicit parameters; generous, but keeps numbers readable
    "in_channels": (1, 4096),
    "out_channels": (1, 4096),
    "num_features": (1, 4096),
    "kernel_size": (1, 64),
    "stride": (1, 64),
    "padding": (0, 64),
}
MAX_LAYERS = 40  # VGG19's features are 37 layers (16 Conv2d + 16 ReLU + 5 MaxPool2d)
SLIPS = ("no_floor", "padding_once", "stride_ignored", "channels_not_updated")

EXPLAIN = {
    "no_floor": "the division is rounded down, not up: out = ⌊(n + 2p − f)/s⌋ + 1 "
    "(a window that would run past the edge is dropped).",
    "padding_once": "padding is added on both sides of the image: use n + 2p − f, not n + p − f.",
    "stride_ignored": "the stride divides the range: out = ⌊(n + 2p − f)/s⌋ + 1; n + 2p − f + 1 "
    "is the stride-1 size (and nn.MaxPool2d's stride defaults to its kernel size, not 1).",
    "channels_not_updated": "a Conv2d sets the channel count to its out_channels; only pooling, "
    "BatchNorm2d and ReLU keep the channels they receive.",
    "hw_swapped": "PyTorch's order is (N, C, H, W): height (rows) before width (columns), and "
    "for a non-square input the two differ.",
    "batch_dropped": "the batch dimension stays in front: the shape has four entries (N, C, H, W).",
}


@dataclass(frozen=True)
class Layer:
    type: str
    in_channels: int = 0
    out_channels: int = 0
    kernel_size: int = 0
    stride: int = 1
    padding: int = 0
    num_features: int = 0

    @property
    def changes_shape(self) -> bool:
        return self.type in ("Conv2d", "MaxPool2d")

    def code(self) -> str:
        if self.type == "Conv2d":
            extra = f", stride={self.stride}" if self.stride != 1 else ""
            extra += f", padding={self.padding}" if self.padding else ""
            return (
                f"nn.Conv2d({self.in_channels}, {self.out_channels}, "
                f"kernel_size={self.kernel_size}{extra})"
            )
        if self.type == "MaxPool2d":
            return f"nn.MaxPool2d(kernel_size={self.kernel_size}, stride={self.stride})"
        if self.type == "BatchNorm2d":
            return f"nn.BatchNorm2d({self.num_features})"
        return f"nn.{self.type}()"

    def as_json(self) -> dict:
        if self.type == "Conv2d":
            keys = ("in_channels", "out_channels", "kernel_size", "stride", "padding")
        elif self.type == "MaxPool2d":
            keys = ("kernel_size", "stride")
        elif self.type == "BatchNorm2d":
            keys = ("num_features",)
        else:
            keys = ()
        return {"type": self.type, **{key: getattr(self, key) for key in keys}}


# -- sizes -------------------------------------------------------------------------------------
def step(shape: tuple[int, ...], layer: Layer, slip: str | None = None) -> tuple[int, ...]:
    """The shape after one layer (a slip changes only the layer it applies to)."""
    if layer.type == "Flatten":
        n, c, h, w = shape
        return (n, c * h * w)
    if not layer.changes_shape:
        return shape
    n, c, h, w = shape
    k, s = layer.kernel_size, layer.stride
    p = layer.padding if layer.type == "Conv2d" else 0
    channels = layer.out_channels if layer.type == "Conv2d" else c
    if layer.type == "Conv2d" and slip == "channels_not_updated":
        channels = c
    size_slip = slip if slip in SIZE_SLIPS else None
    return (n, channels, conv_out(h, k, s, p, size_slip), conv_out(w, k, s, p, size_slip))


def trace(
    shape: tuple[int, ...], layers: list[Layer], slip: str | None = None
) -> list[tuple[int, ...]] | None:
    """The shape after every layer; with a slip, the slip made at every layer (None if a size
    drops to zero or below, which the slip's author would have noticed)."""
    shapes = []
    for layer in layers:
        shape = step(shape, layer, slip)
        if min(shape) <= 0:
            return None
        shapes.append(shape)
    return shapes


def pool_windows(n: int, first: Layer, second: Layer) -> list[frozenset[int]]:
    """The input positions (along one side of n pixels) behind each output of ``first`` then
    ``second``: output j takes the max over first-pool outputs j·s2 … j·s2 + k2 − 1, and
    first-pool output i over input i·s1 … i·s1 + k1 − 1 (no padding, floor mode)."""
    middle = conv_out(n, first.kernel_size, first.stride, 0)
    count = conv_out(middle, second.kernel_size, second.stride, 0)
    return [
        frozenset(
            i * first.stride + a
            for i in range(j * second.stride, j * second.stride + second.kernel_size)
            for a in range(first.kernel_size)
        )
        for j in range(count)
    ]


def _rows(window: frozenset[int]) -> str:
    """Input positions as runs: {4, 5, 6} -> '4…6'; gaps give '0…1, 3…4'."""
    runs: list[list[int]] = []
    for x in sorted(window):
        if runs and x == runs[-1][1] + 1:
            runs[-1][1] = x
        else:
            runs.append([x, x])
    return ", ".join(f"{a}…{b}" if a != b else str(a) for a, b in runs)


def pools_equivalent(
    size: tuple[int, int], first: Layer, second: Layer, kernel: int, stride: int
) -> tuple[bool, dict]:
    """Whether pool ``first`` then pool ``second`` equals one MaxPool2d(kernel, stride) on an
    (H, W) input: the same output sizes and, position by position, the same input window (a max
    over two different sets of pixels differs for some input, so nothing weaker will do)."""
    middle = [conv_out(n, first.kernel_size, first.stride, 0) for n in size]
    pair = [pool_windows(n, first, second) for n in size]
    single = [
        [
            frozenset(range(j * stride, j * stride + kernel))
            for j in range(conv_out(n, kernel, stride, 0))
        ]
        for n in size
    ]
    shape_same = [len(a) for a in pair] == [len(b) for b in single]
    # each side uses the same pools, so a window depends only on j, not on the side
    common = max(min(len(a), len(b)) for a, b in zip(pair, single, strict=True))
    longest = max(pair, key=len)[:common]
    ones = max(single, key=len)[:common]
    differ = [j for j in range(common) if longest[j] != ones[j]]
    example = differ[0] if differ else min(1, common - 1)
    extent = (second.kernel_size - 1) * first.stride + first.kernel_size
    return shape_same and not differ, {
        "middle": middle,
        "composite": [len(a) for a in pair],
        "single": [len(b) for b in single],
        "extent": extent,
        "moved": first.stride * second.stride,
        "gaps": first.stride > first.kernel_size,
        "shape_same": shape_same,
        "windows_same": not differ,
        "example": example,
        "pair_window": _rows(longest[example]),
        "single_window": _rows(ones[example]),
    }


# -- parameters --------------------------------------------------------------------------------
def _type_name(raw: object, index: int) -> str:
    if not isinstance(raw, str):
        raise ParamError("layers", f"layer {index}: 'type' must be a string such as \"Conv2d\"")
    name = raw.removeprefix("nn.").removeprefix("torch.nn.")
    for known in TYPES:
        if name.lower() == known.lower():
            return known
    close = difflib.get_close_matches(name, TYPES, n=1)
    hint = f"; did you mean {close[0]}?" if close else ""
    raise ParamError(
        "layers",
        f"layer {index}: unknown layer type {raw!r}{hint} (this family knows {', '.join(TYPES)})",
    )


def parse_layers(raw: object) -> list[Layer]:
    """The layer list from JSON: [{"type": "Conv2d", "in_channels": 3, ...}, ...]."""
    if not isinstance(raw, (list, tuple)) or not 1 <= len(raw) <= MAX_LAYERS:
        raise ParamError(
            "layers",
            f"must be a list of 1–{MAX_LAYERS} layers such as "
            '{"type": "Conv2d", "in_channels": 3, "out_channels": 32, "kernel_size": 7}',
        )
    layers = []
    for index, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or "type" not in item:
            raise ParamError("layers", f"layer {index}: must be an object with a 'type' key")
        kind = _type_name(item["type"], index)
        required, optional = KEYS[kind]
        unknown = sorted(set(item) - {"type", *required, *optional})
        if unknown:
            allowed = ", ".join((*required, *optional)) or "no other keys"
            raise ParamError(
                "layers", f"layer {index} ({kind}): unknown key {unknown[0]!r}; allowed: {allowed}"
            )
        values: dict[str, int] = {}
        for key in (*required, *optional):
            if key not in item:
                if key in required:
                    raise ParamError("layers", f"layer {index} ({kind}): missing {key!r}")
                default = optional[key]
                values[key] = values["kernel_size"] if default is None else default
                continue
            value = item[key]
            low, high = LIMITS[key]
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise ParamError(
                    "layers",
                    f"layer {index} ({kind}): {key} must be a whole number in [{low}, {high}] "
                    f"(square kernels only), got {value!r}",
                )
            values[key] = value
        layers.append(Layer(kind, **values))
    return layers


PROPOSED_EXAMPLE = '{"kernel_size": 4, "stride": 4}'


def parse_proposed(raw: object) -> tuple[int, int] | None:
    """The proposed single pool as (kernel_size, stride), or None (no pool question)."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise ParamError(
            "proposed_pool",
            f"must be null or an object such as {PROPOSED_EXAMPLE}, got {raw!r}",
        )
    unknown = sorted(set(raw) - {"kernel_size", "stride"})
    if unknown:
        raise ParamError(
            "proposed_pool",
            f"unknown key {unknown[0]!r} (a MaxPool2d here takes kernel_size and stride)",
        )
    if "kernel_size" not in raw:
        raise ParamError("proposed_pool", f"missing 'kernel_size', e.g. {PROPOSED_EXAMPLE}")
    values = []
    for key in ("kernel_size", "stride"):
        value = raw.get(key, raw["kernel_size"])  # PyTorch: stride defaults to kernel_size
        low, high = LIMITS[key]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ParamError(
                "proposed_pool", f"{key} must be a whole number in [{low}, {high}], got {value!r}"
            )
        values.append(value)
    return values[0], values[1]


def check(params: dict) -> None:
    n, c, h, w = params["input_shape"]
    layers = parse_layers(params["layers"])
    if not any(layer.changes_shape for layer in layers):
        raise ParamError(
            "layers", "needs at least one Conv2d or MaxPool2d (nothing else changes the shape)"
        )
    shape: tuple[int, ...] = (n, c, h, w)
    inputs = []
    for index, layer in enumerate(layers, start=1):
        inputs.append(shape)
        here = f"layer {index} ({layer.code()})"
        if layer.type == "Flatten":
            if index != len(layers):
                raise ParamError("layers", f"{here}: Flatten must be the last layer")
        elif layer.type == "Conv2d" and layer.in_channels != shape[1]:
            raise ParamError(
                "layers",
                f"{here} expects {layer.in_channels} input channels but receives {shape[1]}; "
                'PyTorch itself refuses this stack with a RuntimeError ("expected input … to '
                f'have {layer.in_channels} channels, but got {shape[1]} channels instead")',
            )
        elif layer.type == "BatchNorm2d" and layer.num_features != shape[1]:
            raise ParamError(
                "layers",
                f"{here} normalises {layer.num_features} channels but receives {shape[1]}; "
                'PyTorch itself raises a RuntimeError here ("running_mean should contain '
                f'{shape[1]} elements not {layer.num_features}")',
            )
        elif layer.changes_shape:
            pad = layer.padding if layer.type == "Conv2d" else 0
            padded = (shape[2] + 2 * pad, shape[3] + 2 * pad)
            if layer.kernel_size > min(padded):
                raise ParamError(
                    "layers",
                    f"{here}: the {layer.kernel_size}×{layer.kernel_size} kernel is larger than "
                    f"its padded input {padded[0]}×{padded[1]}; PyTorch raises a RuntimeError "
                    "(the output would be empty)",
                )
        shape = step(shape, layer)
    proposed = parse_proposed(params["proposed_pool"])
    pair = _pool_pair(layers)
    if pair is None and proposed is not None:
        raise ParamError(
            "proposed_pool",
            "the stack has no two MaxPool2d layers in a row, so there is no pair to replace; "
            "use null",
        )
    if pair is not None and proposed is None:
        raise ParamError(
            "proposed_pool",
            f"layers {pair + 1} and {pair + 2} are two MaxPool2d in a row, so the question needs "
            f"the single pool to compare them with, e.g. {PROPOSED_EXAMPLE}",
        )
    if pair is not None and proposed is not None:
        size = inputs[pair][2:]
        if proposed[0] > min(size):
            raise ParamError(
                "proposed_pool",
                f"a {proposed[0]}×{proposed[0]} kernel is larger than the {size[0]}×{size[1]} map "
                f"that layers {pair + 1} and {pair + 2} receive; PyTorch raises a RuntimeError",
            )


# -- drawing -----------------------------------------------------------------------------------
COMMON_SIZES = (
    28,
    32,
    64,
    96,
    100,
    112,
    128,
    150,
    160,
    192,
    200,
    224,
    227,
    256,
    299,
    300,
    320,
    384,
    448,
    480,
    512,
)
NEXT = {  # which layer tends to follow which (a stack reads like real code)
    None: (("Conv2d", 8), ("MaxPool2d", 2)),
    "Conv2d": (("BatchNorm2d", 4), ("ReLU", 3), ("MaxPool2d", 3), ("Conv2d", 1)),
    "BatchNorm2d": (("ReLU", 5), ("MaxPool2d", 4), ("Conv2d", 1)),
    "ReLU": (("MaxPool2d", 5), ("Conv2d", 4)),
    "MaxPool2d": (("Conv2d", 5), ("MaxPool2d", 2), ("BatchNorm2d", 1)),
}


def _side(rng: Random) -> int:
    return rng.choice(COMMON_SIZES) if rng.random() < 0.5 else rng.randint(28, 512)


def _types(rng: Random) -> list[str]:
    count = rng.randint(2, 5)
    if rng.random() < 0.35:  # the book's pattern: ... two MaxPool2d(2, 2) in a row
        head = _types_chain(rng, max(count - 2, 1))
        at = rng.choice((len(head), len(head), rng.randint(0, len(head))))
        return head[:at] + ["MaxPool2d!", "MaxPool2d!"] + head[at:]
    return _types_chain(rng, count)


def _types_chain(rng: Random, count: int) -> list[str]:
    types: list[str] = []
    previous = None
    while len(types) < count:
        options, weights = zip(*NEXT[previous], strict=True)
        previous = rng.choices(options, weights=weights)[0]
        types.append(previous)
    return types


# the pair of pools inserted for the pooling question, (kernel, stride) each, with weights
PAIRS = (
    (((2, 2), (2, 2)), 4),
    (((3, 2), (3, 2)), 3),
    (((3, 3), (3, 3)), 1),
    (((2, 2), (3, 2)), 1),
    (((3, 2), (2, 2)), 1),
)


def _proposals(first: Layer, second: Layer) -> tuple[tuple[int, int], list[tuple[int, int]]]:
    """The single pool equal to ``first`` then ``second`` and the natural wrong guesses."""
    (k1, s1), (k2, s2) = (first.kernel_size, first.stride), (second.kernel_size, second.stride)
    right = ((k2 - 1) * s1 + k1, s1 * s2)
    slips = [
        (k1 + k2, s1 * s2),  # kernels added
        (k1 * k2, s1 * s2),  # kernels multiplied
        (right[0], s1 + s2),  # strides added
        (right[0] - 1, s1 * s2),  # extent off by one
        (right[0], max(s1, s2)),  # one pool's stride kept
    ]
    wrong = [p for p in dict.fromkeys(slips) if p != right and min(p) >= 1]
    return right, wrong


def _draw_layer(rng: Random, kind: str, shape: tuple[int, ...]) -> dict:
    channels, side = shape[1], min(shape[2], shape[3])
    if kind == "MaxPool2d":
        k, s = rng.choices(((2, 2), (3, 2), (3, 3), (2, 1), (4, 4)), weights=(8, 4, 2, 1, 1))[0]
        return {"type": "MaxPool2d", "kernel_size": k, "stride": s}
    if kind == "Conv2d":
        k = rng.choices((1, 3, 5, 7, 11), weights=(1, 8, 4, 3, 1))[0]
        s = 4 if k == 11 else rng.choices((1, 2, 3), weights=(6, 4, 1))[0]
        p = rng.choice((0, k // 2, rng.randint(0, max(k // 2, 1)))) if side > 40 else k // 2
        out = rng.choice((8, 16, 24, 32, 48, 64, 96, 128, 256))
        return {
            "type": "Conv2d",
            "in_channels": channels,
            "out_channels": out,
            "kernel_size": k,
            "stride": s,
            "padding": p,
        }
    if kind == "BatchNorm2d":
        return {"type": "BatchNorm2d", "num_features": channels}
    return {"type": kind}


def draw(rng: Random) -> dict:
    while True:
        height = _side(rng)
        width = height if rng.random() < 0.55 else _side(rng)
        shape: tuple[int, ...] = (rng.randint(1, 8), rng.choice((1, 3, 3)), height, width)
        start = shape
        pools, weights = zip(*PAIRS, strict=True)
        inserted = list(rng.choices(pools, weights=weights)[0])
        layers = []
        for kind in _types(rng):
            if kind == "MaxPool2d!":
                k, s = inserted.pop(0)
                layer = {"type": "MaxPool2d", "kernel_size": k, "stride": s}
            else:
                layer = _draw_layer(rng, kind, shape)
            layers.append(layer)
            shape = step(shape, parse_layers([layer])[0])
            if min(shape) < 2:
                break
        else:
            if rng.random() < 0.3:
                layers.append({"type": "Flatten"})
            parsed = parse_layers(layers)
            pair = _pool_pair(parsed)
            proposed = None
            if pair is not None:
                right, wrong = _proposals(parsed[pair], parsed[pair + 1])
                k, s = right if rng.random() < 0.5 or not wrong else rng.choice(wrong)
                proposed = {"kernel_size": k, "stride": s}
            params = {
                "input_shape": list(start),
                "layers": layers,
                "ask": rng.choices(("each", "final"), weights=(2, 1))[0],
                "proposed_pool": proposed,
            }
            try:
                check(params)
            except ParamError:
                continue
            return params


# -- solving -----------------------------------------------------------------------------------
def _shape_text(shape: tuple[int, ...]) -> str:
    return "(" + ", ".join(map(str, shape)) + ")"


def _size_formula(n: int, layer: Layer) -> str:
    pad = layer.padding if layer.type == "Conv2d" else 0
    k, s = layer.kernel_size, layer.stride
    inner = f"{n} + 2·{pad} − {k}" if pad else f"{n} − {k}"
    exact = n + 2 * pad - k
    if s == 1:
        return f"({inner}) + 1 = {exact + 1}"
    return f"⌊({inner})/{s}⌋ + 1 = ⌊{exact}/{s}⌋ + 1 = {exact // s} + 1 = {exact // s + 1}"


def _sizes(before: tuple[int, ...], layer: Layer) -> str:
    if before[2] == before[3]:
        return f"H = W: {_size_formula(before[2], layer)}"
    return f"H: {_size_formula(before[2], layer)}; W: {_size_formula(before[3], layer)}"


def _shape_mistakes(
    index: int,
    shapes: list[tuple[int, ...]],
    carried: dict[str, list[tuple[int, ...]] | None],
    before: tuple[int, ...],
    layer: Layer,
) -> tuple[Mistake, ...]:
    answer = shapes[index]
    mistakes = []
    for name in SLIPS:
        local = step(before, layer, name)
        if min(local) > 0:
            mistakes.append(slip(name, EXPLAIN[name], local))
        if carried[name] is not None:
            mistakes.append(
                slip(
                    name,
                    EXPLAIN[name] + " (The slip was made at every layer up to here.)",
                    carried[name][index],
                )
            )
    n, c, h, w = answer
    mistakes.append(slip("hw_swapped", EXPLAIN["hw_swapped"], (n, c, w, h)))
    mistakes.append(slip("batch_dropped", EXPLAIN["batch_dropped"], (c, h, w)))
    return tuple(mistakes)


def solve(params: dict) -> Solved:
    start = tuple(params["input_shape"])
    layers = parse_layers(params["layers"])
    shapes = trace(start, layers)
    assert shapes is not None  # check() guarantees positive sizes
    carried = {name: trace(start, layers, name) for name in SLIPS}
    inputs = [start, *shapes[:-1]]
    flatten = layers[-1].type == "Flatten"
    conv_pool = [i for i, layer in enumerate(layers) if layer.changes_shape]
    asked = conv_pool if params["ask"] == "each" else conv_pool[-1:]

    parts = []
    for i in asked:
        layer = layers[i]
        # the layer whose output is asked: the conv/pool itself, or for the final shape the
        # layer just before Flatten (a ReLU or BatchNorm2d after the last conv/pool keeps its
        # shape, but it is that layer's output that enters Flatten) or the last layer
        named = i + 1
        if params["ask"] == "final" and flatten:
            named = len(layers) - 1
            prompt = f"Shape of the tensor entering nn.Flatten (the output of layer {named})"
        elif params["ask"] == "final":
            named = len(layers)
            prompt = "Shape of the model's output y = model(x)"
        else:
            prompt = f"Shape after layer {named}, {layer.code()}"
        parts.append(
            shape(
                f"shape_{named}",
                prompt,
                shapes[i],
                *_shape_mistakes(i, shapes, carried, inputs[i], layer),
            )
        )

    final = shapes[-2] if flatten else shapes[-1]
    n, c, h, w = final
    features = c * h * w
    feature_mistakes = [
        slip(
            "batch_included",
            f"nn.Flatten() keeps dimension 0, the batch: per example it is C·H·W, not N·C·H·W "
            f"(N = {n}).",
            n * features,
        ),
        slip("channels_forgotten", "every channel contributes H·W features: C·H·W.", h * w),
    ]
    for name in SLIPS:
        if carried[name] is not None:
            _, cs, hs, ws = carried[name][-2] if flatten else carried[name][-1]
            feature_mistakes.append(slip(name, EXPLAIN[name], cs * hs * ws))
    if flatten:
        prompt = (
            "y = model(x) has shape (N, F). What is F, the number of features per example "
            "after nn.Flatten()?"
        )
    else:
        prompt = (
            "How many features per example would nn.Flatten() make of y, i.e. the in_features "
            "of an nn.Linear placed after this stack?"
        )
    parts.append(integer("flat_features", prompt, features, *tuple(feature_mistakes)))

    pool_pair = _pool_pair(layers)
    proposed = parse_proposed(params["proposed_pool"])
    pool_facts = None
    if pool_pair is not None and proposed is not None:
        i = pool_pair
        first, second = layers[i], layers[i + 1]
        kernel, stride = proposed
        size = (inputs[i][2], inputs[i][3])
        same, details = pools_equivalent(size, first, second, kernel, stride)
        single = Layer("MaxPool2d", kernel_size=kernel, stride=stride)
        sides = size[:1] if size[0] == size[1] else size
        right, _ = _proposals(first, second)
        pool_facts = {
            "first": i + 1,
            "second": i + 2,
            "first_code": first.code(),
            "second_code": second.code(),
            "single_code": single.code(),
            "k1": first.kernel_size,
            "s1": first.stride,
            "k2": second.kernel_size,
            "s2": second.stride,
            "kernel": kernel,
            "stride": stride,
            "right_code": Layer("MaxPool2d", kernel_size=right[0], stride=right[1]).code(),
            "size": list(size),
            "same": same,
            "sizes": [
                {
                    "n": n,
                    "pair": f"{_size_formula(n, first)}, then {_size_formula(middle, second)}",
                    "single": _size_formula(n, single),
                }
                for n, middle in zip(sides, details["middle"], strict=False)
            ],
            **details,
        }
        pair_text = (
            f"two {first.code()} in a row"
            if first == second
            else f"{first.code()} followed by {second.code()}"
        )
        parts.append(
            part(
                AnswerKind.BOOLEAN,
                "pools_equal",
                f"Layers {i + 1} and {i + 2} are {pair_text}. Would one {single.code()} in "
                "their place give exactly the same output — the same shape, and the same "
                "values for every input x of this shape?",
                same,
            )
        )

    steps = []
    for i, layer in enumerate(layers):
        before, after = inputs[i], shapes[i]
        if layer.type == "Flatten":
            detail = f"C·H·W = {before[1]}·{before[2]}·{before[3]} = {after[1]:,} per example"
        elif layer.type == "Conv2d":
            detail = f"C = {layer.out_channels} (out_channels); {_sizes(before, layer)}"
        elif layer.type == "MaxPool2d":
            detail = f"C stays {before[1]}; {_sizes(before, layer)}"
        else:
            detail = "element-wise/per-channel, shape unchanged"
        steps.append(
            {"index": i + 1, "code": layer.code(), "detail": detail, "shape": _shape_text(after)}
        )

    return Solved(
        parts,
        {
            "code": _code(start, layers),
            "steps": steps,
            "shapes": [_shape_text(s) for s in shapes],
            "final": _shape_text(final),
            "features": features,
            "features_formula": f"{c}·{h}·{w}",
            "features_text": f"{features:,}",
            "flatten": flatten,
            "pool": pool_facts,
            "square": start[2] == start[3],
        },
    )


def _pool_pair(layers: list[Layer]) -> int | None:
    """Index of the first of two directly consecutive MaxPool2d layers (of any sizes)."""
    for i in range(len(layers) - 1):
        if layers[i].type == layers[i + 1].type == "MaxPool2d":
            return i
    return None


def _code(start: tuple[int, ...], layers: list[Layer]) -> str:
    lines = [f"    {layer.code()}," for layer in layers]
    width = max(len(line) for line in lines) + 2
    body = [f"{line:<{width}}# layer {i}" for i, line in enumerate(lines, start=1)]
    return "\n".join(
        [
            "import torch",
            "import torch.nn as nn",
            "",
            "model = nn.Sequential(",
            *body,
            ")",
            f"x = torch.randn({', '.join(map(str, start))})",
            "y = model(x)",
        ]
    )


BOOK_LAYERS = [
    {
        "type": "Conv2d",
        "in_channels": 3,
        "out_channels": 32,
        "kernel_size": 7,
        "stride": 1,
        "padding": 2,
    },
    {"type": "BatchNorm2d", "num_features": 32},
    {"type": "MaxPool2d", "kernel_size": 2, "stride": 2},
    {"type": "MaxPool2d", "kernel_size": 2, "stride": 2},
]

FAMILY = Family(
    id="cnn_shape_trace",
    chapter="deep_learning",
    title="Tensor shapes through a CNN stack",
    version=3,
    book_refs=("DL-Q61", "DL-Q62", "DL-Q70"),
    params=(
        Param(
            "input_shape",
            "input batch shape (N, C, H, W)",
            "integers",
            low=1,
            high=4096,
            length=(4, 4),
        ),
        Param(
            "layers",
            'the stack, in order: objects with "type" (Conv2d, MaxPool2d, BatchNorm2d, ReLU, '
            "Flatten) and PyTorch's argument names: Conv2d in_channels, out_channels, "
            "kernel_size, stride (1), padding (0); MaxPool2d kernel_size, stride (= kernel_size); "
            "BatchNorm2d num_features; Flatten only last",
            "data",
        ),
        Param(
            "ask",
            "ask the shape after every Conv2d/MaxPool2d, or only the final one",
            "choice",
            options=("each", "final"),
        ),
        Param(
            "proposed_pool",
            "the single MaxPool2d proposed in place of the first two MaxPool2d in a row, as "
            '{"kernel_size": K, "stride": T} (stride defaults to K); null when the stack has no '
            "such pair",
            "data",
        ),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={
        "input_shape": [1, 3, 224, 224],
        "layers": BOOK_LAYERS,
        "ask": "each",
        "proposed_pool": {"kernel_size": 4, "stride": 4},
    },
)
