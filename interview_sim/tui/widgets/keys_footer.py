"""The footer of key bindings, rebuilt only when the keys it shows change."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    """Textual's Footer rebuilds a widget per key whenever the bindings *may* have changed, and
    that is on every focus change: each question switch (the first open box takes the focus) and
    each move between parts paid 20-60 ms for a footer that looked the same. This one compares
    what it would show with what it shows and rebuilds only on a difference."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple | None = None

    @staticmethod
    def keys_shown(screen: Screen) -> tuple:
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for _, binding, enabled, tooltip in screen.active_bindings.values()
            if binding.show
        )

    def bindings_changed(self, screen: Screen) -> None:
        shown = self.keys_shown(screen)
        if shown == self._shown:
            return
        super().bindings_changed(screen)
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown = shown  # the rebuild is scheduled: later equal states can skip it
