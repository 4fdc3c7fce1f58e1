"""pytest-alembic's standard checks on the packaged migrations.

One head, upgrade from empty to head, the models match what the migrations
build, and every step down and up again works. They run on the real engine
factory (SQLCipher's SQLite, the workspace pragmas).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

pytest.importorskip("pytest_alembic", reason="pytest-alembic is in the test extras")

from pytest_alembic.config import Config
from pytest_alembic.tests import (  # noqa: F401 - collected as tests of this module
    test_model_definitions_match_ddl,
    test_single_head_revision,
    test_up_down_consistency,
    test_upgrade,
)

from cio_desk.store.db import create_workspace_engine
from cio_desk.store.migrate import MIGRATIONS_DIR
from cio_desk.store.paths import ensure_private_file

pytestmark = pytest.mark.core


@pytest.fixture
def alembic_config() -> Config:
    return Config(config_options={"script_location": str(MIGRATIONS_DIR)})


@pytest.fixture
def alembic_engine(tmp_path: Path) -> Iterator[Engine]:
    path = tmp_path / "alembic.ciodesk"
    ensure_private_file(path)
    engine = create_workspace_engine(path)
    yield engine
    engine.dispose()
