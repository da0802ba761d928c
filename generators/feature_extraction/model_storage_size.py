"""How much disk (or memory) a network's weights take, in MB and MiB, for a given number format.

Varies FE-Q3: a VGG network with 138,357,544 parameters stored as 32-bit floats takes
138,357,544 · 4 bytes = 553.43 MB = 527.79 MiB. That count is VGG16's (VGG19 has 143,667,240), so
the network is named and its count is computed here from its layer list (3×3 convolutions with
biases, then the fully connected layers) rather than quoted; ``book_params`` is that instance.

Drawn: a named network (VGG11/13/16/19 or AlexNet, counts computed from their layers) or a network
given only by its parameter count, the number format (float64, float32, float16, bfloat16, int8)
and a second format it is converted to. Asked: the size in MB (10⁶ bytes), in MiB (2²⁰ bytes), and
in MB after the conversion.

Slips: MB and MiB confused, bits for bytes, 4 bytes per parameter whatever the format, and the
size before the conversion.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import real, slip

BYTES = {"float64": 8, "float32": 4, "float16": 2, "bfloat16": 2, "int8": 1}
MB, MIB = 10**6, 2**20

VGG_BLOCKS = {  # convolutions per block; widths 64, 128, 256, 512, 512; a 2×2 pool per block
    "VGG11": (1, 1, 2, 2, 2),
    "VGG13": (2, 2, 2, 2, 2),
    "VGG16": (2, 2, 3, 3, 3),
    "VGG19": (2, 2, 4, 4, 4),
}


def _layers(model: str) -> list[tuple[str, int, int, int]]:
    """(kind, inputs, outputs, kernel side) for every layer with weights, torchvision's layout."""
    if model == "AlexNet":
        convs = [(3, 64, 11), (64, 192, 5), (192, 384, 3), (384, 256, 3), (256, 256, 3)]
        fcs = [(256 * 6 * 6, 4096), (4096, 4096), (4096, 1000)]
    else:
        convs, channels = [], 3
        for count, width in zip(VGG_BLOCKS[model], (64, 128, 256, 512, 512), strict=True):
            for _ in range(count):
                convs.append((channels, width, 3))
                channels = width
        fcs = [(512 * 7 * 7, 4096), (4096, 4096), (4096, 1000)]
    return [("conv", a, b, k) for a, b, k in convs] + [("fc", a, b, 1) for a, b in fcs]


def count(model: str) -> int:
    """Weights plus biases of every layer."""
    return sum(a * b * k * k + b for _, a, b, k in _layers(model))


MODELS = (*VGG_BLOCKS, "AlexNet")


def check(params: dict) -> None:
    model, n = params["model"], params["parameters"]
    if model != "unnamed" and n != count(model):
        raise ParamError(
            "parameters",
            f"{model} has {count(model):,} parameters (weights and biases of its layers), "
            f'not {n:,}; use model "unnamed" for another count',
        )
    if BYTES[params["converted"]] == BYTES[params["dtype"]]:
        raise ParamError(
            "converted",
            f"must take a different number of bytes than {params['dtype']} "
            f"({BYTES[params['dtype']]}), or the size does not change",
        )


def draw(rng: Random) -> dict:
    dtype = rng.choices(tuple(BYTES), weights=(1, 5, 2, 1, 1))[0]
    converted = rng.choice([d for d in BYTES if BYTES[d] != BYTES[dtype]])
    if rng.random() < 0.12:  # few named networks exist; most draws are fresh counts
        model = rng.choice(MODELS)
        n = count(model)
    else:
        model = "unnamed"
        n = rng.randint(10**5, 10**6) * rng.choice((1, 10, 100)) + rng.randint(0, 99)
    return {"model": model, "parameters": n, "dtype": dtype, "converted": converted}


def solve(params: dict) -> Solved:
    n, dtype, converted = params["parameters"], params["dtype"], params["converted"]
    size = n * BYTES[dtype]
    size2 = n * BYTES[converted]
    mb, mib = sympy.Rational(size, MB), sympy.Rational(size, MIB)
    mb2 = sympy.Rational(size2, MB)
    four = slip(
        "four_bytes_assumed",
        f"{dtype} takes {BYTES[dtype]} byte{'s' if BYTES[dtype] > 1 else ''} per parameter, not 4.",
        sympy.Rational(n * 4, MB),
    )
    parts = [
        real(
            "size_mb",
            f"Size of the {dtype} weights in MB (1 MB = 10⁶ bytes)",
            mb,
            slip("mib_for_mb", "that divides by 2²⁰ = 1,048,576 (MiB); a MB is 10⁶ bytes.", mib),
            slip(
                "bits_not_bytes",
                f"that counts bits: {dtype} is {8 * BYTES[dtype]} bits = {BYTES[dtype]} bytes.",
                mb * 8,
            ),
            four if BYTES[dtype] != 4 else None,
            slip(
                "bytes_per_parameter_forgotten",
                "each parameter takes several bytes.",
                sympy.Rational(n, MB),
            )
            if BYTES[dtype] != 1
            else None,
        ),
        real(
            "size_mib",
            "The same size in MiB (1 MiB = 2²⁰ = 1,048,576 bytes)",
            mib,
            slip("mb_for_mib", "that divides by 10⁶ (MB); a MiB is 2²⁰ = 1,048,576 bytes.", mb),
            slip(
                "kib_times_1000",
                "1 MiB is 1024·1024 bytes, not 1024·1000.",
                sympy.Rational(size, 1024 * 1000),
            ),
        ),
        real(
            "converted_mb",
            f"Size in MB after converting the weights to {converted}",
            mb2,
            slip(
                "format_unchanged",
                f"after the conversion each parameter takes {BYTES[converted]} byte"
                f"{'s' if BYTES[converted] > 1 else ''}, not {BYTES[dtype]}.",
                mb,
            ),
            slip(
                "ratio_inverted",
                "the size scales with the bytes per parameter: multiply by "
                f"{BYTES[converted]}/{BYTES[dtype]}, not the reverse.",
                mb * sympy.Rational(BYTES[dtype], BYTES[converted]),
            ),
        ),
    ]
    layers = _layers(params["model"]) if params["model"] != "unnamed" else []
    conv = sum(a * b * k * k + b for kind, a, b, k in layers if kind == "conv")
    fc = sum(a * b + b for kind, a, b, _ in layers if kind == "fc")
    facts = {
        "bytes": BYTES[dtype],
        "bytes2": BYTES[converted],
        "size": size,
        "size2": size2,
        "mb": mb,
        "mib": mib,
        "mb2": mb2,
        "conv": conv,
        "fc": fc,
        "convs": sum(1 for kind, *_ in layers if kind == "conv"),
        "vgg16": count("VGG16"),
        "vgg19": count("VGG19"),
        "smaller": BYTES[converted] < BYTES[dtype],
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="model_storage_size",
    chapter="feature_extraction",
    title="Storage size of a network's weights",
    book_refs=("FE-Q3",),
    params=(
        Param(
            "model",
            "a named network whose count is computed from its layers, or unnamed",
            "choice",
            options=(*MODELS, "unnamed"),
        ),
        Param(
            "parameters", "number of parameters (weights and biases)", "integer", low=1, high=10**12
        ),
        Param("dtype", "the number format stored", "choice", options=tuple(BYTES)),
        Param(
            "converted", "the format the weights are converted to", "choice", options=tuple(BYTES)
        ),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={
        "model": "VGG16",
        "parameters": 138357544,
        "dtype": "float32",
        "converted": "float16",
    },
)
