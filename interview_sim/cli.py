"""The ``interview-sim`` command line: scriptable, with stable JSON for other tools and tests.

Errors a user can cause (unknown family, bad JSON, bad parameter) print one line on stderr and
exit with status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Sequence
from typing import Any

from interview_sim.words import counted

EXIT_USAGE = 2
PARAMS_MAX_CHARS = 10_000  # the largest family's parameters fit in a few hundred characters
PARAMS_MAX_DEPTH = 4  # an object of lists of numbers at most
PARAMS_MAX_DIGITS = 30  # digits in one number (also keeps clear of Python's 4,300-digit limit)


class CliError(Exception):
    """A user error: printed as one line, exit status 2."""


def _print_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


# -- families / show / check -------------------------------------------------------------------
def cmd_families(args: argparse.Namespace) -> int:
    from interview_sim.chapters import CHAPTERS
    from interview_sim.registry import all_families

    families = all_families(args.chapter, kind=None)
    if args.json:
        _print_json([family.to_json() for family in families])
        return 0
    chapter = None
    for family in families:
        if family.chapter != chapter:
            chapter = family.chapter
            print(f"\n{CHAPTERS[chapter]}")
        refs = ", ".join(family.book_refs)
        kind = "  (concept)" if family.kind == "concept" else ""
        print(f"  {family.id:<34} {family.title}  [{refs}]{kind}")
    concepts = sum(1 for family in families if family.kind == "concept")
    print(
        f"\n{len(families) - concepts} families and {concepts} concept items. "
        "`interview-sim show FAMILY` shows a variant."
    )
    return 0


def _variant(args: argparse.Namespace):
    from interview_sim.family import ParamError
    from interview_sim.registry import get
    from interview_sim.seeds import fresh_seed

    _not_a_book_id(args.family, f"{args.command} --book")
    family = get(args.family)
    if args.book_instance:
        if family.book_params is None:
            raise CliError(
                f"{family.id} has no instance printed in the book; use --seed for a variant"
            )
        return family.from_params(dict(family.book_params))
    if args.params is not None:
        raw = parse_params(args.params)
        try:
            return family.from_params(raw)
        except ParamError:
            raise
        except (TypeError, ValueError, ArithmeticError, KeyError, IndexError) as error:
            raise CliError(
                f"--params do not fit {family.id}: {_short(str(error), 120)}; "
                f"see `interview-sim show {family.id} --json` for a valid example"
            ) from None
    seed = args.seed if args.seed is not None else fresh_seed()
    return family.variant(seed)


def _number_text(text: str) -> str:
    if len(text.lstrip("-")) > PARAMS_MAX_DIGITS:
        raise CliError(
            f"--params has a number with {len(text):,} characters; "
            f"numbers may have at most {PARAMS_MAX_DIGITS} digits"
        )
    return text


def _no_constant(name: str) -> None:
    raise CliError(f"--params has {name}, which is not a number; give a finite number")


def parse_params(text: str) -> dict[str, Any]:
    """``--params`` JSON, bounded before and after parsing: at most PARAMS_MAX_CHARS characters,
    PARAMS_MAX_DEPTH levels and PARAMS_MAX_DIGITS digits a number, and an object at the top."""
    if len(text) > PARAMS_MAX_CHARS:
        raise CliError(
            f"--params is {len(text):,} characters long; at most {PARAMS_MAX_CHARS:,} are accepted"
        )
    try:
        raw = json.loads(
            text,
            parse_int=lambda t: int(_number_text(t)),
            parse_float=lambda t: float(_number_text(t)),
            parse_constant=_no_constant,
        )
    except json.JSONDecodeError as error:
        raise CliError(
            f"--params is not valid JSON: {error.msg} at character {error.pos}"
        ) from None
    except RecursionError:
        raise CliError(
            f"--params is nested too deeply (at most {PARAMS_MAX_DEPTH} levels)"
        ) from None
    if not isinstance(raw, dict):
        raise CliError("--params must be a JSON object of names to values, e.g. '{\"p\": 0.1}'")
    stack = [(value, 2) for value in raw.values()]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth > PARAMS_MAX_DEPTH:
                raise CliError(f"--params is nested too deeply (at most {PARAMS_MAX_DEPTH} levels)")
            items = value.values() if isinstance(value, dict) else value
            stack.extend((item, depth + 1) for item in items)
    return raw


def variant_json(variant, with_solution: bool = True) -> dict[str, Any]:
    from interview_sim.answers.check import accepted_rule, expected_text, expected_value
    from interview_sim.mathtext import part_display

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
                "display": part_display(part),
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
    if args.preview and args.book is None and args.family is not None:
        return _preview(args)
    variant, book = _family_or_book_variant(args)
    if args.json:
        data = variant_json(variant, with_solution=True)
        if book is not None:
            data["book"] = {key: book[key] for key in ("ref", "title", "families")}
        _print_json(data)
        return 0
    from interview_sim.answers.check import input_hint

    if book is not None:
        print(book["note"])
    seed = f"seed {variant.seed}" if variant.seed is not None else "explicit parameters"
    if args.book_instance:
        from interview_sim.registry import get

        family = get(variant.family)
        refs = ", ".join(family.book_refs)
        if family.book_numbers:
            seed = f"the book's own numbers, {refs}"
        else:
            seed = f"our instance: the book prints no numbers for {refs}"
    print(f"# {variant.title}  ({variant.family} v{variant.version}, {seed})\n")
    print(variant.statement)
    print()
    for part in variant.parts:
        print(f"  [{part.id}] {part.prompt}")
        for key, label in part.options:
            print(f"      {key}) {label}")
        print(f"      answer: {input_hint(part)}")
    if args.solution:
        from interview_sim.mathtext import part_display

        print("\n## Solution\n")
        print(variant.solution)
        print()
        for part in variant.parts:
            print(f"  [{part.id}] {part_display(part)}")
    return 0


def _not_a_book_id(family_id: str, use: str) -> None:
    """A book id where a family id belongs is a likely slip: name the option that takes it."""
    from interview_sim.book import canonical_ref

    ref = canonical_ref(family_id)
    if ref is not None:
        raise CliError(f"{family_id!r} is a book problem id, not a family: use {use} {ref}")


def _family_or_book_variant(args: argparse.Namespace):
    """The variant ``show``/``check`` work on, from FAMILY or from --book REF; with a book id,
    also what to say about the family it came from (else None)."""
    from interview_sim.registry import get

    if args.book is None:
        if args.family is None:
            raise CliError(
                f"{args.command} needs a family id (see `interview-sim families`) or --book REF"
            )
        return _variant(args), None
    if args.family is not None or args.params is not None or getattr(args, "preview", None):
        raise CliError(
            "--book picks the family and the variant itself: give no FAMILY, --params or --preview"
        )
    if args.book_instance:
        raise CliError(
            "--book-instance needs the family: `interview-sim show --book REF` names the families "
            "that vary REF; then `show FAMILY --book-instance`"
        )
    if args.command == "check" and args.seed is None:
        raise CliError(
            "check --book needs the --seed that `show --book` printed: the seed picks the family "
            "and the variant"
        )
    choice = _book_choice(args.book, args.seed, f"{args.command}ing")
    return get(choice["family"]).variant(choice["seed"]), choice


def _book_choice(ref: str, seed: int | None, doing: str) -> dict[str, Any]:
    """The family a seed picks for a book id, with a note saying which when there are several,
    e.g. "PRB-22 is covered by 3 families; showing lr_threshold_inversion (seed 7)"."""
    from interview_sim.book import choose_family
    from interview_sim.seeds import fresh_seed

    seed = seed if seed is not None else fresh_seed()
    entry, family_id, families = choose_family(ref, seed)
    if len(families) > 1:
        note = f"{entry.ref} is covered by {len(families)} families; {doing} {family_id}"
    else:
        note = f"{entry.ref} ({entry.title}): {doing} {family_id}"
    return {
        "ref": entry.ref,
        "title": entry.title,
        "families": families,
        "family": family_id,
        "seed": seed,
        "note": f"{note} (seed {seed})",
    }


def _preview(args: argparse.Namespace) -> int:
    from interview_sim.mathtext import part_display
    from interview_sim.registry import get

    family = get(args.family)
    start = args.seed or 0
    for seed in range(start, start + args.preview):
        variant = family.variant(seed)
        params = json.dumps(variant.params, separators=(",", ":"))
        answers = "  ".join(f"{p.id}={_short(part_display(p))}" for p in variant.parts)
        print(f"{seed:>6}  {params}\n        {answers}")
    return 0


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def cmd_check(args: argparse.Namespace) -> int:
    from interview_sim.answers.check import check

    variant, book = _family_or_book_variant(args)
    try:
        part = variant.part(args.part)
    except KeyError as error:
        raise CliError(error.args[0]) from None
    verdict = check(part, args.answer)
    if args.json:
        _print_json(verdict.to_json())
    else:
        if book is not None:
            print(book["note"])
        print(f"{verdict.status}: {verdict.message}")
        if verdict.read_as:
            print(f"read as: {verdict.read_as}")
        print(f"expected: {verdict.expected_display}   accepted: {verdict.accepted}")
    return 0


# -- the book's numbering ----------------------------------------------------------------------
BAR_WIDTH = 20


def cmd_coverage(args: argparse.Namespace) -> int:
    from interview_sim.book import BOOK_CHAPTERS, coverage, unknown_refs

    chapters = coverage(args.chapter)
    for item, ref in unknown_refs():
        print(f"interview-sim: {item} claims {ref!r}, which is not a book id", file=sys.stderr)
    if args.json:
        _print_json({"chapters": [chapter.to_json() for chapter in chapters]})
        return 0
    total = sum(chapter.total for chapter in chapters)
    covered = sum(chapter.covered for chapter in chapters)
    scope = f"problems of {BOOK_CHAPTERS[args.chapter]}" if args.chapter else "book problems"
    print(f"{covered} of {total} {scope} have a practice counterpart\n")
    for chapter in chapters:
        filled = round(BAR_WIDTH * chapter.covered / chapter.total)
        bar = "█" * filled + "░" * (BAR_WIDTH - filled)
        name = BOOK_CHAPTERS[chapter.chapter]
        print(f"{name:<42} {bar} {chapter.covered:>3}/{chapter.total}")
        if args.chapter:  # one chapter: every problem, and what covers it
            for p in chapter.problems:
                mark, by = ("✓", "  ← " + ", ".join(p.covered_by)) if p.covered_by else ("·", "")
                print(f"  {mark} {p.ref:<7} {p.title}{by}")
        else:
            missing = [p.ref for p in chapter.problems if not p.covered_by]
            if missing:
                print(_wrap("  not yet: ", missing))
    if not args.chapter:
        ids = ", ".join(BOOK_CHAPTERS)
        note = f"One chapter, every problem and its families: coverage --chapter ID ({ids})"
        print("\n" + textwrap.fill(note, width=100, subsequent_indent="  "))
    return 0


def _wrap(label: str, ids: list[str], width: int = 100) -> str:
    return textwrap.fill(
        " ".join(ids), width=width, initial_indent=label, subsequent_indent=" " * len(label)
    )


# -- sessions ----------------------------------------------------------------------------------
def _store(args: argparse.Namespace):
    from interview_sim.store.paths import data_dir
    from interview_sim.store.sessions import SessionStore

    if getattr(args, "opened_store", None) is None:  # one store a command: damage reported once
        args.opened_store = SessionStore(data_dir(args.data_dir))
    return args.opened_store


def _loaded(args: argparse.Namespace):
    """Every readable transcript; a sessions folder that cannot be read stops the command."""
    store = _store(args)
    transcripts, _ = store.transcripts()  # damaged files: reported once by main
    if store.unreadable is not None:
        raise store.unreadable
    return transcripts


def _report_damaged(args: argparse.Namespace) -> None:
    """Each damaged session file the command met, once, by path and reason (never fatal)."""
    store = getattr(args, "opened_store", None)
    for error in store.damaged.values() if store is not None else ():
        print(f"interview-sim: {error}", file=sys.stderr)


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
    from interview_sim.review.recall import practice_weights_for
    from interview_sim.seeds import fresh_seed
    from interview_sim.store.paths import data_dir

    preset = find_preset(args.preset, data_dir(args.data_dir))
    if preset.choose_chapter and not args.chapter:
        from interview_sim.chapters import CHAPTERS

        raise CliError(f"{preset.name} drills one chapter: add --chapter ({', '.join(CHAPTERS)})")
    store = _store(args)
    weights = practice_weights_for(store) if preset.adaptive else None
    seed = args.seed if args.seed is not None else fresh_seed()
    session = Session.create(
        preset, seed, chapter=args.chapter, family=args.family, weights=weights
    )
    return store.create(session), store


def cmd_run(args: argparse.Namespace) -> int:
    if args.book is not None:
        _pin_book_family(args)
    elif args.family is not None:
        _not_a_book_id(args.family, f"run {args.preset} --book")
    if not args.plain:
        try:
            from interview_sim.tui.app import run_tui
        except ImportError:
            print("The TUI is not available; running in plain mode.", file=sys.stderr)
        else:
            return run_tui(args)
    session, _ = _new_session(args)
    return _run_plain(session)


def _run_plain(session) -> int:
    from interview_sim.plain import PlainRunner

    if hasattr(sys.stdin, "reconfigure"):  # undecodable bytes become U+FFFD, never a crash
        sys.stdin.reconfigure(errors="replace")
    return PlainRunner(session, sys.stdin, sys.stdout).run()


def _pin_book_family(args: argparse.Namespace) -> None:
    """``run --book REF``: practise the family (picked by the session seed) that varies REF."""
    if args.family is not None:
        raise CliError("give --book or --family, not both: --book picks the family itself")
    choice = _book_choice(args.book, args.seed, "practising")
    args.family, args.seed = choice["family"], choice["seed"]
    print(choice["note"], file=sys.stderr)


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
    return _run_plain(store.open(session_id))


def cmd_history(args: argparse.Namespace) -> int:
    import time

    from interview_sim.store.sessions import summarise

    summaries = [summarise(t) for t in _loaded(args)]
    for s in sorted(summaries, key=lambda s: s.created_at):
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(s.created_at))
        score = f"{s.percent:5.1f}%" if s.percent is not None else "  —   "
        duration = f"{s.duration / 60:5.1f} min" if s.duration else "        "
        print(f"{when}  {s.preset:<14} {score}  {duration}  {s.state:<8} {s.id}")
    if not summaries:
        print("No sessions yet: start one with `interview-sim run mock-exam`.")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from interview_sim.chapters import CHAPTERS
    from interview_sim.review.cards import all_cards
    from interview_sim.review.progress import recall_by_chapter, retention_by_week
    from interview_sim.review.state import load_state
    from interview_sim.stats import sparkline, statistics, trend_summary

    transcripts = _loaded(args)  # damaged files are reported once by main
    stats = statistics(transcripts)
    state, notes = load_state(_store(args).root, transcripts)
    weeks = retention_by_week(transcripts)
    chapters = recall_by_chapter(state, all_cards(), datetime.now(UTC))
    if args.json:
        _print_json(
            {
                "sessions": stats["sessions"],
                "chapters": [row.__dict__ for row in stats["chapters"]],
                "families": [row.__dict__ for row in stats["families"]],
                "trend": stats["trend"],
                "trend_delta": stats["trend_delta"],
                "review": {
                    "retention": [week.__dict__ for week in weeks],
                    "recall": [row.__dict__ for row in chapters],
                },
            }
        )
        return 0
    print(f"{stats['sessions']} graded sessions")
    if stats["trend"]:
        summary = trend_summary(stats["sessions"], stats["trend_delta"])
        print(f"scores: {sparkline([p for _, p in stats['trend']][-40:])}  {summary}")
    for title, rows, names in (
        ("By chapter", stats["chapters"], CHAPTERS),
        ("By family", stats["families"], {}),
    ):
        print(f"\n{title}:")
        for row in rows:
            name = names.get(row.key, row.key)
            own = f", {row.self_assessed} self-assessed" if row.self_assessed else ""
            print(
                f"  {name:<42} {row.accuracy:6.1%}  {row.mean_time:6.0f} s  "
                f"({row.questions} q{own})"
            )
    _print_review_stats(weeks, chapters)
    for note in notes:
        print(f"interview-sim: {note}", file=sys.stderr)
    return 0


def _print_review_stats(weeks, chapters) -> None:
    from interview_sim.chapters import CHAPTERS
    from interview_sim.review.progress import bar
    from interview_sim.stats import sparkline

    print("\nSpaced review: retention (share of reviews recalled) per week:")
    if not weeks:
        print("  no reviews yet: `interview-sim review` starts them")
    else:
        print(f"  {sparkline([100 * w.retention for w in weeks[-40:]])}  oldest → newest")
        for week in weeks[-8:]:
            print(f"  {week.start}  {bar(week.retention)} {week.retention:4.0%}  ({week.reviews})")
    print("\nSpaced review: predicted recall now, per chapter:")
    for row in chapters:
        name = CHAPTERS.get(row.chapter, row.chapter)
        if row.mean_recall is None:
            print(f"  {name:<42} {'':20} not studied ({row.cards} cards)")
        else:
            shown = f"{bar(row.mean_recall)} {row.mean_recall:4.0%}"
            print(f"  {name:<42} {shown}  ({row.studied} of {row.cards} cards studied)")


# -- spaced review ----------------------------------------------------------------------------
def _review_state(args: argparse.Namespace):
    """The store, the review state brought up to date (problems reported on stderr), and now."""
    from datetime import UTC, datetime

    from interview_sim.review.state import load_state

    store = _store(args)
    transcripts, errors = store.transcripts()
    state, notes = load_state(store.root, transcripts)
    _report(errors + notes)
    return store, state, datetime.now(UTC)


def _report(problems: list[str]) -> None:
    for line in problems:
        print(f"interview-sim: {line}", file=sys.stderr)


def _print_queue(queue, cap: int, state, now) -> None:
    from interview_sim.chapters import CHAPTERS

    waiting = f"; {counted(queue.new_waiting, 'more new card')} wait" if queue.new_waiting else ""
    print(
        f"Due today: {len(queue.due)} to review, {len(queue.new)} new "
        f"(at most {cap} new a day{waiting})"
    )
    for chapter, (due, new) in queue.per_chapter().items():
        print(f"  {CHAPTERS.get(chapter, chapter):<42} due {due:>3}   new {new:>3}")
    if not queue.cards:
        upcoming = sorted(card.due for card in state.cards.values() if card.due > now)
        if upcoming:
            day = upcoming[0].date()
            same = sum(1 for due in upcoming if due.date() == day)
            print(f"Nothing to review now. Next: {day} ({counted(same, 'card')}).")
        else:
            print("Nothing to review now.")


def cmd_review(args: argparse.Namespace) -> int:
    import time
    from datetime import UTC, datetime

    from interview_sim.review.due import ReviewSettingsError
    from interview_sim.review.today import start_review, today
    from interview_sim.seeds import fresh_seed

    store = _store(args)
    try:
        plan = today(store, time.time, args.new)
    except ReviewSettingsError as error:
        raise CliError(str(error)) from None
    _report(plan.notes)
    _print_queue(plan.queue, plan.cap, plan.state, datetime.now(UTC))
    if args.list or not plan.queue.cards:
        return 0
    seed = args.seed if args.seed is not None else fresh_seed()
    session = start_review(store, time.time, seed, plan)
    if not args.plain:
        try:
            from interview_sim.tui.app import run_tui
        except ImportError:
            print("The TUI is not available; running in plain mode.", file=sys.stderr)
        else:
            store.release(session.transcript.id)
            args.resume = session.transcript.id
            return run_tui(args)
    from interview_sim.plain import PlainRunner

    code = PlainRunner(session, sys.stdin, sys.stdout).run()
    store.release(session.transcript.id)
    _print_ratings(args, session.transcript.id)
    return code


def _print_ratings(args: argparse.Namespace, session_id: str) -> None:
    """After a review session: each card's rating and its next review."""
    from fsrs import Rating

    from interview_sim.engine.transcript import GRADED
    from interview_sim.review.state import review_moment

    store, state, _ = _review_state(args)
    transcript = store.load(session_id)
    if transcript.state != GRADED:
        return
    print("\nScheduled (FSRS):")
    for question in transcript.questions:
        memory = state.cards.get(question.family)
        if memory is None or memory.last_review != review_moment(question, transcript):
            print(f"  {question.family:<34} not rated (no answer was checked)")
            continue
        rating = Rating(memory.last_rating).name
        print(f"  {question.family:<34} {rating:<6} next review {memory.due.date()}")


def cmd_plan(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from interview_sim.review.cards import all_cards
    from interview_sim.review.plan import PlanError, make_plan, parse_plan_date
    from interview_sim.review.progress import plan_text

    try:  # a bad date fails before the sessions are read
        target = parse_plan_date(args.date, datetime.now(UTC).date())
    except PlanError as error:
        raise CliError(str(error)) from None
    _, state, now = _review_state(args)
    plan = make_plan(state, all_cards(), target, now)
    if args.json:
        _print_json(plan.to_json())
        return 0
    print(plan_text(plan, set(state.cards), now.date()))
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
    from interview_sim.engine.settle import settle
    from interview_sim.export import export_session

    store = _store(args)
    transcript = settle(store, store.load(store.resolve(args.session)))
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
    parser.add_argument(
        "family", nargs="?", help="family id, e.g. lr_odds_logodds (see `families`)"
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--seed", type=int, help="variant seed (reproduces the same variant)")
    source.add_argument("--params", help="explicit parameters as JSON, e.g. '{\"p\": 0.1}'")
    source.add_argument(
        "--book-instance",
        action="store_true",
        help="FAMILY's instance of its book problem: the book's own numbers where it prints them",
    )
    parser.add_argument(
        "--book",
        metavar="REF",
        help="instead of FAMILY: a book problem, e.g. PRB-22 or DL-Q37 (the seed picks the family)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="interview-sim",
        description="Offline mock interviews for deep-learning jobs and exams: fresh numeric "
        "variants of the book's problems, exact answers, timed sessions.",
    )
    data_help = "where sessions are kept (default: XDG data home; or set INTERVIEW_SIM_HOME)"
    parser.add_argument("--data-dir", help=data_help)
    parser.add_argument("--version", action="version", version=f"%(prog)s {version()}")
    # every subcommand accepts it too; SUPPRESS keeps a value given before the command
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", default=argparse.SUPPRESS, help=data_help)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    families = commands.add_parser("families", parents=[common], help="list problem families")
    families.add_argument("--chapter", help="only this chapter (e.g. logistic_regression)")
    families.add_argument("--json", action="store_true", help="machine-readable output")
    families.set_defaults(handler=cmd_families)

    show = commands.add_parser(
        "show", parents=[common], help="show a variant of a family, or of a book problem"
    )
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

    cover = commands.add_parser(
        "coverage", parents=[common], help="which of the book's problems have a practice problem"
    )
    cover.add_argument("--chapter", help="only this chapter, every problem listed")
    cover.add_argument("--json", action="store_true", help="machine-readable output")
    cover.set_defaults(handler=cmd_coverage)

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
    run.add_argument("--book", metavar="REF", help="practise a book problem, e.g. PRB-22")
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

    review = commands.add_parser(
        "review", parents=[common], help="spaced review (FSRS): the cards due today"
    )
    review.add_argument("--plain", action="store_true", help="prompt/answer loop on stdin/stdout")
    review.add_argument(
        "--new",
        type=int,
        metavar="N",
        help="new cards a day (default: new_per_day in <data dir>/review/settings.toml, else 10)",
    )
    review.add_argument("--list", action="store_true", help="show what is due, start nothing")
    review.add_argument("--seed", type=int, help="session seed (picks the variants)")
    review.set_defaults(handler=cmd_review)

    plan = commands.add_parser(
        "plan", parents=[common], help="recall on an interview date and reviews until then"
    )
    plan.add_argument("--date", required=True, help="the interview date, YYYY-MM-DD")
    plan.add_argument("--json", action="store_true", help="machine-readable output")
    plan.set_defaults(handler=cmd_plan)

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


def attach_answer_values(argv: Sequence[str]) -> list[str]:
    """Join ``--answer VALUE`` into ``--answer=VALUE`` when VALUE starts with a single '-'.

    argparse takes ``-2.5e-3`` or ``-log(9)`` for an unknown option ("expected one argument"),
    yet a negative answer is ordinary input. Any abbreviation argparse accepts (``--ans``) is
    joined too; a following ``--option`` is left alone so a missing value is still reported.
    """
    joined: list[str] = []
    args = iter(argv)
    for arg in args:
        if len(arg) > 3 and "--answer".startswith(arg):
            value = next(args, None)
            if value is not None and value.startswith("-") and not value.startswith("--"):
                joined.append(f"--answer={value}")
                continue
            joined.append(arg)
            if value is not None:
                joined.append(value)
            continue
        joined.append(arg)
    return joined


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("interview-sim")
    except PackageNotFoundError:  # run from a checkout without installing
        return "(not installed)"


def front_door(args: argparse.Namespace) -> int:
    """Bare ``interview-sim``: the app's home screen in a terminal; otherwise a short hint, since
    a full-screen app cannot run on a pipe (scripts want the subcommands anyway)."""
    if sys.stdin.isatty() and sys.stdout.isatty():
        try:
            from interview_sim.tui.app import run_tui
        except ImportError:
            pass
        else:
            args.preset = None
            return run_tui(args)
    print(
        "interview-sim: the app needs a terminal. Try `interview-sim run mock-exam --plain` "
        "for a prompt/answer session, or `interview-sim --help` for every command.",
        file=sys.stderr,
    )
    return EXIT_USAGE


def main(argv: Sequence[str] | None = None) -> int:
    from interview_sim.book import BookLookupError, CatalogueError
    from interview_sim.engine.presets import PresetError
    from interview_sim.engine.session import SessionError
    from interview_sim.family import ParamError
    from interview_sim.registry import UnknownFamily
    from interview_sim.store.files import SessionLocked, StorageError
    from interview_sim.store.sessions import CorruptSession, UnknownSession

    parser = build_parser()
    args = parser.parse_args(attach_answer_values(sys.argv[1:] if argv is None else argv))
    handler = getattr(args, "handler", None) or front_door
    try:
        return handler(args)
    except (
        CliError,
        BookLookupError,
        CatalogueError,
        ParamError,
        UnknownFamily,
        PresetError,
        SessionError,
        SessionLocked,
        CorruptSession,
        UnknownSession,
        StorageError,
    ) as error:
        print(f"interview-sim: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `interview-sim show … | head`: the reader left, nothing to report
        sys.stderr.close()
        return 0
    finally:
        if not sys.stderr.closed:
            _report_damaged(args)


if __name__ == "__main__":
    sys.exit(main())
