"""Mutual information, equivocation and noise from a small joint pmf table.

Varies IT-Q18, IT-Q25 and IT-Q27 (the book writes I(X;Y) from the joint distribution and draws
Shannon's communication system as a Venn diagram of entropies; the numbers are ours, so
``book_params`` is our own instance). A 2×2 to 3×3 joint table of probabilities (now and then with
an impossible cell, for 0·log 0 = 0). Asked, in bits: H(X), the equivocation H(X|Y), the noise
H(Y|X) and I(X;Y) = H(X) − H(X|Y) = H(X) + H(Y) − H(X,Y).

Slips caught: the two conditional entropies swapped (the book's own prompt mislabels one of them),
the joint entropy or a marginal entropy given instead, the wrong conditional subtracted for I,
I with its sign flipped, and natural logs or log10 instead of log2.
"""

from math import lcm
from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import (
    combine,
    entropy_terms,
    from_rounded,
    half_unit,
    in_base,
    real,
    slip,
    wrong_bases,
)

# story: (sentence, X's name, X's values, Y's name, Y's values)
STORIES = {
    "channel": (
        "A noisy line carries one symbol at a time; a log of transmissions gives how often each "
        "symbol X was sent and each symbol Y was received",
        "symbol sent",
        ("0", "1", "2"),
        "symbol received",
        ("0", "1", "2"),
    ),
    "shop": (
        "A shop's till records the kind of day X of each sale and how it was paid, Y",
        "kind of day",
        ("weekday", "weekend", "holiday"),
        "payment",
        ("cash", "card", "phone"),
    ),
    "museum": (
        "A museum's visitor survey records each visitor's age group X and the wing Y they saw "
        "first",
        "age group",
        ("under 30", "30–60", "over 60"),
        "first wing",
        ("art", "history", "science"),
    ),
}
GRIDS = (20, 10)


def draw(rng: Random) -> dict:
    story = rng.choice(sorted(STORIES))
    while True:
        rows, cols = rng.choice(((2, 2), (2, 2), (2, 3), (3, 2), (3, 3)))
        grid = rng.choice(GRIDS if rows * cols <= 6 else GRIDS[:1])
        cells = rows * cols
        with_zero = cells > 4 and rng.random() < 0.2
        cuts = sorted(rng.sample(range(1, grid), cells - with_zero - 1))
        flat = [b - a for a, b in zip([0, *cuts], [*cuts, grid], strict=True)]
        if with_zero:
            flat.insert(rng.randint(0, len(flat)), 0)
        joint = [
            [sympy.Rational(c, grid) for c in flat[r * cols : (r + 1) * cols]] for r in range(rows)
        ]
        params = {"story": story, "joint": joint}
        try:
            check(params)
        except ParamError:
            continue
        if _well_separated(params):
            return params


def _well_separated(params: dict) -> bool:
    """The asked numbers differ clearly and X, Y are clearly dependent (I ≥ 0.02 bits)."""
    values = _entropies(params)
    asked = [float(values[k]) for k in ("h_x", "h_x_given_y", "h_y_given_x", "mi")]
    distinct = all(abs(x - y) >= 0.005 for i, x in enumerate(asked) for y in asked[i + 1 :])
    return distinct and asked[3] >= 0.02


def check(params: dict) -> None:
    joint = params["joint"]
    if sum(sum(row) for row in joint) != 1:
        raise ParamError(
            "joint", f"the cells must sum to exactly 1, they sum to {sum(map(sum, joint))}"
        )
    if any(sum(row) == 0 for row in joint) or any(
        sum(col) == 0 for col in zip(*joint, strict=True)
    ):
        raise ParamError(
            "joint", "every row and every column needs some probability (no empty value)"
        )


def _entropies(params: dict) -> dict:
    joint = params["joint"]
    grid = lcm(*(int(c.q) for row in joint for c in row))
    counts = [[int(c * grid) for c in row] for row in joint]
    t_xy = entropy_terms([c for row in counts for c in row])
    t_x = entropy_terms([sum(row) for row in counts])
    t_y = entropy_terms([sum(col) for col in zip(*counts, strict=True)])
    terms = {
        "h_xy": t_xy,
        "h_x": t_x,
        "h_y": t_y,
        "h_x_given_y": combine((1, t_xy), (-1, t_y)),
        "h_y_given_x": combine((1, t_xy), (-1, t_x)),
        "mi": combine((1, t_x), (1, t_y), (-1, t_xy)),
    }
    return {name: in_base(t, 2) for name, t in terms.items()} | {"terms": terms}


def _bits(terms: dict) -> callable:
    return lambda base: in_base(terms, base)


def solve(params: dict) -> Solved:
    v = _entropies(params)
    t = v["terms"]
    joint = params["joint"]
    cells = sum(1 for row in joint for c in row if c)
    one = half_unit(4)
    parts = [
        real(
            "h_x",
            "Entropy H(X) of the first variable, in bits",
            v["h_x"],
            slip("wrong_margin", "that is H(Y); H(X) uses the row sums p(x).", v["h_y"]),
            slip(
                "joint", "that is the joint entropy H(X,Y); H(X) uses the row sums only.", v["h_xy"]
            ),
            *wrong_bases(_bits(t["h_x"]), 2, "H(X) in bits"),
            tolerance=from_rounded(len(joint) * one),
            unit="bits",
        ),
        real(
            "h_x_given_y",
            "Equivocation H(X|Y): uncertainty left about X once Y is known, in bits",
            v["h_x_given_y"],
            slip(
                "swapped",
                "that is H(Y|X), the noise; the equivocation is H(X,Y) − H(Y).",
                v["h_y_given_x"],
            ),
            slip("joint", "that is H(X,Y); subtract H(Y) to condition on Y.", v["h_xy"]),
            slip(
                "mutual_information",
                "that is I(X;Y), what Y tells about X; the equivocation "
                "is what it leaves: H(X) − I(X;Y).",
                v["mi"],
            ),
            slip(
                "marginal", "that is H(X) itself; knowing Y lowers it to H(X,Y) − H(Y).", v["h_x"]
            ),
            *wrong_bases(_bits(t["h_x_given_y"]), 2, "the equivocation in bits"),
            tolerance=from_rounded((cells + len(joint[0])) * one),
            unit="bits",
        ),
        real(
            "h_y_given_x",
            "Noise H(Y|X): uncertainty left about Y once X is known, in bits",
            v["h_y_given_x"],
            slip(
                "swapped",
                "that is H(X|Y), the equivocation; the noise is H(X,Y) − H(X).",
                v["h_x_given_y"],
            ),
            slip("joint", "that is H(X,Y); subtract H(X) to condition on X.", v["h_xy"]),
            slip(
                "marginal", "that is H(Y) itself; knowing X lowers it to H(X,Y) − H(X).", v["h_y"]
            ),
            *wrong_bases(_bits(t["h_y_given_x"]), 2, "the noise in bits"),
            tolerance=from_rounded((cells + len(joint)) * one),
            unit="bits",
        ),
        real(
            "mi",
            "Mutual information I(X;Y), in bits",
            v["mi"],
            slip(
                "sign",
                "the subtraction is the wrong way round: I = H(X) + H(Y) − H(X,Y) ≥ 0.",
                -v["mi"],
            ),
            slip(
                "wrong_conditional",
                "that is H(X) − H(Y|X); subtract the equivocation H(X|Y) "
                "from H(X) (or the noise from H(Y)).",
                v["h_x"] - v["h_y_given_x"],
            ),
            slip(
                "joint",
                "that is H(X,Y), everything both variables hold; I is only the shared part.",
                v["h_xy"],
            ),
            *wrong_bases(_bits(t["mi"]), 2, "I(X;Y) in bits"),
            tolerance=from_rounded((cells + len(joint) + len(joint[0])) * one),
            unit="bits",
        ),
    ]
    _, x_name, x_values, y_name, y_values = STORIES[params["story"]]
    rows, cols = len(joint), len(joint[0])
    col_sums = [sum(col) for col in zip(*joint, strict=True)]
    facts = {
        "sentence": STORIES[params["story"]][0],
        "x_name": x_name,
        "y_name": y_name,
        "x_values": list(x_values[:rows]),
        "y_values": list(y_values[:cols]),
        "row_sums": [sum(row) for row in joint],
        "col_sums": col_sums,
        **{k: v[k] for k in ("h_xy", "h_x", "h_y", "h_x_given_y", "h_y_given_x", "mi")},
        "has_zero": any(c == 0 for row in joint for c in row),
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="mutual_information_table",
    chapter="information_theory",
    title="Mutual information, equivocation and noise from a joint table",
    book_refs=("IT-Q18", "IT-Q25", "IT-Q27"),
    params=(
        Param("story", "where the table comes from", "choice", options=tuple(sorted(STORIES))),
        Param(
            "joint",
            "the joint pmf p(x, y): one row per value of X, one column per value of Y",
            "matrix",
            low=0,
            high=1,
            length=(2, 3),
            cols=(2, 3),
        ),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_numbers=False,  # the book prints no numbers here: book_params are ours
    # our own instance (the book gives the formulas, not a table)
    book_params={"story": "channel", "joint": [[0.4, 0.1], [0.1, 0.2], [0, 0.2]]},
)
