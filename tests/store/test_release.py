"""A closed workspace is freed: a long session that opens many files does not keep them all."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

from cio_desk.services.stakeholders import StakeholderData
from cio_desk.workspace import Workspace

pytestmark = pytest.mark.core


def test_a_closed_workspace_and_its_engine_are_freed(workspace_path: Path) -> None:
    ws = Workspace.create(workspace_path)
    ws.stakeholders.add(StakeholderData(name="Li Wei"))
    assert ws.changed_since_open  # the commit was noticed, so closing backs it up
    gone_workspace, gone_engine = weakref.ref(ws), weakref.ref(ws.engine)
    ws.close()
    del ws

    gc.collect()

    assert gone_workspace() is None
    assert gone_engine() is None


def test_changes_are_still_noticed_after_the_connections_are_renewed(
    workspace_path: Path,
) -> None:
    with Workspace.create(workspace_path) as ws:
        ws.restore(ws.backup_now("manual"))  # closes and reopens the engine
        ws.changed_since_open = False
        ws.stakeholders.add(StakeholderData(name="王芳"))
        assert ws.changed_since_open
