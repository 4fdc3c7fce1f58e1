"""Choose a backup to restore: when it was taken, why, and how big it is."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cio_desk.store.backup import BackupInfo
from cio_desk.ui import formatting as fmt
from cio_desk.ui.widgets.cards import plain_label

_Index = QModelIndex | QPersistentModelIndex


class BackupTableModel(QAbstractTableModel):
    """Backups, newest first, one per row."""

    TAKEN, REASON, SIZE = range(3)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[BackupInfo] = []

    def set_rows(self, rows: Sequence[BackupInfo]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def backup_at(self, row: int) -> BackupInfo:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        backup = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TAKEN:
                return fmt.date_time(backup.taken_at, seconds=True)
            if column == self.REASON:
                return fmt.backup_reason_label(backup.reason)
            return fmt.file_size(backup.size_bytes)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(backup.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Taken"), self.tr("Why"), self.tr("Size"))[section]


class RestoreBackupDialog(QDialog):
    """Lists the workspace's backups; the chosen one replaces the workspace."""

    def __init__(self, backups: Sequence[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.resize(560, 380)
        self.model = BackupTableModel(self)
        self.model.set_rows(backups)
        self._build(bool(backups))
        self._connect_signals()
        if backups:
            self.table.selectRow(0)
        self._update_button()

    @classmethod
    def choose_backup(
        cls, parent: QWidget | None, backups: Sequence[BackupInfo]
    ) -> tuple[BackupInfo | None, bool]:
        """Show the list; returns the chosen backup and whether the user chose one."""
        dialog = cls(backups, parent)
        dialog.exec()
        accepted = dialog.result() == QDialog.DialogCode.Accepted
        chosen = dialog.selected_backup() if accepted else None
        dialog.deleteLater()
        return chosen, accepted and chosen is not None

    def selected_backup(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backup_at(rows[0].row()) if rows else None

    def _build(self, has_backups: bool) -> None:
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        if has_backups:
            text = self.tr(
                "Choose the backup to bring back. The workspace's current content is "
                "kept as a backup first, so a restore can itself be undone."
            )
        else:
            text = self.tr(
                "This workspace has no backups yet. CIO Desk backs it up each time it "
                "opens it and when you choose File > Back up now."
            )
        layout.addWidget(plain_label(text, self))
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(BackupTableModel.TAKEN, QHeaderView.ResizeMode.Stretch)
        for column in (BackupTableModel.REASON, BackupTableModel.SIZE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.table.selectionModel().selectionChanged.connect(self._update_button)
        self.table.doubleClicked.connect(self.accept)

    @Slot()
    def _update_button(self) -> None:
        self.restore_button.setEnabled(self.selected_backup() is not None)
