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

    def request(
        self, payload: dict[str, Any], timeout: float | None = None
    ) -> dict[str, Any] | None:
        """Send one request; None when the worker overran its deadline (it is then replaced).

        ``timeout`` (at most the worker's own) is what is left of the caller's budget for a whole
        answer; the worker is told it too, so it stops probing in time instead of being killed.
        """
        limit = self.timeout if timeout is None else min(timeout, self.timeout)
        if limit <= 0:
            return None
        payload = {**payload, "budget": max(limit - 2 * KILL_MARGIN * self.timeout, 0.01)}
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
                if self._conn.poll(max(limit - KILL_MARGIN * self.timeout, 0.05)):
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


def start_in_background(worker: SymbolicWorker | None = None) -> None:
    """Start the worker and wait for it on a daemon thread, so the first real check finds it
    warm (sympy imported and one equivalence check done). Call it when an app launches."""
    target = worker or default_worker()
    threading.Thread(
        target=target.request, args=({"op": "ping"},), daemon=True, name="sympy-warmup"
    ).start()


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
    with contextlib.suppress(Exception):  # imports sympy and mpmath, fills their caches
        handle(_WARMUP)
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


# one real check, so the first user's check costs what the tenth does
_WARMUP = {
    "op": "equiv",
    "user": "(x + 1)^2/sqrt(y) - log(y)",
    "candidates": ["x^2 + 2x + 1", "(x^2 + 2*x + 1)*y^(-1/2) - ln(y)"],
    "symbols": [("x", "real"), ("y", "positive")],
    "seed": 1,
}


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
    """A constant typed as an expression (ln(9)), evaluated with a proof of its leading digits."""
    from interview_sim.answers import probe

    try:
        value = probe.real_value(_build(text, {}))
    except probe.NotReal:
        return {"ok": False, "error": "it has no finite real value (log of 0, a negative root?)"}
    except probe.Unreliable:
        return {"ok": True, "value": None, "unreliable": True}
    except (MemoryError, OverflowError):
        return {"ok": False, "error": "it is too large to compare (beyond 1e308)"}
    except probe.Unsupported as name:
        return {"ok": False, "error": f"{name} cannot be evaluated here; rewrite it without it"}
    if value != value or abs(value) == float("inf"):
        return {"ok": False, "error": "it is too large to compare (beyond 1e308)"}
    return {"ok": True, "value": repr(value)}


def _symbols(spec: list[tuple[str, str]]) -> dict[str, Any]:
    import sympy

    assumptions = {
        "real": {"real": True},
        "positive": {"positive": True},
        "unit": {"positive": True},
    }
    return {name: sympy.Symbol(name, **assumptions[domain]) for name, domain in spec}


_DOMAIN_WORDS = {"real": "any real number", "positive": "positive", "unit": "between 0 and 1"}


def _simplifies_to_zero(difference: Any, budget: float) -> bool:
    import signal

    import sympy

    if budget <= 0.01:
        return False

    def give_up(signum: int, frame: Any) -> None:
        raise TimeoutError

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.setitimer(signal.ITIMER_REAL, budget)
    try:
        return sympy.simplify(difference) == 0
    except TimeoutError:
        return False
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _equivalent(request: dict[str, Any]) -> dict[str, Any]:
    """Find the first candidate equivalent to the user's expression.

    Layers: structural (the difference is already 0; a nonzero constant difference rules a
    candidate out), then interval evaluation at random irrational points over each symbol's
    whole domain and at the statement's own values (``probe``): one proven difference rules a
    candidate out, agreement at enough reliable points accepts it. When the points cannot decide
    (cancellation, undefined values), a time-boxed ``simplify`` may still prove equality;
    otherwise the candidate is "undecided" and the caller says "could not verify", never
    "correct". A user expression with no real value where the answer has one is an error.
    """
    import time

    import sympy

    from interview_sim.answers import probe

    deadline = time.monotonic() + float(request.get("budget", SIMPLIFY_BUDGET * 2))
    spec = [tuple(item) for item in request["symbols"]]
    symbols = _symbols(spec)
    user = _build(request["user"], symbols)
    if user.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
        return {
            "ok": False,
            "error": "it is undefined or infinite (a division by zero, or log(0)?)",
        }
    if user.has(sympy.I):
        return {"ok": False, "error": "it is not real (a square root or log of a negative number?)"}
    fixed = [(name, text) for name, text in request.get("fixed", [])]
    grid = [
        {symbols[name]: value for name, value in point.items()}
        for point in probe.points(spec, request.get("seed", 0), fixed)
    ]
    not_real: list[dict[Any, str]] = []
    undecided = []
    for index, text in enumerate(request["candidates"]):
        candidate = _build(text, symbols)
        difference = user - candidate
        if difference == 0:
            return {"ok": True, "match": index, "layer": "structural", "undecided": undecided}
        if difference.is_number and difference.is_zero is False:
            continue
        same = probe.equal_everywhere(user, candidate, grid, deadline, not_real.append)
        if not_real:
            return {"ok": False, "error": _not_real_message(not_real[0], spec)}
        if same is False:
            continue
        if same is True:
            return {"ok": True, "match": index, "layer": "numeric", "undecided": undecided}
        if _simplifies_to_zero(difference, min(SIMPLIFY_BUDGET, deadline - time.monotonic())):
            return {"ok": True, "match": index, "layer": "simplify", "undecided": undecided}
        undecided.append(index)
    return {"ok": True, "match": None, "layer": None, "undecided": undecided}


def _not_real_message(point: dict[Any, str], spec: list[tuple[str, str]]) -> str:
    where = ", ".join(f"{symbol.name} = {float(text):.4g}" for symbol, text in point.items())
    domains = "; ".join(f"{name} is {_DOMAIN_WORDS[domain]}" for name, domain in spec)
    return (
        f"it has no real value at {where} (a root or log of a negative number?), "
        f"but the answer must be real wherever {domains}"
    )
