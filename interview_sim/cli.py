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


# -- sessions ----------------------------------------------------------------------------------
def _store(args: argparse.Namespace):
    from interview_sim.store.paths import data_dir
    from interview_sim.store.sessions import SessionStore

    return SessionStore(data_dir(args.data_dir))


def cmd_new_family(args: argparse.Namespace) -> int:
    from pathlib import Path

    from interview_sim.kit.scaffold import ScaffoldError, write_family
    from interview_sim.registry import all_families

    if any(family.id == args.family for family in all_families()):
        raise CliError(f"a family {args.family!r} already exists; pick another id")
    root = Path(__file__).resolve().parent.parent
    try:
        written = write_family(root, args.family, args.chapter)
    except ScaffoldError as error:
        raise CliError(str(error)) from None
    for path in written:
        print(path.relative_to(root))
    print("next: fill in the TODOs, then see docs/adding-a-family.md, section 3 (testing)")
    return 0


def cmd_presets(args: argparse.Namespace) -> int:
    from interview_sim.engine.presets import list_presets
    from interview_sim.store.paths import data_dir

    root = data_dir(args.data_dir)
    presets, errors = list_presets(root)
    for preset in presets:
        timing = f"{preset.duration_minutes:g} min" if preset.timed else "untimed"
        print(f"  {preset.name:<16} {preset.title:<28} {timing:<9} {preset.description}")
    print(f"\nYour own presets go in {root / 'presets'} (see docs/presets.md).")
    for error in errors:
        print(f"interview-sim: {error}", file=sys.stderr)
    return 0


def _new_session(args: argparse.Namespace):
    from interview_sim.engine.presets import find_preset
    from interview_sim.engine.session import Session
    from interview_sim.seeds import fresh_seed
    from interview_sim.stats import error_rates
    from interview_sim.store.paths import data_dir

    preset = find_preset(args.preset, data_dir(args.data_dir))
    if preset.choose_chapter and not args.chapter:
        from interview_sim.chapters import CHAPTERS

        raise CliError(f"{preset.name} drills one chapter: add --chapter ({', '.join(CHAPTERS)})")
    store = _store(args)
    rates = error_rates(store.transcripts()[0]) if preset.adaptive else None
    seed = args.seed if args.seed is not None else fresh_seed()
    session = Session.create(
        preset, seed, chapter=args.chapter, family=args.family, error_rates=rates
    )
    return store.create(session), store


def cmd_run(args: argparse.Namespace) -> int:
    if not args.plain:
        try:
            from interview_sim.tui.app import run_tui
        except ImportError:
            print("The TUI is not available; running in plain mode.", file=sys.stderr)
        else:
            return run_tui(args)
    session, _ = _new_session(args)
    from interview_sim.plain import PlainRunner

    return PlainRunner(session, sys.stdin, sys.stdout).run()


def cmd_resume(args: argparse.Namespace) -> int:
    store = _store(args)
    session_id = store.resolve(args.session, unfinished=True)
    if not args.plain:
        try:
            from interview_sim.tui.app import run_tui
        except ImportError:
            pass
        else:
            args.resume = session_id
            return run_tui(args)
    session = store.open(session_id)
    from interview_sim.plain import PlainRunner

    return PlainRunner(session, sys.stdin, sys.stdout).run()


def cmd_history(args: argparse.Namespace) -> int:
    import time

    summaries, errors = _store(args).summaries()
    for s in sorted(summaries, key=lambda s: s.created_at):
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(s.created_at))
        score = f"{s.percent:5.1f}%" if s.percent is not None else "  —   "
        duration = f"{s.duration / 60:5.1f} min" if s.duration else "        "
        print(f"{when}  {s.preset:<14} {score}  {duration}  {s.state:<8} {s.id}")
    if not summaries:
        print("No sessions yet: start one with `interview-sim run mock-exam`.")
    for error in errors:
        print(f"interview-sim: {error}", file=sys.stderr)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from interview_sim.chapters import CHAPTERS
    from interview_sim.stats import sparkline, statistics

    transcripts, errors = _store(args).transcripts()
    stats = statistics(transcripts)
    if args.json:
        _print_json(
            {
                "sessions": stats["sessions"],
                "chapters": [row.__dict__ for row in stats["chapters"]],
                "families": [row.__dict__ for row in stats["families"]],
                "trend": stats["trend"],
                "trend_delta": stats["trend_delta"],
            }
        )
        return 0
    print(f"{stats['sessions']} graded sessions")
    if stats["trend"]:
        delta = stats["trend_delta"]
        change = f" ({delta:+.1f} points, last 5 vs the 5 before)" if delta is not None else ""
        print(f"trend: {sparkline([p for _, p in stats['trend']][-40:])}{change}")
    for title, rows, names in (
        ("By chapter", stats["chapters"], CHAPTERS),
        ("By family", stats["families"], {}),
    ):
        print(f"\n{title}:")
        for row in rows:
            name = names.get(row.key, row.key)
            print(f"  {name:<42} {row.accuracy:6.1%}  {row.mean_time:6.0f} s  ({row.questions} q)")
    for error in errors:
        print(f"interview-sim: {error}", file=sys.stderr)
    return 0


def _write(text: str, output: str | None) -> None:
    if output:
        from pathlib import Path

        from interview_sim.store.files import atomic_write

        atomic_write(Path(output), text.encode("utf-8"))
        print(f"wrote {output}", file=sys.stderr)
    else:
        sys.stdout.write(text)


def cmd_export(args: argparse.Namespace) -> int:
    from interview_sim.export import export_session

    store = _store(args)
    transcript = store.load(store.resolve(args.session))
    _write(export_session(transcript, args.format), args.output)
    return 0


def cmd_worksheet(args: argparse.Namespace) -> int:
    from interview_sim.engine.presets import find_preset
    from interview_sim.engine.session import Session
    from interview_sim.export import export_worksheet
    from interview_sim.store.paths import data_dir

    preset = find_preset(args.preset, data_dir(args.data_dir))
    if preset.endless:
        raise CliError(f"{preset.name} is endless: a worksheet needs a finite preset")
    session = Session.create(preset, args.seed, chapter=args.chapter, family=args.family)
    _write(export_worksheet(session.transcript, args.format), args.output)
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
    data_help = "where sessions are kept (default: XDG data home; or set INTERVIEW_SIM_HOME)"
    parser.add_argument("--data-dir", help=data_help)
    # every subcommand accepts it too; SUPPRESS keeps a value given before the command
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", default=argparse.SUPPRESS, help=data_help)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    families = commands.add_parser("families", parents=[common], help="list problem families")
    families.add_argument("--chapter", help="only this chapter (e.g. logistic_regression)")
    families.add_argument("--json", action="store_true", help="machine-readable output")
    families.set_defaults(handler=cmd_families)

    show = commands.add_parser("show", parents=[common], help="show a variant of a family")
    _add_variant_args(show)
    show.add_argument("--solution", action="store_true", help="include the worked solution")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    show.add_argument(
        "--preview", type=int, metavar="N", help="table of N seeds' params and answers"
    )
    show.set_defaults(handler=cmd_show)

    check = commands.add_parser(
        "check", parents=[common], help="check an answer to one part of a variant"
    )
    _add_variant_args(check)
    check.add_argument("--part", required=True, help="part id (see `show`)")
    check.add_argument("--answer", required=True, help="the answer as you would type it")
    check.add_argument("--json", action="store_true", help="machine-readable output")
    check.set_defaults(handler=cmd_check)

    new_family = commands.add_parser(
        "new-family", help="write a new family's module, templates and test from the kit"
    )
    new_family.add_argument("family", help="the new family's id, snake_case")
    new_family.add_argument("--chapter", required=True, help="chapter id (see `families`)")
    new_family.set_defaults(handler=cmd_new_family)

    presets = commands.add_parser(
        "presets", parents=[common], help="list session presets (shipped and your own)"
    )
    presets.set_defaults(handler=cmd_presets)

    run = commands.add_parser(
        "run", parents=[common], help="start a session from a preset (mock-exam, practice, …)"
    )
    run.add_argument("preset", nargs="?", default="mock-exam", help="preset name or .toml file")
    run.add_argument("--seed", type=int, help="exam seed: the same seed rebuilds the same exam")
    run.add_argument("--chapter", help="chapter to drill or practise (see `families`)")
    run.add_argument("--family", help="practise one family only")
    run.add_argument("--plain", action="store_true", help="prompt/answer loop on stdin/stdout")
    run.set_defaults(handler=cmd_run)

    resume = commands.add_parser("resume", parents=[common], help="continue an unfinished session")
    resume.add_argument("session", nargs="?", help="session id or prefix (default: the latest)")
    resume.add_argument("--plain", action="store_true", help="prompt/answer loop on stdin/stdout")
    resume.set_defaults(handler=cmd_resume)

    history = commands.add_parser(
        "history", parents=[common], help="past sessions: date, preset, score, duration"
    )
    history.set_defaults(handler=cmd_history)

    stats = commands.add_parser(
        "stats", parents=[common], help="accuracy and time per chapter and family, trend"
    )
    stats.add_argument("--json", action="store_true", help="machine-readable output")
    stats.set_defaults(handler=cmd_stats)

    export = commands.add_parser(
        "export", parents=[common], help="a session as Markdown or self-contained HTML"
    )
    export.add_argument("session", nargs="?", help="session id or prefix (default: the latest)")
    export.add_argument("--format", choices=["md", "html"], default="md")
    export.add_argument("-o", "--output", help="file to write (default: standard output)")
    export.set_defaults(handler=cmd_export)

    worksheet = commands.add_parser(
        "worksheet", parents=[common], help="printable questions plus an answer key"
    )
    worksheet.add_argument("preset", help="preset name or .toml file")
    worksheet.add_argument("--seed", type=int, required=True, help="exam seed")
    worksheet.add_argument("--chapter", help="chapter (for chapter-drill)")
    worksheet.add_argument("--family", help="one family only")
    worksheet.add_argument("--format", choices=["md", "html"], default="md")
    worksheet.add_argument("-o", "--output", help="file to write (default: standard output)")
    worksheet.set_defaults(handler=cmd_worksheet)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from interview_sim.engine.presets import PresetError
    from interview_sim.engine.session import SessionError
    from interview_sim.family import ParamError
    from interview_sim.registry import UnknownFamily
    from interview_sim.store.files import SessionLocked
    from interview_sim.store.sessions import CorruptSession, UnknownSession

    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 0
    try:
        return args.handler(args)
    except (
        CliError,
        ParamError,
        UnknownFamily,
        PresetError,
        SessionError,
        SessionLocked,
        CorruptSession,
        UnknownSession,
    ) as error:
        print(f"interview-sim: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `interview-sim show … | head`: the reader left, nothing to report
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
