"""Colours and fonts derived from the current palette, so light and dark both read well.

Widgets mark their role with dynamic properties (`card`, `tone`) and the one
style sheet built here gives them their look; nothing hard-codes a colour
that only works on a light background.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

# Tones a label can take: (colour on a light palette, colour on a dark palette).
_TONES = {
    "good": ("#1b6e3a", "#8fd6a4"),
    "warn": ("#a4262c", "#f4a7a3"),
    "accent": ("#0b5cad", "#8cc2ff"),
}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def tone_color(palette: QPalette, tone: str) -> QColor:
    """The colour of a named tone ("good", "warn", "accent", "muted") for this palette."""
    if tone == "muted":
        return muted_color(palette)
    light, dark = _TONES[tone]
    return QColor(dark if is_dark(palette) else light)


def muted_color(palette: QPalette) -> QColor:
    """Secondary text: the text colour moved a third of the way towards the background."""
    text = palette.color(QPalette.ColorRole.WindowText)
    back = palette.color(QPalette.ColorRole.Window)
    return _mix(text, back, 0.38)


def card_colors(palette: QPalette) -> tuple[QColor, QColor]:
    """Background and border of a card, a step away from the window colour."""
    back = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    if is_dark(palette):
        return _mix(back, QColor("white"), 0.06), _mix(back, text, 0.18)
    return _mix(back, QColor("white"), 0.85), _mix(back, text, 0.14)


def style_sheet(palette: QPalette) -> str:
    """The application's style sheet for this palette."""
    card_back, card_border = card_colors(palette)
    sidebar_back = palette.color(QPalette.ColorRole.Window)
    selected = palette.color(QPalette.ColorRole.Highlight)
    selected_text = palette.color(QPalette.ColorRole.HighlightedText)
    rules = [
        f"QFrame[card='true'] {{ background: {card_back.name()};"
        f" border: 1px solid {card_border.name()}; border-radius: 10px; }}",
        "QFrame[card='true'] QLabel { background: transparent; border: none; }",
        f"QFrame[separator='true'] {{ background: {card_border.name()}; border: none; }}",
        f"QListWidget#sidebar {{ background: {sidebar_back.name()}; border: none;"
        f" border-right: 1px solid {card_border.name()}; padding: 8px 6px; outline: 0; }}",
        "QListWidget#sidebar::item { padding: 8px 12px; border-radius: 6px; margin: 1px 0; }",
        f"QListWidget#sidebar::item:selected {{ background: {selected.name()};"
        f" color: {selected_text.name()}; }}",
        "QScrollArea#pageScroll { background: transparent; border: none; }",
        "QWidget#pageBody { background: transparent; }",
        f"QLabel[tone='muted'] {{ color: {muted_color(palette).name()}; }}",
    ]
    rules += [
        f"QLabel[tone='{tone}'] {{ color: {tone_color(palette, tone).name()}; }}" for tone in _TONES
    ]
    return "\n".join(rules)


def set_tone(widget: QWidget, tone: str | None) -> None:
    """Give a label a tone (or none) and re-polish it so the style sheet applies."""
    if widget.property("tone") == tone:
        return
    widget.setProperty("tone", tone)
    # A widget not yet polished reads the property when it is first shown.
    if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def scaled_font(base: QFont, factor: float, *, bold: bool = False) -> QFont:
    """`base` scaled by `factor`; sizes follow the user's font settings."""
    font = QFont(base)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    else:
        font.setPixelSize(round(font.pixelSize() * factor))
    font.setBold(bold)
    return font


def _mix(first: QColor, second: QColor, amount: float) -> QColor:
    """`first` moved `amount` (0..1) of the way towards `second`."""
    return QColor.fromRgbF(
        first.redF() + (second.redF() - first.redF()) * amount,
        first.greenF() + (second.greenF() - first.greenF()) * amount,
        first.blueF() + (second.blueF() - first.blueF()) * amount,
    )


def apply_style(app: QApplication) -> None:
    """Give the application the style sheet for its current palette."""
    sheet = style_sheet(app.palette())
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)
