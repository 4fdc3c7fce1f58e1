"""Showing and hiding widgets without needless layout work."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def set_shown(widget: QWidget, shown: bool) -> None:
    """Show or hide `widget`, doing nothing when it already is.

    `setVisible(True)` lays the widget out again at once, even when it was
    already showing (or about to be shown with its parent): on a page that
    fills a dozen cards, that was a layout pass per card.
    """
    if widget.isHidden() == shown:
        widget.setVisible(shown)
