"""The ``interview-sim`` command line: scriptable, with stable JSON for other tools and tests.

Errors a user can cause (unknown family, bad JSON, bad parameter) print one line on stderr and
exit with status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

EXIT_USAGE = 2


class CliError(Exception):
    """A user error: printed as one line, exit status 2."""


def _print_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


# -- families / show / check -------------------------------------------------------------------
def cmd_families(args: argparse.Namespace) -> int:
    from interview_sim.chapters import CHAPTERS
    from interview_sim.registry import all_families

    families = all_families(args.chapter)
    if args.json:
        _print_json([family.to_json() for family in families])
        return 0
    chapter = None
    for family in families:
        if family.chapter != chapter:
            chapter = family.chapter
            print(f"\n{CHAPTERS[chapter]}")
        refs = ", ".join(family.book_refs)
        print(f"  {family.id:<34} {family.title}  [{refs}]")
    print(f"\n{len(families)} families. `interview-sim show FAMILY` shows a variant.")
    return 0


def _variant(args: argparse.Namespace):
    from interview_sim.registry import get
    from interview_sim.seeds import fresh_seed

    family = get(args.family)
    if args.params is not None:
        try:
            raw = json.loads(args.params)
        except json.JSONDecodeError as error:
            raise CliError(
                f"--params is not valid JSON: {error.msg} at character {error.pos}"
            ) from None
        return family.from_params(raw)
    seed = args.seed if args.seed is not None else fresh_seed()
    return family.variant(seed)


def variant_json(variant, with_solution: bool = True) -> dict[str, Any]:
    from interview_sim.answers.check import accepted_rule, expected_text, expected_value

    return {
        "family": variant.family,
        "version": variant.version,
        "seed": variant.seed,
        "params": variant.params,
        "statement": variant.statement,
        "solution": variant.solution if with_solution else None,
        "parts": [
            {
                "id": part.id,
                "kind": str(part.kind),
                "prompt": part.prompt,
                "answer": expected_text(part),
                "value": expected_value(part),
                "accepted": accepted_rule(part),
                "weight": float(part.weight),
                "options": [list(option) for option in part.options],
                "mistakes": [mistake.tag for mistake in part.mistakes],
            }
            for part in variant.parts
        ],
    }


def cmd_show(args: argparse.Namespace) -> int:
    if args.preview:
        return _preview(args)
    variant = _variant(args)
    if args.json:
        _print_json(variant_json(variant, with_solution=True))
        return 0
    from interview_sim.answers.check import input_hint

    seed = f"seed {variant.seed}" if variant.seed is not None else "explicit parameters"
    print(f"# {variant.title}  ({variant.family} v{variant.version}, {seed})\n")
    print(variant.statement)
    print()
    for part in variant.parts:
        print(f"  [{part.id}] {part.prompt}")
        for key, label in part.options:
            print(f"      {key}) {label}")
        print(f"      answer: {input_hint(part)}")
    if args.solution:
        from interview_sim.answers.check import expected_text

        print("\n## Solution\n")
        print(variant.solution)
        print()
        for part in variant.parts:
            print(f"  [{part.id}] {expected_text(part)}")
    return 0


def _preview(args: argparse.Namespace) -> int:
    from interview_sim.answers.check import expected_text
    from interview_sim.registry import get

    family = get(args.family)
    start = args.seed or 0
    for seed in range(start, start + args.preview):
        variant = family.variant(seed)
        params = json.dumps(variant.params, separators=(",", ":"))
        answers = "  ".join(f"{p.id}={_short(expected_text(p))}" for p in variant.parts)
        print(f"{seed:>6}  {params}\n        {answers}")
    return 0


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def cmd_check(args: argparse.Namespace) -> int:
    from interview_sim.answers.check import check

    variant = _variant(args)
    try:
        part = variant.part(args.part)
    except KeyError as error:
        raise CliError(error.args[0]) from None
    verdict = check(part, args.answer)
    if args.json:
        _print_json(verdict.to_json())
    else:
        print(f"{verdict.status}: {verdict.message}")
        if verdict.read_as:
            print(f"read as: {verdict.read_as}")
        print(f"expected: {verdict.expected}   accepted: {verdict.accepted}")
    return 0


# -- the parser --------------------------------------------------------------------------------
def _add_variant_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("family", help="family id, e.g. lr_odds_logodds (see `families`)")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--seed", type=int, help="variant seed (reproduces the same variant)")
    source.add_argument("--params", help="explicit parameters as JSON, e.g. '{\"p\": 0.1}'")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="interview-sim",
        description="Offline mock interviews for deep-learning jobs and exams: fresh numeric "
        "variants of the book's problems, exact answers, timed sessions.",
    )
    parser.add_argument(
        "--data-dir",
        help="where sessions are kept (default: XDG data home; or set INTERVIEW_SIM_HOME)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    families = commands.add_parser("families", help="list problem families")
    families.add_argument("--chapter", help="only this chapter (e.g. logistic_regression)")
    families.add_argument("--json", action="store_true", help="machine-readable output")
    families.set_defaults(handler=cmd_families)

    show = commands.add_parser("show", help="show a variant of a family")
    _add_variant_args(show)
    show.add_argument("--solution", action="store_true", help="include the worked solution")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    show.add_argument(
        "--preview", type=int, metavar="N", help="table of N seeds' params and answers"
    )
    show.set_defaults(handler=cmd_show)

    check = commands.add_parser("check", help="check an answer to one part of a variant")
    _add_variant_args(check)
    check.add_argument("--part", required=True, help="part id (see `show`)")
    check.add_argument("--answer", required=True, help="the answer as you would type it")
    check.add_argument("--json", action="store_true", help="machine-readable output")
    check.set_defaults(handler=cmd_check)

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from interview_sim.family import ParamError
    from interview_sim.registry import UnknownFamily

    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 0
    try:
        return args.handler(args)
    except (CliError, ParamError, UnknownFamily) as error:
        print(f"interview-sim: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
