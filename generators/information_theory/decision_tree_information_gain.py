"""Information gain of two candidate splits of a small labelled table (ID3's first step).

Varies IT-Q21 (frog), IT-Q22 (cannabis; also the mock exam's information-theory problem), IT-Q23
(stars) and IT-Q24 (tumour, with a 3-valued attribute): a table of 5–10 rows, two attributes
(binary or 3-valued) and a binary class. Asked: the class entropy before splitting, the conditional
entropy H(class | attribute) and the information gain IG = H(class) − H(class | attribute) of each
attribute, and which attribute to split on (the larger gain).

The book instance is the cannabis table of IT-Q22 (five rows, two binary attributes). Its exact rows
were not available to us (they are not in our notes on the book), so ``book_params`` is a five-row
table in the same spirit, not a reproduction of the book's.

Slips caught: children averaged without weighting by their sizes, the conditional entropy and the
gain swapped (the book's prompts sometimes call H(γ|θ) the "information gain", so for the gain the
conditional entropy is recognised and explained), natural logs, and splitting on the smaller gain.
"""

from random import Random

import sympy

from interview_sim.family import Family, Param, ParamError, Solved
from interview_sim.kit import from_rounded, half_unit, part, real, slip
from interview_sim.kit.logs import combine, entropy_terms, in_base
from interview_sim.model import AnswerKind

# (story, class name, class labels, candidate attributes: name -> values)
SCENARIOS = (
    (
        "A survey of students records who uses cannabis",
        "Uses cannabis",
        ("yes", "no"),
        {
            "Smokes tobacco": ("yes", "no"),
            "Drinks alcohol": ("yes", "no"),
            "Age group": ("under 18", "18–21", "over 21"),
        },
    ),
    (
        "Field biologists record which frogs are poisonous",
        "Poisonous",
        ("yes", "no"),
        {
            "Colour": ("green", "brown", "red"),
            "Size": ("small", "large"),
            "Habitat": ("tree", "pond"),
        },
    ),
    (
        "An astronomy catalogue records which stars host a known planet",
        "Has planet",
        ("yes", "no"),
        {
            "Colour": ("red", "yellow", "blue"),
            "Brightness": ("dim", "bright"),
            "Binary system": ("yes", "no"),
        },
    ),
    (
        "A clinic records whether biopsied tumours turned out malignant",
        "Diagnosis",
        ("malignant", "benign"),
        {
            "Size": ("small", "medium", "large"),
            "Shape": ("regular", "irregular"),
            "Margin": ("smooth", "rough"),
        },
    ),
    (
        "A mail filter's training log records which e-mails were spam",
        "Label",
        ("spam", "ham"),
        {
            "Has link": ("yes", "no"),
            "Sender known": ("yes", "no"),
            "Length": ("short", "medium", "long"),
        },
    ),
    (
        "A bank records which small loans were repaid",
        "Repaid",
        ("yes", "no"),
        {
            "Income": ("low", "medium", "high"),
            "Employed": ("yes", "no"),
            "Owns home": ("yes", "no"),
        },
    ),
)
KEYS = ("a", "b")


def draw(rng: Random) -> dict:
    story, target, labels, candidates = rng.choice(SCENARIOS)
    names = rng.sample(sorted(candidates), 2)
    while True:
        size = rng.randint(5, 10)
        rows = [[rng.choice(candidates[name]) for name in names] for _ in range(size)]
        for row in rows:
            row.append(rng.choice(labels))
        params = {"story": story, "attributes": names, "target": target, "rows": rows}
        used = [{row[i] for row in rows} for i in range(2)]
        if any(len(used[i]) != len(candidates[name]) for i, name in enumerate(names)):
            continue  # every value of every attribute appears
        try:
            check(params)
        except ParamError:
            continue
        splits = _splits(params)
        gains = [float(split["gain"]) for split in splits]
        if abs(gains[0] - gains[1]) >= 0.02 and _all_asked_differ(params, splits):
            return params


def _all_asked_differ(params: dict, splits: list[dict]) -> bool:
    """No two numeric parts ask for the same number: an attribute independent of the class has
    H(class | attribute) = H(class), a perfect one has IG = H(class), and two attributes can share
    a conditional entropy; such a table is redrawn (issue 14)."""
    asked = [float(in_base(_class_entropy(params), 2))]
    asked += [float(split[key]) for key in ("cond", "gain") for split in splits]
    return all(abs(x - y) >= 0.005 for i, x in enumerate(asked) for y in asked[i + 1 :])


def _text(name: str, value, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ParamError(name, f"{what} must be a non-empty string, got {value!r}")
    if any(char in value for char in "|\n"):
        raise ParamError(name, f"{what} may not contain '|' or a line break: {value!r}")
    return value


def check(params: dict) -> None:
    _text("story", params["story"], "the story")
    _text("target", params["target"], "the class name")
    names = params["attributes"]
    if not isinstance(names, list) or len(names) != 2:
        raise ParamError("attributes", f"must be a list of two attribute names, got {names!r}")
    for name in names:
        _text("attributes", name, "an attribute name")
    if names[0] == names[1] or params["target"] in names:
        raise ParamError("attributes", "the two attributes and the class need distinct names")
    rows = params["rows"]
    if not isinstance(rows, list) or not 2 <= len(rows) <= 20:
        raise ParamError("rows", "must be a list of 2–20 rows [value 1, value 2, class]")
    for row in rows:
        if not isinstance(row, list) or len(row) != 3:
            raise ParamError("rows", f"each row is [value 1, value 2, class], got {row!r}")
        for cell in row:
            _text("rows", cell, "a table cell")
    if len({row[2] for row in rows}) != 2:
        raise ParamError("rows", "the class must take exactly two values, both present")
    for i, name in enumerate(names):
        if len({row[i] for row in rows}) not in (2, 3):
            raise ParamError("rows", f'attribute "{name}" must take 2 or 3 distinct values')
    gains = [split["gain"] for split in _splits(params)]
    if abs(float(gains[0] - gains[1])) < 1e-12:
        raise ParamError(
            "rows", "both attributes have the same information gain: the split is not unique"
        )


def _ordered(values) -> list:
    """Distinct values in order of first appearance (how a reader scans the table)."""
    return list(dict.fromkeys(values))


def _class_entropy(params: dict) -> dict:
    labels = [row[2] for row in params["rows"]]
    return entropy_terms([labels.count(label) for label in _ordered(labels)])


def _splits(params: dict) -> list[dict]:
    """Per attribute: the children (value, size, class counts, entropy terms) and the totals."""
    rows = params["rows"]
    labels = _ordered(row[2] for row in rows)
    parent = _class_entropy(params)
    splits = []
    for i, name in enumerate(params["attributes"]):
        children = []
        for value in _ordered(row[i] for row in rows):
            classes = [row[2] for row in rows if row[i] == value]
            counts = [classes.count(label) for label in labels]
            children.append({"value": value, "size": len(classes), "counts": counts})
        for child in children:
            child["terms"] = entropy_terms(child["counts"])
            child["entropy"] = in_base(child["terms"], 2)
        weighted = combine(*((sympy.Rational(c["size"], len(rows)), c["terms"]) for c in children))
        unweighted = combine(*((sympy.Rational(1, len(children)), c["terms"]) for c in children))
        splits.append(
            {
                "name": name,
                "children": children,
                "cond_terms": weighted,
                "cond": in_base(weighted, 2),
                "gain": in_base(combine((1, parent), (-1, weighted)), 2),
                "gain_terms": combine((1, parent), (-1, weighted)),
                "unweighted_cond": in_base(unweighted, 2),
                "unweighted_gain": in_base(combine((1, parent), (-1, unweighted)), 2),
            }
        )
    return splits


def solve(params: dict) -> Solved:
    parent = _class_entropy(params)
    h_class = in_base(parent, 2)
    splits = _splits(params)
    parts = [
        real(
            "h_class",
            f"Entropy of {params['target']} before any split, in bits",
            h_class,
            slip(
                "natural_log",
                "that uses the natural log (nats); the question asks for bits: log2.",
                in_base(parent, None),
            ),
            slip("missing_minus", "the sign is wrong: entropy is −Σ p·log2 p ≥ 0.", -h_class),
            unit="bits",
        )
    ]
    for key, split in zip(KEYS, splits, strict=True):
        name = split["name"]
        parts.append(
            real(
                f"h_given_{key}",
                f"Conditional entropy H({params['target']} | {name}), in bits",
                split["cond"],
                slip(
                    "unweighted",
                    "that averages the children's entropies equally; weight each child by "
                    "its share of the rows, n_v / n.",
                    split["unweighted_cond"],
                ),
                slip(
                    "swapped_with_gain",
                    "that is the information gain H(class) − H(class | attribute), not the "
                    "conditional entropy itself.",
                    split["gain"],
                ),
                slip(
                    "natural_log",
                    "that uses the natural log (nats); the question asks for bits: log2.",
                    in_base(split["cond_terms"], None),
                ),
                # worked as Σ (n_v / n)·H_v from child entropies shown to 4 decimals
                tolerance=from_rounded(half_unit(4)),
                unit="bits",
            )
        )
    for key, split in zip(KEYS, splits, strict=True):
        name = split["name"]
        parts.append(
            real(
                f"ig_{key}",
                f"Information gain of splitting on {name}, in bits",
                split["gain"],
                slip(
                    "conditional_entropy",
                    "that is the conditional entropy H(class | attribute), the entropy left "
                    "after the split (some prompts loosely call it the 'information gain'); "
                    "the gain is H(class) minus it.",
                    split["cond"],
                ),
                slip(
                    "unweighted",
                    "the children's entropies were averaged equally; weight each child by "
                    "its share of the rows, n_v / n, before subtracting.",
                    split["unweighted_gain"],
                ),
                slip(
                    "natural_log",
                    "that uses the natural log (nats); the question asks for bits: log2.",
                    in_base(split["gain_terms"], None),
                ),
                slip(
                    "sign",
                    "the subtraction is the wrong way round: IG = H(class) − H(class | "
                    "attribute) ≥ 0.",
                    -split["gain"],
                ),
                # worked as H(class) − H(class | attribute), both shown to 4 decimals
                tolerance=from_rounded(2 * half_unit(4)),
                unit="bits",
            )
        )
    gains = [float(split["gain"]) for split in splits]
    best = 0 if gains[0] > gains[1] else 1
    parts.append(
        part(
            AnswerKind.CHOICE,
            "split",
            "Which attribute should the tree split on first?",
            KEYS[best],
            slip(
                "minimum_gain",
                "that attribute has the smaller information gain; the tree splits on the "
                "attribute whose split removes the most uncertainty: the largest gain.",
                KEYS[1 - best],
            ),
            options=tuple(zip(KEYS, params["attributes"], strict=True)),
        )
    )
    labels = _ordered(row[2] for row in params["rows"])
    facts = {
        "h_class": h_class,
        "labels": labels,
        "label_counts": [[row[2] for row in params["rows"]].count(label) for label in labels],
        "splits": splits,
        "best": params["attributes"][best],
        "table_rows": [[i, *row] for i, row in enumerate(params["rows"], start=1)],
    }
    return Solved(parts, facts)


FAMILY = Family(
    id="decision_tree_information_gain",
    chapter="information_theory",
    title="Decision tree: information gain of a split",
    version=2,
    book_refs=("IT-Q21", "IT-Q22", "IT-Q23", "IT-Q24"),
    params=(
        Param("story", "one sentence saying where the table comes from", "data"),
        Param("attributes", "the two attribute names (the table's first two columns)", "data"),
        Param("target", "the class column's name", "data"),
        Param("rows", "the table: rows [attribute 1 value, attribute 2 value, class]", "data"),
    ),
    draw=draw,
    solve=solve,
    check=check,
    book_numbers=False,  # the book's table was not available to us: book_params are ours
    book_params={
        "story": "A survey of students records who uses cannabis",
        "attributes": ["Smokes tobacco", "Drinks alcohol"],
        "target": "Uses cannabis",
        "rows": [
            ["yes", "yes", "yes"],
            ["yes", "no", "yes"],
            ["no", "yes", "no"],
            ["no", "no", "no"],
            ["yes", "yes", "no"],
        ],
    },
)
