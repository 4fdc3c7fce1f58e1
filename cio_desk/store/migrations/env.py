"""Alembic environment: runs on the connection handed over by `store.migrate`.

(pytest-alembic hands over an engine instead; a developer may give a URL.)
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine, create_engine

from cio_desk.store.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connectable = config.attributes.get("connection")
if isinstance(connectable, Engine):  # pytest-alembic hands over an engine
    with connectable.connect() as conn:
        _run(conn)
        conn.commit()
elif connectable is not None:  # store.migrate hands over its open connection
    _run(connectable)
else:  # developer use: `alembic -x url=sqlite:///file revision --autogenerate`
    url = context.get_x_argument(as_dictionary=True).get("url", "sqlite://")
    with create_engine(url).connect() as conn:
        _run(conn)
