"""Column widths worked out from the font, not from the rows.

Sizing a column to its contents reads every row, which is slow on long
lists; the width of a typical value (or of the header) costs nothing and
follows the user's font size.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView, QTreeView

_PADDING_CHARS = 4  # room for the cell margins and a sort arrow


def set_column_widths(view: QTableView | QTreeView, samples: Mapping[int, str]) -> None:
    """Give each column the width of its sample text or of its header, whichever is wider."""
    metrics = view.fontMetrics()
    padding = _PADDING_CHARS * metrics.averageCharWidth()
    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    model = view.model()
    for column, sample in samples.items():
        title = model.headerData(column, Qt.Orientation.Horizontal) if model is not None else ""
        width = max(
            metrics.horizontalAdvance(sample),
            header.fontMetrics().horizontalAdvance(str(title or "")),
        )
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        view.setColumnWidth(column, width + padding)
