"""Maxwell–Boltzmann speeds: the most probable, the mean and the root-mean-square speed.

Varies PRB-66 (the "QuantumDrop" layer fires at the most probable speed of a Maxwell–Boltzmann
density f(v) ∝ v²·e^(−mv²/(2kT)); setting f'(v) = 0 gives v = √(2kT/m)). The book's pitfall is
confusing the three characteristic speeds, so draws ask for one of them (mode √(2kT/m), mean
√(8kT/(πm)), rms √(3kT/m)) symbolically, then as a number in m/s for a real gas at a temperature.
The book gives no numbers; ``book_params`` asks for the mode, with nitrogen at 300 K (our choice).

Constants: k = 1.380649 × 10⁻²³ J/K (exact in the SI) and the atomic mass unit
1.66053906660 × 10⁻²⁷ kg. Slips caught: each of the other two speeds, the square root left out,
and the molar mass (kg/mol) used as the mass of one molecule.
"""

from __future__ import annotations

from random import Random

import sympy

from interview_sim.family import Family, Param, Solved
from interview_sim.kit import part, prompt, real, slip
from interview_sim.model import AnswerKind, Domain

R = sympy.Rational
BOLTZMANN = R("1.380649e-23")
AMU = R("1.66053906660e-27")
M, K, T = (sympy.Symbol(name, positive=True) for name in ("m", "k", "T"))
TARGETS = ("mode", "mean", "rms")
GASES = {
    "hydrogen": 2,
    "helium": 4,
    "nitrogen": 28,
    "oxygen": 32,
    "argon": 40,
    "carbon dioxide": 44,
}
NAMES = {"mode": "most probable speed", "mean": "mean speed", "rms": "root-mean-square speed"}


def speed(target: str, mass: sympy.Expr, k: sympy.Expr, temperature: sympy.Expr) -> sympy.Expr:
    return {
        "mode": sympy.sqrt(2 * k * temperature / mass),
        "mean": sympy.sqrt(8 * k * temperature / (sympy.pi * mass)),
        "rms": sympy.sqrt(3 * k * temperature / mass),
    }[target]


def draw(rng: Random) -> dict:
    return {
        "target": rng.choice(TARGETS),
        "gas": rng.choice(sorted(GASES)),
        "temperature": rng.randrange(100, 1501, 10),
    }


def solve(params: dict) -> Solved:
    target, gas, temperature = params["target"], params["gas"], params["temperature"]
    mass = GASES[gas] * AMU
    others = [other for other in TARGETS if other != target]
    symbolic = speed(target, M, K, T)
    value = speed(target, mass, BOLTZMANN, temperature)
    parts = [
        part(
            AnswerKind.EXPRESSION,
            "formula",
            f"The {NAMES[target]} as a formula in m, k and T",
            symbolic,
            *(
                slip(
                    f"{other}_not_{target}",
                    f"that is the {NAMES[other]}; the {NAMES[target]} is {_formula_text(target)}.",
                    speed(other, M, K, T),
                )
                for other in others
            ),
            slip(
                "missing_sqrt",
                "that is the square of the speed; take the square root.",
                symbolic**2,
            ),
            symbols=(("m", Domain.POSITIVE), ("k", Domain.POSITIVE), ("T", Domain.POSITIVE)),
            hint="an expression in m, k and T, e.g. sqrt(k*T/m)",
        ),
        real(
            "value",
            prompt(
                "The {{ what }} of {{ gas }} molecules at {{ t }} K, in m/s",
                what=NAMES[target],
                gas=gas,
                t=temperature,
            ),
            value,
            *(
                slip(
                    f"{other}_not_{target}",
                    f"that is the {NAMES[other]}.",
                    speed(other, mass, BOLTZMANN, temperature),
                )
                for other in others
            ),
            slip(
                "molar_mass_as_molecule_mass",
                "that puts the molar mass in kg/mol where the mass of one molecule belongs; "
                "divide by Avogadro's number (or use R = 8.314 J/(mol·K) in place of k).",
                speed(target, R(GASES[gas], 1000), BOLTZMANN, temperature),
            ),
            unit="m/s",
        ),
    ]
    facts = {
        "name": NAMES[target],
        "formula": _formula_text(target),
        "mass": mass,
        "amu": GASES[gas],
        "symbolic": symbolic,
        "value": value,
    }
    return Solved(parts, facts)


def _formula_text(target: str) -> str:
    return {"mode": "√(2kT/m)", "mean": "√(8kT/(πm))", "rms": "√(3kT/m)"}[target]


FAMILY = Family(
    id="maxwell_boltzmann_mode",
    chapter="bayesian",
    title="Maxwell–Boltzmann: most probable, mean and rms speed",
    book_refs=("PRB-66",),
    params=(
        Param("target", "which characteristic speed is asked", "choice", options=TARGETS),
        Param("gas", "the gas whose molecules move", "choice", options=tuple(sorted(GASES))),
        Param("temperature", "temperature in kelvin", "integer", low=1, high=10_000),
    ),
    draw=draw,
    solve=solve,
    space=len(TARGETS) * len(GASES) * 141,
    book_params={"target": "mode", "gas": "nitrogen", "temperature": 300},
)
