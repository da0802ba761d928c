"""Joint entropy under a change of variables: is H(X, Y) = H(X, Z) when Y is computed from X and Z?

Varies IT-Q13 (the book asks, true or false, whether H(X, Y) = H(X, Z) when Y = X + Z; it is true,
because given X the map Z ↦ Y is one-to-one, so (X, Z) and (X, Y) carry the same information; the
table is ours, so ``book_params`` is our own instance). Drawn: a small joint pmf of X and Z and the
map Y = X + Z, Z − X, X·Z or max(X, Z). The product and the max are not always one-to-one given X
(X = 0 sends every Z to 0; max(1, 0) = max(1, 1)), so the answer is computed, not assumed, and the
information lost, H(X, Z) − H(X, Y), is asked too.

Slips caught: H(Y) taken to be H(X, Z) (as if the sum kept everything), the loss with its sign
flipped, and natural logs instead of log2.
"""

from collections import defaultdict
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
    part,
    real,
    slip,
    wrong_bases,
)
from interview_sim.model import AnswerKind

MAPS = {
    "sum": ("Y = X + Z", lambda xv, zv: xv + zv),
    "difference": ("Y = Z − X", lambda xv, zv: zv - xv),
    "product": ("Y = X·Z", lambda xv, zv: xv * zv),
    "max": ("Y = max(X, Z)", max),
}


def draw(rng: Random) -> dict:
    while True:
        mapping = rng.choice(sorted(MAPS))
        x_values = sorted(rng.sample(range(-1, 3), rng.choice((2, 2, 3))))
        z_values = sorted(rng.sample(range(0, 4), rng.choice((2, 3, 3))))
        cells = len(x_values) * len(z_values)
        grid = rng.choice((10, 20))
        zeros = rng.choice((0, 0, 1)) if cells > 4 else 0
        cuts = sorted(rng.sample(range(1, grid), cells - zeros - 1))
        flat = [b - a for a, b in zip([0, *cuts], [*cuts, grid], strict=True)]
        for _ in range(zeros):
            flat.insert(rng.randint(0, len(flat)), 0)
        width = len(z_values)
        joint = [
            [sympy.Rational(c, grid) for c in flat[r * width : (r + 1) * width]]
            for r in range(len(x_values))
        ]
        params = {"map": mapping, "x_values": x_values, "z_values": z_values, "joint": joint}
        try:
            check(params)
        except ParamError:
            continue
        v = _entropies(params)
        if abs(float(v["h_xz"] - v["h_y"])) >= 0.005 and (
            v["lost"] == 0 or float(v["lost"]) >= 0.01
        ):
            return params


def check(params: dict) -> None:
    xs, zs, joint = params["x_values"], params["z_values"], params["joint"]
    for name, values in (("x_values", xs), ("z_values", zs)):
        if len(set(values)) != len(values):
            raise ParamError(name, "must be distinct")
    if len(joint) != len(xs) or any(len(row) != len(zs) for row in joint):
        raise ParamError("joint", f"needs {len(xs)} rows (X) of {len(zs)} entries (Z)")
    if sum(sum(row) for row in joint) != 1:
        raise ParamError("joint", "the cells must sum to exactly 1")
    if any(sum(row) == 0 for row in joint) or any(
        sum(col) == 0 for col in zip(*joint, strict=True)
    ):
        raise ParamError("joint", "every value of X and of Z needs some probability")


def _entropies(params: dict) -> dict:
    xs, zs, joint = params["x_values"], params["z_values"], params["joint"]
    g = MAPS[params["map"]][1]
    grid = lcm(*(int(c.q) for row in joint for c in row))
    by_y: dict[int, int] = defaultdict(int)
    by_xy: dict[tuple, int] = defaultdict(int)
    cells = []
    for xv, row in zip(xs, joint, strict=True):
        for zv, c in zip(zs, row, strict=True):
            weight = int(c * grid)
            cells.append(weight)
            by_y[g(xv, zv)] += weight
            by_xy[(xv, g(xv, zv))] += weight
    t_xz, t_y, t_xy = (
        entropy_terms(cells),
        entropy_terms(by_y.values()),
        entropy_terms(by_xy.values()),
    )
    t_lost = combine((1, t_xz), (-1, t_xy))
    return {
        "h_xz": in_base(t_xz, 2),
        "h_y": in_base(t_y, 2),
        "h_xy": in_base(t_xy, 2),
        "lost": in_base(t_lost, 2),
        "terms": {"h_xz": t_xz, "h_y": t_y, "lost": t_lost},
        "y_pmf": {y: sympy.Rational(w, grid) for y, w in sorted(by_y.items())},
    }


def solve(params: dict) -> Solved:
    v = _entropies(params)
    t = v["terms"]
    shown, g = MAPS[params["map"]]
    xs, zs, joint = params["x_values"], params["z_values"], params["joint"]
    cells = sum(1 for row in joint for c in row if c)
    same = v["lost"] == 0
    parts = [
        real(
            "h_xz",
            "Joint entropy H(X, Z), in bits",
            v["h_xz"],
            *wrong_bases(lambda base: in_base(t["h_xz"], base), 2, "H(X, Z) in bits"),
            tolerance=from_rounded(cells * half_unit(4)),
            unit="bits",
        ),
        real(
            "h_y",
            f"Entropy H(Y) of {shown}, in bits",
            v["h_y"],
            slip(
                "joint",
                "that is H(X, Z); Y alone loses information wherever two cells give "
                "the same value of Y, so its entropy is smaller.",
                v["h_xz"],
            ),
            *wrong_bases(lambda base: in_base(t["h_y"], base), 2, "H(Y) in bits"),
            tolerance=from_rounded(len(v["y_pmf"]) * half_unit(4)),
            unit="bits",
        ),
        part(
            AnswerKind.BOOLEAN,
            "same",
            f"True or false: H(X, Y) = H(X, Z) for {shown}.",
            same,
        ),
        real(
            "lost",
            "Information lost by the map, H(X, Z) − H(X, Y), in bits",
            v["lost"],
            slip(
                "sign",
                "that is H(X, Y) − H(X, Z); a function of (X, Z) cannot add "
                "information, so the loss is ≥ 0.",
                -v["lost"],
            ),
            *(
                wrong_bases(lambda base: in_base(t["lost"], base), 2, "the loss in bits")
                if not same
                else ()
            ),
            slip(
                "joint_minus_y",
                "that is H(X, Z) − H(Y); keeping X alongside Y is what the question is about.",
                v["h_xz"] - v["h_y"],
            ),
            tolerance=from_rounded(2 * cells * half_unit(4)),
            unit="bits",
        ),
    ]
    collisions = []
    for xv, row in zip(xs, joint, strict=True):
        seen: dict[int, list] = defaultdict(list)
        for zv, c in zip(zs, row, strict=True):
            if c:
                seen[g(xv, zv)].append(zv)
        collisions += [(xv, y, zl) for y, zl in seen.items() if len(zl) > 1]
    facts = {
        "shown": shown,
        "same": same,
        "collisions": collisions,
        "y_pmf": list(v["y_pmf"].items()),
        "h_xz": v["h_xz"],
        "h_y": v["h_y"],
        "h_xy": v["h_xy"],
        "lost": v["lost"],
        "invertible_reason": {
            "sum": "given X, Z = Y − X",
            "difference": "given X, Z = Y + X",
            "product": "given X ≠ 0, Z = Y / X"
            + (", and with X = 0 only one value of Z is possible" if 0 in xs else ""),
            "max": "",
        }[params["map"]],
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="joint_entropy_invertible_map",
    chapter="information_theory",
    title="Joint entropy under a change of variables",
    book_refs=("IT-Q13",),
    params=(
        Param("map", "how Y is computed from X and Z", "choice", options=tuple(sorted(MAPS))),
        Param(
            "x_values",
            "the values of X (the table's rows)",
            "integers",
            low=-9,
            high=9,
            length=(2, 3),
        ),
        Param(
            "z_values",
            "the values of Z (the table's columns)",
            "integers",
            low=-9,
            high=9,
            length=(2, 3),
        ),
        Param(
            "joint",
            "p(x, z): one row per value of X, one column per value of Z",
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
    # our own table for the book's question (Y = X + Z)
    book_params={
        "map": "sum",
        "x_values": [0, 1],
        "z_values": [0, 1],
        "joint": [[0.4, 0.1], [0.2, 0.3]],
    },
)
