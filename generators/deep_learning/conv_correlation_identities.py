"""Convolution versus correlation as kernel identities: the flip, the transpose, and named kernels.

Varies DL-Q12 and DL-Q21 (write the discrete 2-D correlation using convolution: correlating with
K is convolving with K turned by 180°), DL-Q19 (the x-derivative kernel ½·[[−1, 1], [−1, 1]]; its
y-direction counterpart is its transpose ½·[[−1, −1], [1, 1]]; and name a kernel shown, the Sobel
operator). ``book_params`` is DL-Q19's kernel with the Sobel question.

Drawn: an x-direction derivative kernel (the book's 2×2, central differences, Sobel, Prewitt,
Scharr, or a random small antisymmetric one, with its scale factor), and a named kernel to
identify among four names. Asked: the y-direction kernel, the kernel to hand a convolution routine
so that it computes the correlation with K, and the name.

Slips: the kernel turned or mirrored instead of transposed, the sign flipped, the scale factor
dropped, the kernel transposed instead of turned (or mirrored along one axis only), and K itself.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import flip, part, slip
from interview_sim.model import AnswerKind

# name -> (label, kernel, scale): standard kernels in correlation form (as written and slid)
NAMED = {
    "sobel_x": ("Sobel (x-derivative)", [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], 1),
    "sobel_y": ("Sobel (y-derivative)", [[-1, -2, -1], [0, 0, 0], [1, 2, 1]], 1),
    "prewitt_x": ("Prewitt (x-derivative)", [[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]], 1),
    "prewitt_y": ("Prewitt (y-derivative)", [[-1, -1, -1], [0, 0, 0], [1, 1, 1]], 1),
    "scharr_x": ("Scharr (x-derivative)", [[-3, 0, 3], [-10, 0, 10], [-3, 0, 3]], 1),
    "laplacian": ("Laplacian", [[0, 1, 0], [1, -4, 1], [0, 1, 0]], 1),
    "box": ("box (mean) blur", [[1, 1, 1], [1, 1, 1], [1, 1, 1]], sympy.Rational(1, 9)),
    "gaussian": ("Gaussian blur", [[1, 2, 1], [2, 4, 2], [1, 2, 1]], sympy.Rational(1, 16)),
    "sharpen": ("sharpen", [[0, -1, 0], [-1, 5, -1], [0, -1, 0]], 1),
    "roberts": ("Roberts cross", [[1, 0], [0, -1]], 1),
}
KEYS = ("a", "b", "c", "d")
DERIVATIVES = (
    ([[-1, 1], [-1, 1]], sympy.Rational(1, 2)),  # the book's
    ([[-1, 0, 1]], sympy.Rational(1, 2)),  # central difference
    ([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], sympy.Rational(1, 8)),  # Sobel, normalised
    ([[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]], sympy.Rational(1, 6)),  # Prewitt, normalised
    ([[-3, 0, 3], [-10, 0, 10], [-3, 0, 3]], sympy.Rational(1, 32)),  # Scharr, normalised
    ([[-1, 1]], 1),  # forward difference
)


def transpose(grid: list[list]) -> list[list]:
    return [list(col) for col in zip(*grid, strict=True)]


def scaled(grid: list[list], factor) -> tuple:
    return tuple(tuple(factor * v for v in row) for row in grid)


def check(params: dict) -> None:
    if params["scale"] == 0:
        raise ParamError("scale", "must be above 0 (a factor such as 1/2 or 1)")
    kernel = params["kernel"]
    if kernel == flip(kernel) or kernel == transpose(kernel) or transpose(kernel) == flip(kernel):
        raise ParamError(
            "kernel",
            "needs a kernel that changes when turned by 180°, when transposed, and whose "
            "transpose differs from its turn (a derivative kernel such as [[-1, 1], [-1, 1]])",
        )
    shown = NAMED[params["named"]][1] if params["named"] in NAMED else None
    if shown in (kernel, transpose(kernel)):
        raise ParamError(
            "named",
            "M would repeat K's entries (or their transpose), which gives its name away; "
            "choose another kernel",
        )
    names = [params["named"], *params["distractors"]]
    if len(set(names)) != 4 or any(name not in NAMED for name in names):
        raise ParamError(
            "distractors",
            f"needs three names other than {params['named']!r}, from {', '.join(NAMED)}",
        )


def _antisymmetric(rng: Random) -> list[list[int]]:
    while True:
        rows = rng.choice((1, 2, 3))
        left = [rng.randint(1, 3) for _ in range(rows)]
        kernel = [[-a, 0, a] if rng.random() < 0.6 else [-a, a] for a in left]
        if len({len(row) for row in kernel}) == 1:
            return kernel


def draw(rng: Random) -> dict:
    while True:
        if rng.random() < 0.6:
            kernel, scale = rng.choice(DERIVATIVES)
        else:
            kernel, scale = _antisymmetric(rng), sympy.Rational(1, rng.choice((1, 2, 4)))
        named = rng.choice(tuple(NAMED))
        params = {
            "kernel": [list(row) for row in kernel],
            "scale": scale,
            "named": named,
            "distractors": rng.sample([n for n in NAMED if n != named], 3),
            "order": rng.randint(0, 3),
        }
        try:
            check(params)
        except ParamError:
            continue
        return params


def solve(params: dict) -> Solved:
    kernel, scale = params["kernel"], params["scale"]
    y_kernel = transpose(kernel)
    turned = flip(kernel)
    mirrored_rows = [list(row) for row in reversed(kernel)]
    mirrored_cols = [list(reversed(row)) for row in kernel]
    y_mistakes = [
        slip(
            "turned_not_transposed",
            "turning the kernel by 180° keeps it an x-derivative (with the sign reversed); "
            "swapping x and y means swapping rows and columns: the transpose.",
            scaled(turned, scale),
        ),
        slip(
            "sign",
            "the y-kernel should measure the change from top to bottom (rows increasing), "
            "like the x-kernel from left to right; this is the negative of that.",
            scaled(y_kernel, -scale),
        ),
        slip("scale_dropped", f"the factor {scale} applies to every entry.", scaled(y_kernel, 1))
        if scale != 1
        else None,
    ]
    turn_mistakes = [
        slip(
            "kernel_not_flipped",
            "convolution turns the kernel it is given by 180°, so passing K itself gives the "
            "convolution with K, not the correlation.",
            scaled(kernel, scale),
        ),
        slip(
            "transposed_not_turned",
            "the turn that convolution undoes is 180° (rows reversed and each row reversed), "
            "not a transpose.",
            scaled(y_kernel, scale),
        ),
        slip(
            "half_flipped",
            "reversing along one axis only is a mirror image; a 180° turn reverses both.",
            scaled(mirrored_rows, scale),
        ),
        slip(
            "half_flipped",
            "reversing along one axis only is a mirror image; a 180° turn reverses both.",
            scaled(mirrored_cols, scale),
        ),
        slip("scale_dropped", f"the factor {scale} applies to every entry.", scaled(turned, 1))
        if scale != 1
        else None,
    ]
    names = [params["named"], *params["distractors"]]
    order = params["order"]
    names = names[1 : order + 1] + names[:1] + names[order + 1 :]
    options = tuple(zip(KEYS, (NAMED[n][0] for n in names), strict=True))
    right = KEYS[names.index(params["named"])]
    parts = [
        part(
            AnswerKind.MATRIX,
            "y_kernel",
            "The kernel that computes the same derivative in the y direction (downwards), "
            "with the factor applied to every entry",
            scaled(y_kernel, scale),
            *y_mistakes,
            hint=f"{len(y_kernel)} rows of {len(y_kernel[0])} numbers, e.g. [[0.5, 0], [0, -0.5]]",
        ),
        part(
            AnswerKind.MATRIX,
            "conv_kernel",
            "The kernel to pass to convolve2d so that it returns the correlation of the image "
            "with K (factor applied)",
            scaled(turned, scale),
            *turn_mistakes,
            hint=f"{len(kernel)} rows of {len(kernel[0])} numbers",
        ),
        part(
            AnswerKind.CHOICE,
            "name",
            "Which standard kernel is M?",
            right,
            options=options,
        ),
    ]
    label, shown, shown_scale = NAMED[params["named"]]
    facts = {
        "scale_text": _fraction(scale),
        "shown_scale_text": _fraction(shown_scale),
        "y_kernel": y_kernel,
        "turned": turned,
        "options": options,
        "shown": shown,
        "shown_scale": shown_scale,
        "label": label,
        "right": right,
        "why": WHY[params["named"]],
    }
    return Solved(parts, facts)


def _fraction(value) -> str:
    """A factor as the book writes it: 1/8, not 0.125."""
    value = sympy.Rational(value)
    return str(value.p) if value.q == 1 else f"{value.p}/{value.q}"


WHY = {
    "sobel_x": "columns −1, 0, +1 with the middle row weighted 2: an x-derivative with smoothing "
    "along y",
    "sobel_y": "rows −1, 0, +1 with the middle column weighted 2: a y-derivative with smoothing "
    "along x",
    "prewitt_x": "columns −1, 0, +1 with equal weights: an x-derivative with plain averaging",
    "prewitt_y": "rows −1, 0, +1 with equal weights: a y-derivative with plain averaging",
    "scharr_x": "columns −1, 0, +1 weighted 3, 10, 3: Sobel's pattern with weights tuned for "
    "rotation invariance",
    "laplacian": "the centre against its four neighbours, entries summing to 0: a second "
    "derivative that responds to edges in every direction",
    "box": "equal weights 1/9 summing to 1: the plain mean of the neighbourhood",
    "gaussian": "weights 1, 2, 4 falling off from the centre, summing to 1: a smoothing that "
    "favours near pixels",
    "sharpen": "5 at the centre against −1 at the four neighbours, summing to 1: the image "
    "plus its negative Laplacian",
    "roberts": "a 2×2 diagonal difference: the Roberts cross",
}


FAMILY = Family(
    id="conv_correlation_identities",
    chapter="deep_learning",
    title="Convolution, correlation and named kernels",
    book_refs=("DL-Q12", "DL-Q19", "DL-Q21"),
    params=(
        Param(
            "kernel",
            "the x-derivative kernel K, row by row (before its factor)",
            "matrix",
            low=-99,
            high=99,
            length=(1, 5),
            cols=(1, 5),
            integer=True,
        ),
        Param("scale", "the factor in front of K", "number", low=0, high=1, open=False),
        Param("named", "the standard kernel M to identify", "choice", options=tuple(NAMED)),
        Param("distractors", "three other names offered", "data"),
        Param(
            "order", "where the right name sits among the options (0-3)", "integer", low=0, high=3
        ),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_params={
        "kernel": [[-1, 1], [-1, 1]],
        "scale": "1/2",
        "named": "sobel_x",
        "distractors": ["sobel_y", "prewitt_x", "laplacian"],
        "order": 0,
    },
)
