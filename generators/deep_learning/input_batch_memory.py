"""Memory of one input batch: its NCHW shape, its size in GiB and the largest batch a budget holds.

Varies DL-Q82 (1024×1024 RGB images in batches of 1024: as float32 the input batch alone takes
1024·3·1024·1024·4 bytes = 12 GiB, before any activation is stored; the book's "what could go
wrong" is running out of GPU memory). Drawn variants vary the image size (square crops or camera
frames), the channel count, the batch size, the element type and the memory budget. The slips:
channels left out, 10⁹ bytes taken for a GiB (2³⁰), bits counted instead of bytes, the float32
size assumed whatever the dtype, the channels-last order given for PyTorch's NCHW shape, and a
batch count rounded up so that it no longer fits.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import integer, real, shape, slip

BYTES = {"float32": 4, "float16": 2, "uint8": 1, "float64": 8}
SIDES = (128, 224, 256, 299, 320, 384, 448, 512, 600, 1024, 2048)
FRAMES = ((480, 640), (720, 1280), (1080, 1920), (768, 1024))  # (height, width) of camera frames
GIB = 2**30


def draw(rng: Random) -> dict:
    while True:
        height = width = rng.choice(SIDES)
        if rng.random() < 0.3:
            height, width = rng.choice(FRAMES)
        params = {
            "height": height,
            "width": width,
            "channels": rng.choice((3, 3, 3, 1, 4)),
            "batch": rng.choice(
                (16, 32, 48, 64, 96, 100, 128, 200, 256, 500, 512, 1000, 1024, 2048)
            ),
            "dtype": rng.choice(("float32", "float32", "float16", "uint8")),
            "budget_gib": rng.choice((8, 11, 12, 16, 24, 40, 48, 80)),
        }
        per_image = height * width * params["channels"] * BYTES[params["dtype"]]
        fits = params["budget_gib"] * GIB // per_image
        total = per_image * params["batch"]
        if 2 <= fits <= 10**5 and GIB // 64 <= total and fits != params["batch"]:
            return params


def check(params: dict) -> None:
    per_image = params["height"] * params["width"] * params["channels"] * BYTES[params["dtype"]]
    if per_image > params["budget_gib"] * GIB:
        raise ParamError("budget_gib", "is smaller than one image: no batch fits at all")


def solve(params: dict) -> Solved:
    n, c, h, w = params["batch"], params["channels"], params["height"], params["width"]
    size = BYTES[params["dtype"]]
    elements = n * c * h * w
    total = elements * size
    gib = sympy.Rational(total, GIB)
    per_image = c * h * w * size
    budget = params["budget_gib"] * GIB
    fits = budget // per_image
    parts = [
        shape(
            "shape",
            "Shape of the input batch tensor (PyTorch order)",
            (n, c, h, w),
            slip(
                "channels_last",
                "that is the channels-last (NHWC) order; PyTorch's images are N, C, H, W.",
                (n, h, w, c),
            ),
            slip(
                "height_width_swapped",
                "the height comes before the width: N, C, H, W.",
                (n, c, w, h),
            ),
            hint="4 numbers: (N, C, H, W)",
        ),
        real(
            "gib",
            "Memory of the batch in GiB (2³⁰ bytes)",
            gib,
            slip(
                "gb_not_gib",
                "that divides by 10⁹ (GB); a GiB is 2³⁰ = 1,073,741,824 bytes.",
                sympy.Rational(total, 10**9),
            ),
            slip(
                "channels_forgotten", f"each pixel has {c} channels; multiply by C = {c}.", gib / c
            )
            if c > 1
            else None,
            slip(
                "bits_not_bytes", "that counts bits; memory is counted in bytes (8 bits).", gib * 8
            ),
            slip(
                "float32_assumed",
                f"a {params['dtype']} element takes {size} bytes, not 4.",
                gib * 4 / size,
            )
            if size != 4
            else None,
        ),
        integer(
            "max_batch",
            f"Largest batch of these images whose input tensor fits in {params['budget_gib']} GiB",
            int(fits),
            slip(
                "no_floor",
                "a batch size is a whole number of images that must fit: round down.",
                int(-(-budget // per_image)),
            ),
            slip(
                "gb_not_gib",
                "the budget is in GiB (2³⁰ bytes), not GB (10⁹ bytes).",
                int(params["budget_gib"] * 10**9 // per_image),
            ),
        ),
    ]
    facts = {
        "elements": elements,
        "size": size,
        "total": total,
        "gib": gib,
        "per_image": per_image,
        "budget": budget,
        "fits": fits,
        "enough": fits >= n,
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="input_batch_memory",
    chapter="deep_learning",
    title="Memory of an input batch",
    book_refs=("DL-Q82",),
    params=(
        Param("height", "image height in pixels", "integer", 1, 10**5),
        Param("width", "image width in pixels", "integer", 1, 10**5),
        Param("channels", "channels per pixel", "integer", 1, 64),
        Param("batch", "images per batch", "integer", 1, 10**6),
        Param("dtype", "element type of the tensor", "choice", options=tuple(BYTES)),
        Param("budget_gib", "GPU memory available for the input, in GiB", "integer", 1, 1024),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={
        "height": 1024,
        "width": 1024,
        "channels": 3,
        "batch": 1024,
        "dtype": "float32",
        "budget_gib": 11,
    },
)
