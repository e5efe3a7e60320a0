"""The outbox: every change recorded once, as a domain event, in its own transaction.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 10:49:15.709717
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('domain_events',
    sa.Column('position', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('type', sa.String(length=60), nullable=False),
    sa.Column('entity_type', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.Uuid(), nullable=False),
    sa.Column('roundtable_id', sa.Uuid(), nullable=True),
    sa.Column('actor_user_id', sa.Uuid(), nullable=True),
    sa.Column('actor_token_id', sa.Uuid(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('payload', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('tombstone', sa.Boolean(), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('request_id', sa.String(length=64), nullable=True),
    sa.PrimaryKeyConstraint('position', name=op.f('pk_domain_events')),
    sa.UniqueConstraint('id', name=op.f('uq_domain_events_id'))
    )
    with op.batch_alter_table('domain_events', schema=None) as batch_op:
        batch_op.create_index('ix_domain_events_entity_type_entity_id', ['entity_type', 'entity_id'], unique=False)
        batch_op.create_index('ix_domain_events_roundtable_id_position', ['roundtable_id', 'position'], unique=False)
        batch_op.create_index(batch_op.f('ix_domain_events_type'), ['type'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('domain_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_domain_events_type'))
        batch_op.drop_index('ix_domain_events_roundtable_id_position')
        batch_op.drop_index('ix_domain_events_entity_type_entity_id')

    op.drop_table('domain_events')
