"""What every page is given by the main window: the clock, the edit history,
and a way to open any item on the page that shows it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from cio_desk.ui.undo import EditHistory


@dataclass(frozen=True)
class PageContext:
    now: Callable[[], dt.datetime]
    history: EditHistory
    # open_item(kind, item_id): show the page that owns `kind` with the item selected.
    open_item: Callable[[str, int], None]
