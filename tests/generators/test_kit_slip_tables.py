"""kit.slips.each and missing_minus, and kit.parts.vector: table slips and vector parts."""

from interview_sim.answers.check import check
from interview_sim.kit.parts import vector
from interview_sim.kit.slips import each, missing_minus, tabled

WHY = {"nats": "that is {what} in nats.", "sign": "the sign is wrong.", "off": "{k} is off."}


def test_each_is_one_slip_per_place_with_its_own_words():
    slips = each(WHY, "off", [({"k": 1}, 10), ({"k": 2}, 20)])
    assert [(m.tag, m.explanation, m.value) for m in slips] == [
        ("off", "1 is off.", 10),
        ("off", "2 is off.", 20),
    ]


def test_missing_minus_states_the_right_formula_and_earns_nothing():
    slip = missing_minus(-1.5, "H = −Σ p·log2 p")
    assert (slip.tag, slip.value, slip.credit) == ("missing_minus", -1.5, 0)
    assert slip.explanation == "the minus sign is missing: H = −Σ p·log2 p ≥ 0."


def test_vector_names_its_entries_and_grades_its_vector_slips():
    part = vector("h", "Hidden h", [1, 2, 3], *tabled(WHY, sign=[-1, -2, -3]), entry="h")
    assert part.hint == "3 numbers in order: [h1, h2, h3]"
    assert part.answer == (1, 2, 3) and part.mistakes[0].value == (-1, -2, -3)
    assert check(part, "[1, 2, 3]").status == "correct"
    assert check(part, "[-1, -2, -3]").tag == "sign"
    assert vector("t", "Table", [0, 1], hint="two outputs", entry="y").hint == "two outputs"
