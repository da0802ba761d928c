"""History and statistics: every saved session (review or resume it), accuracy by chapter."""

from __future__ import annotations

from typing import Any

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Label, Static

from interview_sim.tui.reported import reported
from interview_sim.tui.text import duration_text, percent_text, when


class HistoryScreen(Screen):
    BINDINGS = [
        Binding("enter", "open", "Review / resume", id="history.open"),
        Binding("escape,h", "back", "Back", id="history.back"),
    ]

    def __init__(self) -> None:
        super().__init__(id="history")
        self.transcripts: dict[str, Any] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="history-body"):
            yield Label("Sessions", classes="section-title")
            table: DataTable = DataTable(id="history-table", cursor_type="row")
            table.add_columns("When", "Preset", "Score", "Duration", "State", "Session")
            yield table
            yield Label("Statistics", classes="section-title")
            yield Static("Loading…", id="history-trend")
            stats: DataTable = DataTable(id="history-stats", cursor_type="none")
            stats.add_columns("Chapter", "Accuracy", "Mean time", "Questions")
            yield stats
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#history-table").focus()
        self.load()

    @work(thread=True, exclusive=True, group="history", exit_on_error=False)
    @reported("load your history")
    def load(self) -> None:
        from interview_sim.stats import statistics

        transcripts, errors = self.app.store.transcripts(self.app.clock)  # type: ignore[attr-defined]
        self.app.call_from_thread(self.fill, transcripts, statistics(transcripts), errors)

    def fill(self, transcripts: list[Any], stats: dict[str, Any], errors: list[str]) -> None:
        from interview_sim.chapters import CHAPTERS
        from interview_sim.stats import sparkline, trend_summary

        table = self.query_one("#history-table", DataTable)
        table.clear()
        for t in sorted(transcripts, key=lambda t: t.created_at, reverse=True):
            self.transcripts[t.id] = t
            results = t.results or {}
            table.add_row(
                when(t.created_at),
                t.preset.get("name", "?"),
                percent_text(results.get("percent")),
                duration_text(results.get("duration")),
                t.state,
                t.id,
                key=t.id,
            )
        trend = [percent for _, percent in stats["trend"]]
        delta = stats["trend_delta"]
        line = f"{stats['sessions']} graded sessions"
        if trend:
            line += f"   scores {sparkline(trend[-40:])}   {trend_summary(len(trend), delta)}"
        if errors:
            line += "\n" + "\n".join(errors)
        self.query_one("#history-trend", Static).update(Content(line))
        rows = self.query_one("#history-stats", DataTable)
        rows.clear()
        for row in stats["chapters"]:
            rows.add_row(
                CHAPTERS.get(row.key, row.key),
                f"{row.accuracy:.0%}",
                duration_text(row.mean_time),
                str(row.questions),
            )
        if not transcripts:
            self.query_one("#history-trend", Static).update(
                "No sessions yet: start one from the home screen."
            )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.open_row(event.row_key.value)

    def action_open(self) -> None:
        table = self.query_one("#history-table", DataTable)
        if table.row_count:
            row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
            self.open_row(row_key.value)

    def open_row(self, session_id: str | None) -> None:
        transcript = self.transcripts.get(session_id or "")
        if transcript is None:
            return
        app: Any = self.app
        if transcript.state == "graded":
            app.show_review(transcript)
        else:
            app.open_session(transcript.id)

    def action_back(self) -> None:
        self.app.pop_screen()
