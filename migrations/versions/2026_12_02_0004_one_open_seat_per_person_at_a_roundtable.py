"""One open-ended seat per person at a roundtable, enforced by the database (a partial unique index),
so two managers seating the same person at once cannot both succeed.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 13:58:33.375213
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN = sa.text("ended_on IS NULL")


def upgrade() -> None:
    with op.batch_alter_table("seats", schema=None) as batch_op:
        batch_op.create_index(
            "ix_seats_roundtable_id_stakeholder_id_open",
            ["roundtable_id", "stakeholder_id"],
            unique=True,
            sqlite_where=OPEN,
            postgresql_where=OPEN,
        )


def downgrade() -> None:
    with op.batch_alter_table("seats", schema=None) as batch_op:
        batch_op.drop_index("ix_seats_roundtable_id_stakeholder_id_open")
