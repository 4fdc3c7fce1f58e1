"""The controls of a page that change the workspace, disabled in a read-only window.

A page lists its edit controls (buttons, menu actions, shortcuts) in one
`EditControls`; the main window tells every page when its workspace becomes
read-only or writable again. While read-only each control is disabled (not
hidden: the user sees what exists) and its tooltip says why.

Pages keep enabling their controls as they always did (by selection, say),
through `set_enabled`: the state the page asks for is remembered and comes
back when the window can write again. A control enabled directly while
read-only is disabled again at once, so a forgotten call cannot leave a way
to change the file.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QWidget

Control = QWidget | QAction | QShortcut


def read_only_reason() -> str:
    """What the tooltip of a disabled edit control says."""
    return QCoreApplication.translate(
        "EditControls", "Read-only: this workspace is open in another window"
    )


def _is_enabled(control: Control) -> bool:
    """The state asked for: a widget inside a disabled parent still counts as enabled."""
    if isinstance(control, QWidget):
        return not control.testAttribute(Qt.WidgetAttribute.WA_ForceDisabled)
    return control.isEnabled()


class EditControls(QObject):
    """Disables a page's edit controls while its workspace is read-only, saying why."""

    def __init__(self, parent: QObject, controls: Iterable[Control] = ()) -> None:
        super().__init__(parent)
        self._read_only = False
        self._wanted: dict[Control, bool] = {}
        self._tips: dict[Control, str] = {}
        self._forcing = False
        self.add(*controls)

    @property
    def read_only(self) -> bool:
        return self._read_only

    def controls(self) -> list[Control]:
        """Every control listed, in the order added."""
        return list(self._wanted)

    def add(self, *controls: Control) -> None:
        """List more edit controls (disabled at once while read-only)."""
        for control in controls:
            if control in self._wanted:
                continue
            self._wanted[control] = _is_enabled(control)
            control.destroyed.connect(lambda _obj=None, c=control: self._forget(c))
            if isinstance(control, QWidget):
                control.installEventFilter(self)
            elif isinstance(control, QAction):
                control.enabledChanged.connect(lambda _on, c=control: self._enabled_changed(c))
            if self._read_only:
                self._disable(control)

    def set_enabled(self, control: Control, enabled: bool) -> None:
        """Enable `control` as the page asks, unless the workspace is read-only now.

        A control not listed here is simply enabled or disabled.
        """
        if control not in self._wanted:
            control.setEnabled(enabled)
            return
        self._wanted[control] = enabled
        self._force(control, enabled and not self._read_only)

    def set_read_only(self, read_only: bool) -> None:
        """Disable every control (read-only) or give each back the state asked for."""
        if read_only == self._read_only:
            return
        self._read_only = read_only
        for control in list(self._wanted):
            if read_only:
                self._disable(control)
            else:
                self._force(control, self._wanted[control])
                self._set_tip(control, self._tips.pop(control, None))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.EnabledChange and isinstance(watched, QWidget):
            self._enabled_changed(watched)
        return False

    def _enabled_changed(self, control: Control) -> None:
        """A control was enabled directly while read-only: remember the wish, refuse it."""
        if self._forcing or not self._read_only or control not in self._wanted:
            return
        if control.isEnabled():
            self._wanted[control] = True
            self._force(control, False)

    def _disable(self, control: Control) -> None:
        if control not in self._tips:
            self._tips[control] = _tip(control)
            own = self._tips[control]
            reason = read_only_reason()
            self._set_tip(control, f"{own}\n{reason}" if own else reason)
        self._force(control, False)

    def _force(self, control: Control, enabled: bool) -> None:
        self._forcing = True
        try:
            control.setEnabled(enabled)
        finally:
            self._forcing = False

    def _set_tip(self, control: Control, tip: str | None) -> None:
        if tip is not None and not isinstance(control, QShortcut):
            control.setToolTip(tip)

    def _forget(self, control: Control) -> None:
        self._wanted.pop(control, None)
        self._tips.pop(control, None)


def _tip(control: Control) -> str:
    if isinstance(control, QShortcut):
        return ""
    return control.toolTip()
