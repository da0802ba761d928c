"""One warm worker process that does every sympy computation derived from user input.

A new process per check costs 140-360 ms (it must import sympy); one persistent worker answers in a
few milliseconds (``../shared/design_notes.md``, appendix). The worker runs with an address-space
limit and every request has a wall-clock deadline: a worker that overruns is killed and replaced,
and the caller gets ``None`` ("could not verify"), never a wrong verdict. The static cost caps of
``expressions`` stop most hostile inputs before they get here; this is the backstop.
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing
import sys
import threading
from collections.abc import Iterator
from typing import Any

CHECK_TIMEOUT = 2.0  # seconds of wall clock per request, as promised to the user
KILL_MARGIN = 0.15  # of CHECK_TIMEOUT, kept for killing an overrunning worker and starting another
STARTUP_TIMEOUT = 30.0  # importing sympy on a cold, busy machine
MEMORY_LIMIT = 2 * 1024**3
SIMPLIFY_BUDGET = 0.6  # seconds simplify may try before the numeric probe decides alone
PROBE_POINTS = 10
PROBE_NEEDED = 4
PROBE_RTOL = 1e-9


class SymbolicWorker:
    """A client for the worker process: start it early, send requests, survive its death."""

    def __init__(self, timeout: float = CHECK_TIMEOUT) -> None:
        self.timeout = timeout
        self._lock = threading.Lock()
        self._process: Any = None
        self._conn: Any = None
        self._ready = False

    def start(self) -> None:
        """Start the process without waiting for sympy to load (call it early, e.g. at launch)."""
        with self._lock:
            self._start_locked()

    def _start_locked(self) -> None:
        if self._process is not None and self._process.is_alive():
            return
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(target=_serve, args=(child,), daemon=True, name="sympy-checker")
        with _real_stderr():
            process.start()
        child.close()
        self._process, self._conn, self._ready = process, parent, False

    def request(self, payload: dict[str, Any]) -> dict[str, Any] | None:
        """Send one request; None when the worker overran its deadline (it is then replaced)."""
        with self._lock:
            self._start_locked()
            if not self._ready:
                try:
                    if not self._conn.poll(STARTUP_TIMEOUT):
                        self._kill_locked()
                        return None
                    self._conn.recv()  # the "ready" message
                except (EOFError, OSError):  # the worker died while starting
                    self._kill_locked()
                    return None
                self._ready = True
            try:
                self._conn.send(payload)
                if self._conn.poll(max(self.timeout - KILL_MARGIN, 0.05)):
                    return self._conn.recv()
            except (EOFError, OSError, BrokenPipeError):
                pass
            self._kill_locked()
            self._start_locked()  # replace it now: the next check finds a warm (or warming) worker
            return None

    def stop(self) -> None:
        with self._lock:
            self._kill_locked()

    def _kill_locked(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.join(timeout=5)
        if self._conn is not None:
            self._conn.close()
        self._process = self._conn = None
        self._ready = False

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None


@contextlib.contextmanager
def _real_stderr() -> Iterator[None]:
    """Spawn with a stderr that has a file descriptor.

    Inside a Textual app ``sys.stderr`` is a capture object whose ``fileno()`` is -1; the
    multiprocessing resource tracker (started by the first spawn) passes it on, and the start
    fails with "bad value(s) in fds_to_keep". The real stderr is restored afterwards.
    """
    saved = sys.stderr
    try:
        usable = saved is not None and saved.fileno() >= 0
    except (AttributeError, ValueError, OSError):
        usable = False
    if not usable:
        sys.stderr = sys.__stderr__
    try:
        yield
    finally:
        sys.stderr = saved


_default: SymbolicWorker | None = None
_default_lock = threading.Lock()


def default_worker() -> SymbolicWorker:
    """The process-wide worker, created on first use and stopped at exit."""
    global _default
    with _default_lock:
        if _default is None:
            _default = SymbolicWorker()
            atexit.register(_default.stop)
        return _default


# -- the worker side ---------------------------------------------------------------------------
def _serve(conn: Any) -> None:  # pragma: no cover - runs in the child process
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    except (ImportError, ValueError, OSError):
        pass
    import sympy  # noqa: F401  (warm the import before saying ready)

    conn.send({"ready": True})
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = handle(request)
        except Exception as error:  # any failure is a reply, never a dead worker
            reply = {"ok": False, "error": f"{type(error).__name__}: {error}"}
        conn.send(reply)


def handle(request: dict[str, Any]) -> dict[str, Any]:
    """Answer one request (also callable in-process by the worker's own tests)."""
    op = request["op"]
    if op == "ping":
        return {"ok": True}
    if op == "value":
        return _value(request["text"])
    if op == "equiv":
        return _equivalent(request)
    raise ValueError(f"unknown request {op!r}")


def _build(text: str, symbols: dict[str, Any]) -> Any:
    from interview_sim.answers.expressions import parse_expression, to_sympy

    return to_sympy(parse_expression(text, symbols).tree, symbols)


def _value(text: str) -> dict[str, Any]:
    import sympy

    expr = _build(text, {})
    number = complex(sympy.N(expr, 30))
    if number.imag != 0 or number.real != number.real or abs(number.real) == float("inf"):
        return {"ok": False, "error": "the expression has no finite real value"}
    return {"ok": True, "value": repr(number.real)}


def _symbols(spec: list[tuple[str, str]]) -> dict[str, Any]:
    import sympy

    assumptions = {
        "real": {"real": True},
        "positive": {"positive": True},
        "unit": {"positive": True},
    }
    return {name: sympy.Symbol(name, **assumptions[domain]) for name, domain in spec}


def _sample(rng: Any, domain: str) -> Any:
    import sympy

    if domain == "unit":
        return sympy.Rational(rng.randint(5, 95), 100) + sympy.Rational(rng.randint(1, 9), 1000)
    if domain == "positive":
        return sympy.Rational(rng.randint(11, 490), 100)
    return sympy.Rational(rng.randint(-290, 290), 100) + sympy.Rational(rng.randint(1, 9), 1000)


def _numeric(expr: Any) -> complex | None:
    import sympy

    try:
        value = complex(sympy.N(expr, 20))
    except (TypeError, ValueError, ZeroDivisionError, OverflowError):
        return None
    if value != value or abs(value) == float("inf"):
        return None
    if abs(value.imag) > 1e-12 * max(1.0, abs(value.real)):
        return None
    return value


def probe_equal(
    user: Any, truth: Any, spec: list, symbols: dict, seed: int, points: int = PROBE_POINTS
) -> bool | None:
    """True if equal at every valid probe point, False if clearly different, None if too few
    points were valid. Relative to the values, so 2.76e-15 and 3e-15 count as different."""
    import random

    rng = random.Random(seed)
    valid = 0
    for _ in range(points if spec else 1):
        point = {symbols[name]: _sample(rng, domain) for name, domain in spec}
        mine = _numeric(user.subs(point) if point else user)
        theirs = _numeric(truth.subs(point) if point else truth)
        if mine is None or theirs is None:
            continue
        valid += 1
        if abs(mine - theirs) > PROBE_RTOL * max(abs(mine), abs(theirs)) + 1e-30:
            return False
    needed = min(PROBE_NEEDED, points) if spec else 1
    return True if valid >= needed else None


def _simplifies_to_zero(difference: Any) -> bool:
    import signal

    import sympy

    def give_up(signum: int, frame: Any) -> None:
        raise TimeoutError

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.setitimer(signal.ITIMER_REAL, SIMPLIFY_BUDGET)
    try:
        return sympy.simplify(difference) == 0
    except TimeoutError:
        return False
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _equivalent(request: dict[str, Any]) -> dict[str, Any]:
    """Find the first candidate equivalent to the user's expression.

    Layers: structural (the difference is already 0), then a seeded numeric probe inside each
    symbol's domain (a clear difference decides "not equivalent" at once), then a time-boxed
    ``simplify`` for a proof; agreement at every probe point is accepted when simplify cannot
    finish. With too few valid probe points and no proof the answer is "undecided".
    """
    spec = [tuple(item) for item in request["symbols"]]
    symbols = _symbols(spec)
    user = _build(request["user"], symbols)
    import sympy

    if user.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
        return {
            "ok": False,
            "error": "it is undefined or infinite (a division by zero, or log(0)?)",
        }
    if user.has(sympy.I):
        return {"ok": False, "error": "it is not real (a square root or log of a negative number?)"}
    undecided = []
    for index, text in enumerate(request["candidates"]):
        candidate = _build(text, symbols)
        difference = user - candidate
        if difference == 0:
            return {"ok": True, "match": index, "layer": "structural", "undecided": undecided}
        probe = probe_equal(user, candidate, spec, symbols, request.get("seed", 0) + index)
        if probe is False:
            continue
        if _simplifies_to_zero(difference):
            return {"ok": True, "match": index, "layer": "simplify", "undecided": undecided}
        if probe is True:
            return {"ok": True, "match": index, "layer": "numeric", "undecided": undecided}
        undecided.append(index)
    return {"ok": True, "match": None, "layer": None, "undecided": undecided}
