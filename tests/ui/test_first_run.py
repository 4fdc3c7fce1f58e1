"""The profile dialog, as a new CIO fills it on first run."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from cio_desk.ui.dialogs.first_run import ProfileDialog
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.ui

TODAY = dt.date(2026, 5, 4)


def make_dialog(qtbot, workspace: Workspace, *, first_run: bool = True) -> ProfileDialog:
    dialog = ProfileDialog(workspace, today=TODAY, first_run=first_run)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def press_save(qtbot, dialog: ProfileDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def fill(qtbot, dialog: ProfileDialog, name: str) -> None:
    dialog.name_edit.clear()
    qtbot.keyClicks(dialog.name_edit, name)
    qtbot.keyClicks(dialog.organisation_edit, "Huaxin Manufacturing")
    dialog.start_date_edit.setDate(QDate(2026, 6, 1))
    dialog.due_day_spin.setValue(45)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
    dialog.currency_combo.setCurrentText("usd")


def test_a_new_workspace_starts_from_sensible_defaults(qtbot, blank_ws: Workspace) -> None:
    dialog = make_dialog(qtbot, blank_ws)

    assert dialog.name_edit.text() == ""
    assert dialog.role_edit.text() == "Chief Information Officer"
    assert dialog.start_date_edit.date().toPython() == TODAY
    assert dialog.start_date_edit.calendarPopup()
    assert dialog.due_day_spin.value() == 30
    assert dialog.language_combo.currentData() == "en"
    assert dialog.currency_combo.currentText() == "CNY"


def test_an_empty_name_is_explained_and_the_dialog_stays_open(qtbot, blank_ws: Workspace) -> None:
    dialog = make_dialog(qtbot, blank_ws)
    fill(qtbot, dialog, "   ")

    press_save(qtbot, dialog)

    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "cannot be empty" in dialog.error_text("cio_name")
    assert blank_ws.profile.get() is None


def test_a_valid_profile_is_saved_and_closes_the_dialog(qtbot, blank_ws: Workspace) -> None:
    dialog = make_dialog(qtbot, blank_ws)
    fill(qtbot, dialog, "  Chen Jing ")

    press_save(qtbot, dialog)

    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = blank_ws.profile.get()
    assert saved is not None
    assert saved.cio_name == "Chen Jing"
    assert saved.organisation == "Huaxin Manufacturing"
    assert saved.start_date == dt.date(2026, 6, 1)
    assert saved.plan_due_day == 45
    assert saved.language == "zh_CN"
    assert saved.currency == "USD"
    assert dialog.saved_profile() == saved


def test_correcting_the_error_clears_it_and_saves(qtbot, blank_ws: Workspace) -> None:
    dialog = make_dialog(qtbot, blank_ws)
    fill(qtbot, dialog, "")
    press_save(qtbot, dialog)
    assert dialog.error_text("cio_name")

    qtbot.keyClicks(dialog.name_edit, "Chen Jing")
    press_save(qtbot, dialog)

    assert dialog.error_text("cio_name") == ""
    assert blank_ws.profile.get().cio_name == "Chen Jing"


def test_a_bad_currency_is_shown_under_the_currency(qtbot, blank_ws: Workspace) -> None:
    dialog = make_dialog(qtbot, blank_ws)
    fill(qtbot, dialog, "Chen Jing")
    dialog.currency_combo.setCurrentText("¥")

    press_save(qtbot, dialog)

    assert "three-letter code" in dialog.error_text("currency")
    assert dialog.error_text("cio_name") == ""
    assert dialog.isVisible()


def test_editing_shows_the_saved_profile(qtbot, ws: Workspace) -> None:
    saved = ws.profile.get()

    dialog = make_dialog(qtbot, ws, first_run=False)

    assert dialog.name_edit.text() == saved.cio_name
    assert dialog.organisation_edit.text() == saved.organisation
    assert dialog.start_date_edit.date().toPython() == saved.start_date
    assert dialog.windowTitle() == "Profile"


def test_edit_profile_returns_the_saved_profile_and_accepted(
    qtbot, modals, blank_ws: Workspace
) -> None:
    def answer(dialog: ProfileDialog) -> None:
        fill(qtbot, dialog, "Li Wei")
        press_save(qtbot, dialog)

    modals.when_shown(ProfileDialog, answer)
    profile, accepted = ProfileDialog.edit_profile(None, blank_ws, today=TODAY, first_run=True)

    assert accepted
    assert profile is not None and profile.cio_name == "Li Wei"
    assert blank_ws.profile.get() == profile


def test_cancelling_saves_nothing(qtbot, modals, blank_ws: Workspace) -> None:
    modals.when_shown(ProfileDialog, lambda dialog: dialog.reject())
    profile, accepted = ProfileDialog.edit_profile(None, blank_ws, today=TODAY, first_run=True)

    assert (profile, accepted) == (None, False)
    assert blank_ws.profile.get() is None
