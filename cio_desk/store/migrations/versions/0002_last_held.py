"""stakeholder.last_held_at: the start of each person's latest held meeting

Revision ID: 0002_last_held
Revises: 0001_initial
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

# The schema as it is at this revision, in SQL: a migration must not follow
# later changes to the models. `status || ''` keeps SQLite off the status
# index, so each person's few attendances are walked.
_FILL = """
UPDATE stakeholder SET last_held_at = (
    SELECT max(meeting.starts_at)
    FROM meeting JOIN meeting_attendee ON meeting_attendee.meeting_id = meeting.id
    WHERE meeting_attendee.stakeholder_id = stakeholder.id
      AND meeting.status || '' = 'held'
)
"""

revision = "0002_last_held"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stakeholder", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_held_at", sa.DateTime(), nullable=True))
    op.execute(_FILL)


def downgrade() -> None:
    with op.batch_alter_table("stakeholder", schema=None) as batch_op:
        batch_op.drop_column("last_held_at")
