"""Service tests start from a copy of a new workspace: the same, without migrating."""

from __future__ import annotations

import pytest

from cio_desk.workspace import Workspace


@pytest.fixture
def blank_ws(template_copy: Workspace) -> Workspace:
    return template_copy
