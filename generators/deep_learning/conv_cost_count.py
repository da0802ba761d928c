"""How many multiplications and additions a convolution costs, and what separability saves.

Varies DL-Q20 (convolving a w×h image with a K×K kernel, output the image's size: w·h·K²
multiplications and w·h·(K² − 1) additions) and DL-Q22 (a Gaussian filter is separable: a
K-tap pass along the rows, then one along the columns, 2K multiplications per pixel instead of K²).
The book asks this with letters only, so ``book_params`` is our own instance (a 640×480 image and a
5×5 Gaussian).

Two settings are drawn. *Image*: a single-channel w×h image filtered to the same size (zero
padding), asked the book's general formula w·h·K², then for the drawn sizes the
multiplications, the additions and the multiplications of the separable version. *Layer*: an
nn.Conv2d on a batch of one, asked the multiplications (multiply-accumulates) of the whole
output, which needs the output size, the input channels and the output channels.

Slips: counting one output pixel only, K instead of K², as many additions as multiplications,
the 'valid' output size for a same-size filter, the separable count with a single pass, and for a
layer the input size instead of the output size, the stride ignored, or the input channels left
out.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import conv_out, integer, part, slip
from interview_sim.model import AnswerKind, Domain

SETTINGS = ("image", "layer")


def check(params: dict) -> None:
    k = params["kernel"]
    if params["setting"] == "image":
        if k % 2 == 0:
            raise ParamError("kernel", "a same-size filter needs an odd K (centred on the pixel)")
        if k > min(params["width"], params["height"]):
            raise ParamError("kernel", "the kernel must be smaller than the image")
        fixed = {"in_channels": 1, "out_channels": 1, "stride": 1, "padding": (k - 1) // 2}
        for name, value in fixed.items():
            if params[name] != value:
                raise ParamError(
                    name, f"a same-size image filter has {name} = {value}, got {params[name]}"
                )
        return
    p, s = params["padding"], params["stride"]
    if k > min(params["width"], params["height"]) + 2 * p:
        raise ParamError("kernel", "the kernel must fit in the padded input")
    if s > k:
        raise ParamError("stride", "a stride larger than the kernel skips pixels; keep s ≤ K")


def draw(rng: Random) -> dict:
    setting = rng.choice(SETTINGS)
    if setting == "image":
        width, height = rng.choice(
            ((640, 480), (320, 240), (256, 256), (512, 512), (128, 128), (800, 600), (100, 100))
        )
        if rng.random() < 0.8:
            width, height = rng.randint(4, 80) * 10, rng.randint(4, 60) * 10
        k = rng.choice((3, 5, 7, 9, 11))
        return {
            "setting": setting,
            "width": width,
            "height": height,
            "kernel": k,
            "in_channels": 1,
            "out_channels": 1,
            "stride": 1,
            "padding": (k - 1) // 2,
        }
    side = rng.choice((7, 14, 28, 32, 56, 64, 112, 224, rng.randint(8, 100)))
    k = rng.choice((1, 3, 3, 3, 5, 7))
    stride = rng.choice((1, 1, 2)) if k > 1 else 1
    return {
        "setting": setting,
        "width": side,
        "height": side,
        "kernel": k,
        "in_channels": rng.choice((1, 3, 8, 16, 24, 32, 48, 64, 96, 128)),
        "out_channels": rng.choice((8, 16, 24, 32, 48, 64, 96, 128, 192, 256)),
        "stride": stride,
        "padding": rng.choice((0, k // 2)),
    }


def solve(params: dict) -> Solved:
    w, h, k = params["width"], params["height"], params["kernel"]
    if params["setting"] == "image":
        pixels = w * h
        valid = (w - k + 1) * (h - k + 1)
        sw, sh, sk = sympy.symbols("w h K", positive=True)
        parts = [
            part(
                AnswerKind.EXPRESSION,
                "formula",
                "The number of multiplications for any w×h image and K×K kernel, as a formula "
                "in w, h and K",
                sw * sh * sk**2,
                slip("one_pixel_only", "that is one output pixel; there are w·h of them.", sk**2),
                slip("kernel_side_only", "the kernel has K·K taps, not K.", sw * sh * sk),
                slip(
                    "valid_size",
                    "the output keeps the image's size, so there are w·h outputs, not "
                    "(w − K + 1)(h − K + 1).",
                    (sw - sk + 1) * (sh - sk + 1) * sk**2,
                ),
                slip(
                    "additions_not_multiplications",
                    "that counts the additions, K² − 1 per pixel; each pixel needs K² "
                    "multiplications.",
                    sw * sh * (sk**2 - 1),
                ),
                symbols=(("w", Domain.POSITIVE), ("h", Domain.POSITIVE), ("K", Domain.POSITIVE)),
                hint="an expression in w, h and K, e.g. w*h + K^2",
            ),
            integer(
                "multiplications",
                "Multiplications for the whole filtered image",
                pixels * k * k,
                slip("one_pixel_only", "that is one output pixel; there are w·h of them.", k * k),
                slip("kernel_side_only", "the kernel has K·K taps, not K.", pixels * k),
                slip(
                    "valid_size",
                    "the output keeps the image's size (zero padding), so there are w·h outputs, "
                    "not (w − K + 1)(h − K + 1).",
                    valid * k * k,
                ),
            ),
            integer(
                "additions",
                "Additions for the whole filtered image",
                pixels * (k * k - 1),
                slip(
                    "additions_equal_multiplications",
                    "adding K² products takes K² − 1 additions per pixel, one fewer than the "
                    "multiplications.",
                    pixels * k * k,
                ),
                slip(
                    "one_pixel_only", "that is one output pixel; there are w·h of them.", k * k - 1
                ),
            ),
            integer(
                "separable_multiplications",
                "Multiplications if the filter is applied as two 1-D passes (a K-tap row pass, "
                "then a K-tap column pass)",
                pixels * 2 * k,
                slip(
                    "one_pass_only",
                    "the separable filter makes two passes, each K multiplications per pixel.",
                    pixels * k,
                ),
                slip("one_pixel_only", "that is one output pixel; there are w·h of them.", 2 * k),
            ),
        ]
        facts = {"pixels": pixels, "saving": f"{k * k}/{2 * k}", "ratio": k * k / (2 * k)}
        return Solved(parts, facts)

    s, p = params["stride"], params["padding"]
    cin, cout = params["in_channels"], params["out_channels"]
    out_h, out_w = conv_out(h, k, s, p), conv_out(w, k, s, p)
    macs = out_h * out_w * cout * cin * k * k
    no_stride = conv_out(h, k, 1, p) * conv_out(w, k, 1, p) * cout * cin * k * k
    parts = [
        integer(
            "multiplications",
            "Multiplications (multiply-accumulate steps) for one forward pass of this layer on one "
            "image, biases aside",
            macs,
            slip(
                "stride_ignored",
                f"with stride {s} the output has only {out_h}×{out_w} positions.",
                no_stride,
            )
            if s > 1
            else None,
            slip(
                "input_size_used",
                f"the filters are applied once per output position: {out_h}×{out_w}, not the "
                f"input's {h}×{w}.",
                h * w * cout * cin * k * k,
            ),
            slip(
                "in_channels_forgotten",
                f"each filter spans all {cin} input channels: C_in·K² products per output value.",
                out_h * out_w * cout * k * k,
            ),
            slip(
                "out_channels_forgotten",
                f"there are {cout} filters, one per output channel, each applied everywhere.",
                out_h * out_w * cin * k * k,
            ),
        )
    ]
    code = f"nn.Conv2d({cin}, {cout}, kernel_size={k}" + (f", stride={s}" if s > 1 else "")
    code += (f", padding={p}" if p else "") + ")"
    facts = {
        "out_h": out_h,
        "out_w": out_w,
        "per_output": cin * k * k,
        "code": "\n".join(
            [
                "import torch",
                "import torch.nn as nn",
                "",
                f"conv = {code}",
                f"x = torch.randn(1, {cin}, {h}, {w})",
                "y = conv(x)",
            ]
        ),
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="conv_cost_count",
    chapter="deep_learning",
    title="Counting a convolution's multiplications and additions",
    book_refs=("DL-Q20", "DL-Q22"),
    params=(
        Param("setting", "a same-size image filter, or a Conv2d layer", "choice", options=SETTINGS),
        Param("width", "input width w (pixels)", "integer", low=1, high=10000),
        Param("height", "input height h (pixels)", "integer", low=1, high=10000),
        Param("kernel", "kernel side K", "integer", low=1, high=31),
        Param("in_channels", "input channels (1 for an image)", "integer", low=1, high=4096),
        Param("out_channels", "output channels (1 for an image)", "integer", low=1, high=4096),
        Param("stride", "stride (1 for an image)", "integer", low=1, high=8),
        Param(
            "padding", "zero padding per side ((K − 1)/2 for an image)", "integer", low=0, high=15
        ),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_numbers=False,  # the book prints no numbers here: book_params are ours
    book_params={
        "setting": "image",
        "width": 640,
        "height": 480,
        "kernel": 5,
        "in_channels": 1,
        "out_channels": 1,
        "stride": 1,
        "padding": 2,
    },
)
