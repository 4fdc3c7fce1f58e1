"""Small dialogs of the Insight themes view: rename a theme, merge it into another.

Each saves through the callback it is given (the view records the edit for
undo); a refused name is explained under the field and the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cio_desk.errors import ValidationError
from cio_desk.ui.dialogs.field_errors import FormErrors
from cio_desk.ui.widgets.cards import plain_label

R = TypeVar("R")


class _SavingDialog(QDialog, Generic[R]):
    """A form with Save and Cancel that stays open while the save is refused."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self._saved: R | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setSpacing(12)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.errors = FormErrors(self.form, self)

    def _finish_layout(self) -> None:
        self._layout.addLayout(self.form)
        self._layout.addWidget(self.errors.general)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)

    def saved(self) -> R | None:
        return self._saved

    def _attempt(self) -> R:
        raise NotImplementedError

    @Slot()
    def _save(self) -> None:
        self.errors.clear()
        try:
            self._saved = self._attempt()
        except ValidationError as error:
            self.errors.show(error)
            return
        self.accept()

    def run(self) -> tuple[R | None, bool]:
        self.exec()
        accepted = self.result() == QDialog.DialogCode.Accepted
        saved = self._saved
        self.deleteLater()
        return saved, accepted


class RenameThemeDialog(_SavingDialog[R]):
    """A new name for a theme."""

    def __init__(self, name: str, save: Callable[[str], R], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Rename theme"), parent)
        self._save_name = save
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setMaxLength(100)
        self.name_edit.selectAll()
        self.errors.add_row("name", self.tr("&Name"), self.name_edit, aliases=("themes",))
        self._finish_layout()

    @classmethod
    def rename(
        cls, parent: QWidget | None, name: str, save: Callable[[str], R]
    ) -> tuple[R | None, bool]:
        """Show the dialog; returns what `save` returned and whether it was saved."""
        return cls(name, save, parent).run()

    def _attempt(self) -> R:
        return self._save_name(self.name_edit.text())


class MergeThemeDialog(_SavingDialog[R]):
    """Fold one theme into another: its insights take the other theme."""

    def __init__(
        self,
        source_name: str,
        targets: Sequence[tuple[int, str]],
        save: Callable[[int], R],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Merge themes"), parent)
        self._save_target = save
        explanation = plain_label(
            self.tr(
                "Every insight tagged “{name}” takes the theme you choose, and “{name}” "
                "disappears. Use this when two themes mean the same thing (for example "
                "“cost” and “成本”). You can undo it with Ctrl+Z."
            ).format(name=source_name),
            self,
        )
        self._layout.addWidget(explanation)
        self.target_combo = QComboBox(self)
        for theme_id, name in targets:
            self.target_combo.addItem(name, theme_id)
        self.errors.add_row(
            "theme_id", self.tr("Merge &into"), self.target_combo, aliases=("name",)
        )
        self._finish_layout()
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Merge"))

    @classmethod
    def merge(
        cls,
        parent: QWidget | None,
        source_name: str,
        targets: Sequence[tuple[int, str]],
        save: Callable[[int], R],
    ) -> tuple[R | None, bool]:
        """Show the dialog; returns what `save` returned and whether it was saved."""
        return cls(source_name, targets, save, parent).run()

    def _attempt(self) -> R:
        target = self.target_combo.currentData()
        if target is None:
            raise ValidationError("theme_id", self.tr("There is no other theme to merge into."))
        return self._save_target(target)
