"""Check a typed answer against a part: correct, a recognised mistake, incorrect, or invalid.

Cheap kinds (numbers, fractions, vectors, shapes, choices) are decided in-process in well under a
millisecond. Anything sympy must compute from user text (expressions, and reals typed as
``ln(9)``) goes to the warm worker under one wall-clock budget for the whole answer (every entry
of a vector shares it); running out is "could not verify", never a verdict.

Order matters: the answer and its alternatives are tried first, so a value that matches both the
truth and a catalogued mistake is correct; then the mistakes; then "close" (a number within a few
percent typed with too few significant figures costs no attempt); then incorrect.
"""

from __future__ import annotations

import re
import time
import zlib
from collections.abc import Callable
from fractions import Fraction
from functools import lru_cache
from typing import Any

from interview_sim.answers import verdict as v
from interview_sim.answers.errors import AnswerFormatError
from interview_sim.answers.expressions import parse_expression, rational_value
from interview_sim.answers.lists import read_matrix, read_vector, shape_text, shortened
from interview_sim.answers.lists import read_shape as _read_shape
from interview_sim.answers.numbers import format_decimal, format_exact, normalize, parse_number
from interview_sim.answers.phrases import same_phrase
from interview_sim.answers.rubric import pending as pending_self_assessment
from interview_sim.answers.worker import CHECK_TIMEOUT, SymbolicWorker, default_worker
from interview_sim.model import AnswerKind, Mistake, Part

Kind = AnswerKind

MAX_ANSWER_LENGTH = 2000  # characters; 12 entries of a long exact form fit, a pasted page does not
CLOSE_RATIO = 0.05  # "close" is within 5% of the truth


# -- exact answers as text and as floats -------------------------------------------------------
def exact_text(value: Any) -> str:
    """An exact value as text the checker itself accepts (0.0258, 1/15, log(9), x^2/2)."""
    import sympy

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Fraction)):
        return format_exact(Fraction(value))
    if isinstance(value, sympy.Rational):
        return format_exact(Fraction(int(value.p), int(value.q)))
    if isinstance(value, sympy.Basic):
        return sympy.sstr(value).replace("**", "^")
    return str(value)


@lru_cache(maxsize=4096)
def to_float(value: Any) -> float:
    from interview_sim.numeric import evaluate

    if isinstance(value, (int, Fraction, float)):
        return float(value)
    return float(evaluate(value, 17))


def value_text(part: Part, value: Any) -> str:
    """Any exact value of this part's kind (the answer or a mistake) as accepted input text."""
    if part.kind in (Kind.VECTOR, Kind.INTERVAL):
        return "[" + ", ".join(exact_text(x) for x in value) + "]"
    if part.kind == Kind.MATRIX:
        rows = ("[" + ", ".join(exact_text(x) for x in row) + "]" for row in value)
        return "[" + ", ".join(rows) + "]"
    if part.kind == Kind.SHAPE:
        return shape_text(value)
    if part.kind == Kind.CHOICES:
        return ", ".join(sorted(value))
    return exact_text(value)


def expected_text(part: Part) -> str:
    return value_text(part, part.answer)


def expected_value(part: Part) -> Any:
    """The decimal value(s) of the exact answer, for display and JSON; None for non-numbers."""
    if part.kind in (Kind.INTEGER, Kind.FRACTION, Kind.REAL):
        return to_float(part.answer)
    if part.kind in (Kind.VECTOR, Kind.INTERVAL):
        return [to_float(x) for x in part.answer]
    if part.kind == Kind.MATRIX:
        return [[to_float(x) for x in row] for row in part.answer]
    return None


def accepted_rule(part: Part) -> str:
    """The accepted interval or rule, as shown with the part and with every verdict."""
    kind = part.kind
    if kind == Kind.REAL:
        truth = to_float(part.answer)
        width = part.tolerance.half_width(truth)
        return (
            f"{part.tolerance.describe()}: [{format_decimal(truth - width, 8)}, "
            f"{format_decimal(truth + width, 8)}]"
        )
    if kind in (Kind.VECTOR, Kind.MATRIX, Kind.INTERVAL):
        return f"each entry {part.tolerance.describe()}"
    if kind == Kind.INTEGER:
        return "the exact whole number"
    if kind == Kind.FRACTION:
        return "the exact value: a fraction such as 3/7 (or an exact decimal)"
    if kind == Kind.EXPRESSION:
        names = ", ".join(name for name, _ in part.symbols)
        return f"any expression equivalent to the answer (symbols: {names})"
    if kind == Kind.SHAPE:
        return f"the exact shape, e.g. {_shape_example(part)}"
    if kind == Kind.CHOICES:
        return "exactly the right set of options, e.g. a, c"
    if kind == Kind.CHOICE:
        return "one option: its letter or number"
    if kind == Kind.TEXT:
        return "the word or phrase (case, spacing and hyphens do not matter)"
    if kind == Kind.EXPLAIN:
        return "your own words, then you tick the rubric points you covered (self-assessed)"
    return "true or false"


_SHAPE_EXAMPLES = {1: (10,), 2: (32, 10), 3: (32, 55, 55), 4: (1, 32, 55, 55)}


def _shape_example(part: Part) -> str:
    """An example shape with as many dimensions as the answer: a 2-D question shows (32, 10)."""
    rank = len(tuple(part.answer))
    example = _SHAPE_EXAMPLES.get(rank, (1, 32, 55, 55, 7, 7, 3, 3)[: max(rank, 1)])
    text = shape_text(example)
    return text + (" or " + "x".join(map(str, example)) if len(example) > 1 else "")


def input_hint(part: Part) -> str:
    """What to type, shown under the input before anything is checked."""
    hints = {
        Kind.INTEGER: "a whole number (370698 or 370,698)",
        Kind.FRACTION: "an exact fraction such as 3/7",
        Kind.REAL: "a number: 0.25, 1/4, 2.5e-3, or an exact form such as ln(9)",
        Kind.EXPRESSION: "an expression: ^ for powers, 2x for 2*x; functions exp, log, sqrt, …",
        Kind.VECTOR: "numbers separated by commas or spaces: [1, 2, 3]",
        Kind.MATRIX: "rows in brackets [[1, 2], [3, 4]] or separated by ';'",
        Kind.SHAPE: "a shape: (1, 32, 55, 55) or 1x32x55x55",
        Kind.INTERVAL: "two numbers: [lower, upper]",
        Kind.CHOICE: "the letter (or number) of one option",
        Kind.CHOICES: "the letters of every correct option: a, c",
        Kind.BOOLEAN: "true or false (t/f, yes/no)",
        Kind.TEXT: "a word or short phrase",
        Kind.EXPLAIN: "a few sentences in your own words",
    }
    hint = part.hint or hints[part.kind]
    if part.kind == Kind.SHAPE and not part.hint:
        hint = f"a shape: {_shape_example(part)}"
    if part.kind in (Kind.REAL, Kind.VECTOR, Kind.INTERVAL, Kind.MATRIX):
        hint += f"; accepted {part.tolerance.describe()}"
    if part.allow_percent:
        hint += "; percent allowed (25%)"
    return hint


# -- reading -----------------------------------------------------------------------------------
def _read_real(
    text: str, part: Part, worker: SymbolicWorker | None
) -> tuple[Fraction | float, str]:
    """A number, or a constant expression such as ln(9) or 1/(1+e^-2) evaluated safely."""
    try:
        parsed = parse_number(text, allow_percent=part.allow_percent)
    except AnswerFormatError as number_error:
        # exact forms: 2^-10, 2⁴, 3!, √2, and sums such as 1 + 1/2 (a leading sign is a number's)
        if not re.search(r"[A-Za-z(^*!|√·]|[\d.)]\s*[-+]", normalize(text)):
            raise number_error
    else:
        return _float_range(parsed.value, text), parsed.read_as
    expression = parse_expression(text)
    exact = rational_value(expression.tree)
    if exact is not None:
        return _float_range(exact, text), expression.read_as
    reply = (worker or default_worker()).request({"op": "value", "text": text})
    if reply is None:
        raise _Unverified(expression.read_as)
    if not reply["ok"]:
        raise AnswerFormatError(f'could not evaluate "{expression.read_as}": {reply["error"]}')
    if reply.get("unreliable"):
        raise _Unverified(expression.read_as, _UNRELIABLE)
    return float(reply["value"]), expression.read_as


def _float_range(value: Fraction, typed: str) -> Fraction:
    """Real answers are compared as floats: refuse exact values beyond the float range (1e400).
    The message quotes what was typed: its exact expansion can run to hundreds of digits."""
    try:
        float(value)
    except OverflowError:
        raise AnswerFormatError(
            f'"{shortened(typed.strip())}" is too large to compare: '
            "real answers must lie within ±10³⁰⁸"
        ) from None
    return value


_IN_TIME = (
    "Could not verify this answer in time: simplify your expression and try again "
    "(this does not count as an attempt)."
)
_UNRELIABLE = (
    "Could not verify this answer reliably: its value depends on digits lost to cancellation "
    "(a huge term times a tiny one?). Simplify it and try again "
    "(this does not count as an attempt)."
)


class _Unverified(Exception):
    def __init__(self, read_as: str, message: str = _IN_TIME) -> None:
        super().__init__(read_as)
        self.read_as = read_as
        self.message = message


def _read_vector(text: str, part: Part, worker: SymbolicWorker | None) -> tuple[list, str]:
    return read_vector(text, lambda item: _read_real(item, part, worker))


def _read_matrix(text: str, part: Part, worker: SymbolicWorker | None) -> tuple[list, str]:
    return read_matrix(text, lambda item: _read_real(item, part, worker))


_TRUE = {"true", "t", "yes", "y", "1", "correct"}
_FALSE = {"false", "f", "no", "n", "0", "incorrect", "wrong"}


def _read_boolean(text: str) -> tuple[bool, str]:
    word = normalize(text).lower().rstrip(".")
    if word in _TRUE:
        return True, "true"
    if word in _FALSE:
        return False, "false"
    raise AnswerFormatError(f'could not read "{text}": type true or false')


def _read_words(text: str) -> tuple[str, str]:
    words = " ".join(text.split())
    if not words:
        raise AnswerFormatError("the answer is empty: type a word or phrase")
    return words, words


def _option_key(token: str, part: Part) -> str:
    keys = [key for key, _ in part.options]
    lowered = token.lower()
    if lowered in keys:
        return lowered
    if token.isdigit() and 1 <= int(token) <= len(keys):
        return keys[int(token) - 1]
    for key, label in part.options:
        if normalize(label).lower() == lowered:
            return key
    raise AnswerFormatError(
        f'could not read "{token}": choose one of {", ".join(keys)} (or 1–{len(keys)})'
    )


def _read_choice(text: str, part: Part) -> tuple[str, str]:
    key = _option_key(normalize(text).strip("()[] "), part)
    return key, key


def _read_choices(text: str, part: Part) -> tuple[frozenset[str], str]:
    body = normalize(text).strip("{}[]() ")
    tokens = [t for t in re.split(r"[\s,;]+", body) if t]
    if len(tokens) == 1 and len(tokens[0]) > 1 and tokens[0].isalpha():
        if all(char.lower() in {k for k, _ in part.options} for char in tokens[0]):
            tokens = list(tokens[0])
    if not tokens:
        raise AnswerFormatError("the answer is empty: type the letters of the options, e.g. a, c")
    keys = frozenset(_option_key(token, part) for token in tokens)
    return keys, ", ".join(sorted(keys))


# -- comparing ---------------------------------------------------------------------------------
def _close(part: Part, truth: Any, value: Any) -> bool:
    kind = part.kind
    if kind in (Kind.INTEGER, Kind.FRACTION):
        return Fraction(value) == _as_fraction(truth)
    if kind == Kind.REAL:
        return part.tolerance.accepts(to_float(truth), to_float(value))
    if kind in (Kind.VECTOR, Kind.INTERVAL):
        return len(value) == len(truth) and all(
            part.tolerance.accepts(to_float(t), to_float(x))
            for t, x in zip(truth, value, strict=True)
        )
    if kind == Kind.MATRIX:
        return len(value) == len(truth) and all(
            len(row) == len(trow)
            and all(
                part.tolerance.accepts(to_float(t), to_float(x))
                for t, x in zip(trow, row, strict=True)
            )
            for trow, row in zip(truth, value, strict=True)
        )
    if kind == Kind.SHAPE:
        return tuple(value) == tuple(int(x) for x in truth)
    if kind == Kind.CHOICES:
        return frozenset(value) == frozenset(truth)
    if kind == Kind.TEXT:
        return same_phrase(value, truth)
    if kind == Kind.EXPLAIN:
        return False  # prose is never graded by rule: the candidate ticks the rubric
    return value == truth


def _matches_answer(part: Part, value: Any) -> bool:
    return any(_close(part, truth, value) for truth in (part.answer, *part.alternatives))


def _entries(part: Part, value: Any) -> tuple[list[Any], list[Any]] | None:
    """The numeric entries of a typed value and of the truth, flattened; None if not numeric."""
    if part.kind == Kind.REAL:
        return [value], [part.answer]
    if part.kind in (Kind.VECTOR, Kind.INTERVAL) and len(value) == len(part.answer):
        return list(value), list(part.answer)
    if part.kind == Kind.MATRIX and [len(r) for r in value] == [len(r) for r in part.answer]:
        return [x for row in value for x in row], [t for row in part.answer for t in row]
    return None


_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?%?")
_LIST_PUNCTUATION = re.compile(r"[\s\[\]();,]*")


def significant_figures(token: str) -> int:
    """How many significant figures a typed decimal shows: 0.0350 has 3, 350 has 2, 3.5e-2 has 2."""
    mantissa = re.split(r"[eE]", token)[0].strip("+-%")
    digits = mantissa.replace(".", "").lstrip("0")
    if "." not in mantissa:
        digits = digits.rstrip("0")
    return max(len(digits), 1)


def _is_close(part: Part, text: str, value: Any) -> bool:
    """Within a few percent, every wrong entry typed with fewer significant figures than the
    rule asks for: the candidate rounded too early, which costs no attempt."""
    if part.tolerance.mode != "sigfig":
        return False
    entries = _entries(part, value)
    typed = normalize(text)
    tokens = _NUMBER.findall(typed)
    plain_numbers = _LIST_PUNCTUATION.fullmatch(_NUMBER.sub("", typed)) is not None
    if entries is None or not plain_numbers or len(tokens) != len(entries[0]):
        return False
    near = False
    for typed, entry, truth in zip(tokens, *entries, strict=True):
        exact, number = to_float(truth), to_float(entry)
        if part.tolerance.accepts(exact, number):
            continue
        if exact == 0 or abs(number - exact) > CLOSE_RATIO * abs(exact):
            return False
        if significant_figures(typed) >= part.tolerance.digits:
            return False
        near = True
    return near


def _as_fraction(value: Any) -> Fraction:
    import sympy

    if isinstance(value, sympy.Rational):
        return Fraction(int(value.p), int(value.q))
    return Fraction(value)


def _read_integer(text: str, part: Part, worker: SymbolicWorker | None) -> tuple[Fraction, str]:
    parsed = parse_number(text)
    if parsed.value.denominator != 1:
        raise AnswerFormatError(f'"{parsed.read_as}" is not a whole number: expected an integer')
    return parsed.value, parsed.read_as


def _read_fraction(text: str, part: Part, worker: SymbolicWorker | None) -> tuple[Fraction, str]:
    try:
        parsed = parse_number(text)
        return parsed.value, parsed.read_as
    except AnswerFormatError:
        expression = parse_expression(text)
        exact = rational_value(expression.tree)
        if exact is None:
            raise AnswerFormatError(
                f'could not read "{text}" as an exact fraction: expected e.g. 3/7 or (1/4)/(3/4)'
            ) from None
        return exact, expression.read_as


_READERS: dict[Kind, Callable[[str, Part, SymbolicWorker | None], tuple[Any, str]]] = {
    Kind.REAL: _read_real,
    Kind.VECTOR: _read_vector,
    Kind.INTERVAL: _read_vector,
    Kind.MATRIX: _read_matrix,
    Kind.SHAPE: lambda text, part, worker: _read_shape(text),
    Kind.BOOLEAN: lambda text, part, worker: _read_boolean(text),
    Kind.CHOICE: lambda text, part, worker: _read_choice(text, part),
    Kind.CHOICES: lambda text, part, worker: _read_choices(text, part),
    Kind.INTEGER: _read_integer,
    Kind.FRACTION: _read_fraction,
    Kind.TEXT: lambda text, part, worker: _read_words(text),
    Kind.EXPLAIN: lambda text, part, worker: _read_words(text),
}


def _within_length(text: str) -> None:
    if len(text) > MAX_ANSWER_LENGTH:
        raise AnswerFormatError(
            f"the answer is {len(text):,} characters long: at most {MAX_ANSWER_LENGTH:,} are "
            "read; shorten it (simplify an expression, or drop extra spaces)"
        )


def read(part: Part, text: str, worker: SymbolicWorker | None = None) -> tuple[Any, str]:
    """Parse only (for a live 'read as' preview): the value and how it was read."""
    _within_length(text)
    if part.kind == Kind.EXPRESSION:
        parsed = parse_expression(text, [name for name, _ in part.symbols])
        return parsed.tree, parsed.read_as
    return _READERS[part.kind](text, part, worker)


def readable(part: Part, text: str) -> tuple[bool, str]:
    """Parse only, never grade, never wait for sympy: (True, how it was read) or (False, why)."""
    if len(text) <= MAX_ANSWER_LENGTH and not text.strip():
        return False, "the answer is empty"
    try:
        return True, read(part, text, worker=_NO_WORKER)[1]
    except AnswerFormatError as error:
        return False, str(error)
    except _Unverified as pending:
        return True, pending.read_as


def preview(part: Part, text: str) -> str:
    """The live 'read as: …' line under an input ('' for an empty input)."""
    if not text.strip():
        return ""
    ok, message = readable(part, text)
    return f"read as: {message}" if ok else message


class _NoWorker(SymbolicWorker):
    def request(self, payload: dict[str, Any], timeout: float | None = None) -> None:
        return None


_NO_WORKER = _NoWorker()


class _Budget(SymbolicWorker):
    """One wall-clock budget shared by every worker request of one answer (all its entries)."""

    def __init__(self, worker: SymbolicWorker, seconds: float) -> None:
        super().__init__(timeout=seconds)
        self._worker = worker
        self._deadline = time.monotonic() + seconds
        self._gave_up = False

    def request(
        self, payload: dict[str, Any], timeout: float | None = None
    ) -> dict[str, Any] | None:
        remaining = self._deadline - time.monotonic()
        if timeout is not None:
            remaining = min(remaining, timeout)
        if remaining <= 0 or self._gave_up:
            return None
        reply = self._worker.request(payload, timeout=remaining)
        # one unverified entry makes the whole answer unverified: the rest need not wait for a
        # replacement worker
        self._gave_up = reply is None
        return reply


# -- the verdict -------------------------------------------------------------------------------
def check(part: Part, text: str, worker: SymbolicWorker | None = None) -> v.Verdict:
    """Grade one typed answer. Never raises for bad input: that is an ``invalid`` verdict."""
    from interview_sim.mathtext import part_display  # imports sympy: not at module import

    expected = expected_text(part)
    common = {
        "expected": expected,
        "expected_display": part_display(part),
        "expected_value": expected_value(part),
        "accepted": accepted_rule(part),
    }
    budget = _Budget(worker or default_worker(), CHECK_TIMEOUT)
    try:
        _within_length(text)
        if part.kind == Kind.EXPRESSION:
            return _check_expression(part, text, budget, common)
        value, read_as = read(part, text, budget)
    except AnswerFormatError as error:
        return v.Verdict(v.INVALID, str(error), **common)
    except _Unverified as pending:
        return _unverified(pending.read_as, common, pending.message)
    if part.kind == Kind.EXPLAIN:
        return v.Verdict(**{**pending_self_assessment().__dict__, **common, "read_as": read_as})
    if _matches_answer(part, value):
        return v.Verdict(v.CORRECT, "Correct.", read_as=read_as, **common)
    for mistake in part.mistakes:
        if _close(part, mistake.value, value):
            return _mistake_verdict(mistake, read_as, common)
    if _is_close(part, text, value):
        return v.Verdict(
            v.INVALID,
            f"Close — give at least {part.tolerance.digits} significant figures "
            "(this does not count as an attempt).",
            read_as=read_as,
            **common,
        )
    return v.Verdict(v.INCORRECT, "Not correct.", read_as=read_as, **common)


def _mistake_verdict(mistake: Mistake, read_as: str, common: dict) -> v.Verdict:
    credit = f" (partial credit {float(mistake.credit):.0%})" if mistake.credit else ""
    return v.Verdict(
        v.MISTAKE,
        f"Not quite: {mistake.explanation}{credit}",
        read_as=read_as,
        tag=mistake.tag,
        credit=mistake.credit,
        explanation=mistake.explanation,
        **common,
    )


def _unverified(read_as: str, common: dict, message: str = _IN_TIME) -> v.Verdict:
    return v.Verdict(v.UNVERIFIED, message, read_as=read_as, **common)


def _statement_points(part: Part) -> list[tuple[str, str]]:
    """The part's statement values as 40-digit decimals (1/3 has no exact decimal form)."""
    import sympy

    return [(name, str(sympy.N(value, 40))) for name, value in part.probe_values]


_UNDECIDED = (
    "Could not verify this answer: the checker could neither prove it equal to the answer nor "
    "find a point where they differ (cancellation, or undefined at most points?). Simplify it "
    "and try again (this does not count as an attempt)."
)


def _check_expression(
    part: Part, text: str, worker: SymbolicWorker | None, common: dict
) -> v.Verdict:
    names = [name for name, _ in part.symbols]
    parsed = parse_expression(text, names)
    mistakes = part.mistakes
    truths = [part.answer, *part.alternatives]
    candidates = [exact_text(value) for value in truths] + [exact_text(m.value) for m in mistakes]
    reply = (worker or default_worker()).request(
        {
            "op": "equiv",
            "user": text,
            "candidates": candidates,
            "symbols": [(name, str(domain)) for name, domain in part.symbols],
            "fixed": _statement_points(part),
            "seed": zlib.crc32(text.encode()),  # reproducible, but no fixed set of points to game
        }
    )
    if reply is None:
        return _unverified(parsed.read_as, common)
    if not reply["ok"]:
        return v.Verdict(
            v.INVALID, f'could not evaluate "{parsed.read_as}": {reply["error"]}', **common
        )
    match = reply["match"]
    if match is None and any(index < len(truths) for index in reply["undecided"]):
        return _unverified(parsed.read_as, common, _UNDECIDED)
    if match is not None and match < len(truths):
        return v.Verdict(
            v.CORRECT, "Correct.", read_as=parsed.read_as, layer=reply["layer"], **common
        )
    if match is not None:
        verdict = _mistake_verdict(mistakes[match - len(truths)], parsed.read_as, common)
        return v.Verdict(**{**verdict.__dict__, "layer": reply["layer"]})
    return v.Verdict(
        v.INCORRECT,
        "Not correct.",
        read_as=parsed.read_as,
        **common,
    )


def coincide(part: Part, first: Any, second: Any) -> bool:
    """Whether two exact values of this part would be confused by the checker (either way).

    Used when a variant is built, to drop catalogued mistakes that happen to equal the answer
    (or an earlier mistake) for these parameters; both values are trusted generator output.
    Expressions are compared structurally, then at the checker's seeded probe points. There is
    no ``simplify`` here: this runs in-process without a deadline, and simplify can take minutes
    on a generator's answers. When the probe cannot decide, the pair counts as coinciding and the
    mistake is dropped: a missing catalogue entry costs feedback, a wrong one would cost a grade.
    """
    if part.kind == Kind.EXPRESSION:
        from interview_sim.answers import probe

        if first - second == 0:
            return True
        free = first.free_symbols | second.free_symbols
        symbols = {symbol.name: symbol for symbol in free}
        spec = [(name, str(domain)) for name, domain in part.symbols if name in symbols]
        fixed = _statement_points(part)
        grid = [
            {symbols[name]: value for name, value in point.items()}
            for point in probe.points(spec, seed=7, fixed=fixed)
        ]
        deadline = time.monotonic() + CHECK_TIMEOUT
        return probe.equal_everywhere(first, second, grid, deadline) is not False
    return _close(part, first, second) or _close(part, second, first)
