"""The facilitator's work: meetings, agenda, participation, minutes, decisions, action items, knowledge, search.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 07:46:48.925416
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0002'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('search_entries',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('entity_type', sa.String(length=20), nullable=False),
    sa.Column('entity_id', sa.Uuid(), nullable=False),
    sa.Column('roundtable_id', sa.Uuid(), nullable=True),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('language', sa.String(length=8), nullable=True),
    sa.Column('tags', sa.Text(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=True),
    sa.Column('hidden', sa.Boolean(), nullable=False),
    sa.Column('document', postgresql.TSVECTOR().with_variant(sa.Text(), 'sqlite'), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_entries')),
    sa.UniqueConstraint('entity_type', 'entity_id', name=op.f('uq_search_entries_entity_type_entity_id'))
    )
    op.create_index('ix_search_entries_document', 'search_entries', ['document'], unique=False, postgresql_using='gin')
    op.create_index('ix_search_entries_roundtable_id', 'search_entries', ['roundtable_id'], unique=False)
    op.create_table('knowledge_items',
    sa.Column('roundtable_id', sa.Uuid(), nullable=True),
    sa.Column('kind', sa.Enum('background_paper', 'research', 'position_paper', 'presentation', 'data', 'protocol', 'summary', 'link', name='knowledge_kind', native_enum=False, create_constraint=True, length=26), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('tags', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('language', sa.Enum('he', 'en', name='knowledge_language', native_enum=False, create_constraint=True, length=12), nullable=False),
    sa.Column('authors', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('url', sa.String(length=1000), nullable=True),
    sa.Column('visibility', sa.Enum('public', 'roundtable', 'facilitators', name='knowledge_visibility', native_enum=False, create_constraint=True, length=22), nullable=False),
    sa.Column('created_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('archived_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['created_by_user_id'], ['users.id'], name=op.f('fk_knowledge_items_created_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['roundtable_id'], ['roundtables.id'], name=op.f('fk_knowledge_items_roundtable_id_roundtables'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_knowledge_items'))
    )
    op.create_index(op.f('ix_knowledge_items_created_by_user_id'), 'knowledge_items', ['created_by_user_id'], unique=False)
    op.create_index('ix_knowledge_items_roundtable_id_id', 'knowledge_items', ['roundtable_id', 'id'], unique=False)
    op.create_table('meetings',
    sa.Column('roundtable_id', sa.Uuid(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('mode', sa.Enum('in_person', 'online', 'hybrid', name='meeting_mode', native_enum=False, create_constraint=True, length=19), nullable=False),
    sa.Column('venue_name', sa.String(length=200), nullable=True),
    sa.Column('venue_address', sa.String(length=300), nullable=True),
    sa.Column('online_url', sa.String(length=500), nullable=True),
    sa.Column('status', sa.Enum('planned', 'confirmed', 'held', 'cancelled', name='meeting_status', native_enum=False, create_constraint=True, length=19), nullable=False),
    sa.Column('cancellation_reason', sa.String(length=500), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint('ends_at > starts_at', name=op.f('ck_meetings_ends_after_start')),
    sa.ForeignKeyConstraint(['roundtable_id'], ['roundtables.id'], name=op.f('fk_meetings_roundtable_id_roundtables'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meetings'))
    )
    op.create_index('ix_meetings_roundtable_id_starts_at', 'meetings', ['roundtable_id', 'starts_at'], unique=False)
    op.create_index('ix_meetings_starts_at_id', 'meetings', ['starts_at', 'id'], unique=False)
    op.create_table('agenda_items',
    sa.Column('meeting_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('presenter_stakeholder_id', sa.Uuid(), nullable=True),
    sa.Column('planned_minutes', sa.Integer(), nullable=True),
    sa.Column('goal_id', sa.Uuid(), nullable=True),
    sa.Column('status', sa.Enum('proposed', 'accepted', 'declined', name='agenda_item_status', native_enum=False, create_constraint=True, length=18), nullable=False),
    sa.Column('proposed_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint('planned_minutes IS NULL OR planned_minutes >= 0', name=op.f('ck_agenda_items_minutes_not_negative')),
    sa.ForeignKeyConstraint(['goal_id'], ['goals.id'], name=op.f('fk_agenda_items_goal_id_goals'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_agenda_items_meeting_id_meetings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['presenter_stakeholder_id'], ['stakeholders.id'], name=op.f('fk_agenda_items_presenter_stakeholder_id_stakeholders'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['proposed_by_user_id'], ['users.id'], name=op.f('fk_agenda_items_proposed_by_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_items'))
    )
    op.create_index(op.f('ix_agenda_items_goal_id'), 'agenda_items', ['goal_id'], unique=False)
    op.create_index('ix_agenda_items_meeting_id_position', 'agenda_items', ['meeting_id', 'position'], unique=False)
    op.create_index(op.f('ix_agenda_items_presenter_stakeholder_id'), 'agenda_items', ['presenter_stakeholder_id'], unique=False)
    op.create_table('attachments',
    sa.Column('knowledge_item_id', sa.Uuid(), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('content_type', sa.String(length=120), nullable=False),
    sa.Column('size_bytes', sa.BigInteger(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('storage_name', sa.String(length=80), nullable=False),
    sa.Column('uploaded_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['knowledge_item_id'], ['knowledge_items.id'], name=op.f('fk_attachments_knowledge_item_id_knowledge_items'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['uploaded_by_user_id'], ['users.id'], name=op.f('fk_attachments_uploaded_by_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachments')),
    sa.UniqueConstraint('storage_name', name=op.f('uq_attachments_storage_name'))
    )
    op.create_index(op.f('ix_attachments_knowledge_item_id'), 'attachments', ['knowledge_item_id'], unique=False)
    op.create_table('attendance',
    sa.Column('meeting_id', sa.Uuid(), nullable=False),
    sa.Column('seat_id', sa.Uuid(), nullable=True),
    sa.Column('guest_name', sa.String(length=200), nullable=True),
    sa.Column('guest_organisation', sa.String(length=200), nullable=True),
    sa.Column('status', sa.Enum('present', 'absent', 'excused', name='attendance_status', native_enum=False, create_constraint=True, length=17), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('(seat_id IS NULL) <> (guest_name IS NULL)', name=op.f('ck_attendance_seat_or_guest')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_attendance_meeting_id_meetings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['seat_id'], ['seats.id'], name=op.f('fk_attendance_seat_id_seats'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance')),
    sa.UniqueConstraint('meeting_id', 'seat_id', name=op.f('uq_attendance_meeting_id_seat_id'))
    )
    op.create_index(op.f('ix_attendance_seat_id'), 'attendance', ['seat_id'], unique=False)
    op.create_table('decisions',
    sa.Column('roundtable_id', sa.Uuid(), nullable=False),
    sa.Column('meeting_id', sa.Uuid(), nullable=True),
    sa.Column('kind', sa.Enum('understanding', 'agreement', 'recommendation', 'policy_decision', name='decision_kind', native_enum=False, create_constraint=True, length=25), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('proposed', 'in_discussion', 'agreed', 'adopted', 'implemented', 'rejected', 'withdrawn', name='decision_status', native_enum=False, create_constraint=True, length=23), nullable=False),
    sa.Column('proposed_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('adopted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('adopted_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('adoption_reference', sa.String(length=300), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['adopted_by_user_id'], ['users.id'], name=op.f('fk_decisions_adopted_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_decisions_meeting_id_meetings'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['proposed_by_user_id'], ['users.id'], name=op.f('fk_decisions_proposed_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['roundtable_id'], ['roundtables.id'], name=op.f('fk_decisions_roundtable_id_roundtables'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decisions'))
    )
    op.create_index(op.f('ix_decisions_meeting_id'), 'decisions', ['meeting_id'], unique=False)
    op.create_index('ix_decisions_roundtable_id_id', 'decisions', ['roundtable_id', 'id'], unique=False)
    op.create_table('invitations',
    sa.Column('meeting_id', sa.Uuid(), nullable=False),
    sa.Column('seat_id', sa.Uuid(), nullable=False),
    sa.Column('response', sa.Enum('pending', 'yes', 'no', 'maybe', name='rsvp_response', native_enum=False, create_constraint=True, length=17), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.Column('responded_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_invitations_meeting_id_meetings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['seat_id'], ['seats.id'], name=op.f('fk_invitations_seat_id_seats'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_invitations')),
    sa.UniqueConstraint('meeting_id', 'seat_id', name=op.f('uq_invitations_meeting_id_seat_id'))
    )
    op.create_index(op.f('ix_invitations_seat_id'), 'invitations', ['seat_id'], unique=False)
    op.create_table('knowledge_links',
    sa.Column('knowledge_item_id', sa.Uuid(), nullable=False),
    sa.Column('target_type', sa.String(length=20), nullable=False),
    sa.Column('target_id', sa.Uuid(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['knowledge_item_id'], ['knowledge_items.id'], name=op.f('fk_knowledge_links_knowledge_item_id_knowledge_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_knowledge_links')),
    sa.UniqueConstraint('knowledge_item_id', 'target_type', 'target_id', name=op.f('uq_knowledge_links_knowledge_item_id_target_type_target_id'))
    )
    op.create_index('ix_knowledge_links_target_type_target_id', 'knowledge_links', ['target_type', 'target_id'], unique=False)
    op.create_table('knowledge_revisions',
    sa.Column('knowledge_item_id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('created_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_user_id'], ['users.id'], name=op.f('fk_knowledge_revisions_created_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['knowledge_item_id'], ['knowledge_items.id'], name=op.f('fk_knowledge_revisions_knowledge_item_id_knowledge_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_knowledge_revisions')),
    sa.UniqueConstraint('knowledge_item_id', 'number', name=op.f('uq_knowledge_revisions_knowledge_item_id_number'))
    )
    op.create_table('minutes',
    sa.Column('meeting_id', sa.Uuid(), nullable=False),
    sa.Column('roundtable_id', sa.Uuid(), nullable=False),
    sa.Column('status', sa.Enum('draft', 'circulated', 'approved', 'locked', name='minutes_status', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('public_summary', sa.Text(), nullable=True),
    sa.Column('public_summary_published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_minutes_meeting_id_meetings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['roundtable_id'], ['roundtables.id'], name=op.f('fk_minutes_roundtable_id_roundtables'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_minutes')),
    sa.UniqueConstraint('meeting_id', name=op.f('uq_minutes_meeting_id'))
    )
    op.create_index(op.f('ix_minutes_roundtable_id'), 'minutes', ['roundtable_id'], unique=False)
    op.create_table('process_notes',
    sa.Column('meeting_id', sa.Uuid(), nullable=False),
    sa.Column('author_user_id', sa.Uuid(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['author_user_id'], ['users.id'], name=op.f('fk_process_notes_author_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_process_notes_meeting_id_meetings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_process_notes'))
    )
    op.create_index(op.f('ix_process_notes_meeting_id'), 'process_notes', ['meeting_id'], unique=False)
    op.create_table('action_items',
    sa.Column('roundtable_id', sa.Uuid(), nullable=False),
    sa.Column('decision_id', sa.Uuid(), nullable=True),
    sa.Column('meeting_id', sa.Uuid(), nullable=True),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('owner_stakeholder_id', sa.Uuid(), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('status', sa.Enum('open', 'in_progress', 'done', 'dropped', name='action_item_status', native_enum=False, create_constraint=True, length=21), nullable=False),
    sa.Column('completed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['decision_id'], ['decisions.id'], name=op.f('fk_action_items_decision_id_decisions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_action_items_meeting_id_meetings'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['owner_stakeholder_id'], ['stakeholders.id'], name=op.f('fk_action_items_owner_stakeholder_id_stakeholders'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['roundtable_id'], ['roundtables.id'], name=op.f('fk_action_items_roundtable_id_roundtables'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action_items'))
    )
    op.create_index(op.f('ix_action_items_decision_id'), 'action_items', ['decision_id'], unique=False)
    op.create_index(op.f('ix_action_items_meeting_id'), 'action_items', ['meeting_id'], unique=False)
    op.create_index('ix_action_items_owner_stakeholder_id_status', 'action_items', ['owner_stakeholder_id', 'status'], unique=False)
    op.create_index('ix_action_items_roundtable_id_status', 'action_items', ['roundtable_id', 'status'], unique=False)
    op.create_table('agenda_item_knowledge',
    sa.Column('agenda_item_id', sa.Uuid(), nullable=False),
    sa.Column('knowledge_item_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agenda_item_id'], ['agenda_items.id'], name=op.f('fk_agenda_item_knowledge_agenda_item_id_agenda_items'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['knowledge_item_id'], ['knowledge_items.id'], name=op.f('fk_agenda_item_knowledge_knowledge_item_id_knowledge_items'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('agenda_item_id', 'knowledge_item_id', name=op.f('pk_agenda_item_knowledge'))
    )
    op.create_index(op.f('ix_agenda_item_knowledge_knowledge_item_id'), 'agenda_item_knowledge', ['knowledge_item_id'], unique=False)
    op.create_table('decision_events',
    sa.Column('decision_id', sa.Uuid(), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=True),
    sa.Column('to_status', sa.String(length=20), nullable=False),
    sa.Column('actor_user_id', sa.Uuid(), nullable=True),
    sa.Column('note', sa.String(length=1000), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['actor_user_id'], ['users.id'], name=op.f('fk_decision_events_actor_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['decision_id'], ['decisions.id'], name=op.f('fk_decision_events_decision_id_decisions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decision_events'))
    )
    op.create_index(op.f('ix_decision_events_decision_id'), 'decision_events', ['decision_id'], unique=False)
    op.create_table('decision_goals',
    sa.Column('decision_id', sa.Uuid(), nullable=False),
    sa.Column('goal_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['decision_id'], ['decisions.id'], name=op.f('fk_decision_goals_decision_id_decisions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['goal_id'], ['goals.id'], name=op.f('fk_decision_goals_goal_id_goals'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('decision_id', 'goal_id', name=op.f('pk_decision_goals'))
    )
    op.create_index(op.f('ix_decision_goals_goal_id'), 'decision_goals', ['goal_id'], unique=False)
    op.create_table('endorsements',
    sa.Column('decision_id', sa.Uuid(), nullable=False),
    sa.Column('seat_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Enum('supports', 'reservations', 'objects', name='endorsement_position', native_enum=False, create_constraint=True, length=22), nullable=False),
    sa.Column('comment', sa.String(length=2000), nullable=True),
    sa.Column('recorded_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['decision_id'], ['decisions.id'], name=op.f('fk_endorsements_decision_id_decisions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_user_id'], ['users.id'], name=op.f('fk_endorsements_recorded_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['seat_id'], ['seats.id'], name=op.f('fk_endorsements_seat_id_seats'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_endorsements')),
    sa.UniqueConstraint('decision_id', 'seat_id', name=op.f('uq_endorsements_decision_id_seat_id'))
    )
    op.create_index(op.f('ix_endorsements_seat_id'), 'endorsements', ['seat_id'], unique=False)
    op.create_table('minutes_comments',
    sa.Column('minutes_id', sa.Uuid(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('paragraph', sa.Integer(), nullable=True),
    sa.Column('author_user_id', sa.Uuid(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['author_user_id'], ['users.id'], name=op.f('fk_minutes_comments_author_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['minutes_id'], ['minutes.id'], name=op.f('fk_minutes_comments_minutes_id_minutes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_minutes_comments'))
    )
    op.create_index(op.f('ix_minutes_comments_minutes_id'), 'minutes_comments', ['minutes_id'], unique=False)
    op.create_table('minutes_revisions',
    sa.Column('minutes_id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('status', sa.Enum('draft', 'circulated', 'approved', 'locked', name='minutes_revision_status', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=True),
    sa.Column('created_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('circulated_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('approved_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('approved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['approved_by_user_id'], ['users.id'], name=op.f('fk_minutes_revisions_approved_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['created_by_user_id'], ['users.id'], name=op.f('fk_minutes_revisions_created_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['minutes_id'], ['minutes.id'], name=op.f('fk_minutes_revisions_minutes_id_minutes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_minutes_revisions')),
    sa.UniqueConstraint('minutes_id', 'number', name=op.f('uq_minutes_revisions_minutes_id_number'))
    )
    op.create_table('speaking_turns',
    sa.Column('meeting_id', sa.Uuid(), nullable=False),
    sa.Column('seat_id', sa.Uuid(), nullable=False),
    sa.Column('agenda_item_id', sa.Uuid(), nullable=True),
    sa.Column('seconds', sa.Integer(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('recorded_by_user_id', sa.Uuid(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.CheckConstraint('seconds > 0', name=op.f('ck_speaking_turns_seconds_positive')),
    sa.ForeignKeyConstraint(['agenda_item_id'], ['agenda_items.id'], name=op.f('fk_speaking_turns_agenda_item_id_agenda_items'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_speaking_turns_meeting_id_meetings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_user_id'], ['users.id'], name=op.f('fk_speaking_turns_recorded_by_user_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['seat_id'], ['seats.id'], name=op.f('fk_speaking_turns_seat_id_seats'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_speaking_turns'))
    )
    op.create_index(op.f('ix_speaking_turns_meeting_id'), 'speaking_turns', ['meeting_id'], unique=False)
    op.create_index(op.f('ix_speaking_turns_seat_id'), 'speaking_turns', ['seat_id'], unique=False)

    if op.get_bind().dialect.name == "sqlite":
        # SQLite's full-text index; its rowid is search_entries.id. The text in it is prepared by
        # shulchan.search.text (Hebrew prefixes expanded); porter stems the English.
        op.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, tokenize='porter unicode61 remove_diacritics 2')"
        )

def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS search_fts")
    op.drop_index(op.f('ix_speaking_turns_seat_id'), table_name='speaking_turns')
    op.drop_index(op.f('ix_speaking_turns_meeting_id'), table_name='speaking_turns')
    op.drop_table('speaking_turns')
    op.drop_table('minutes_revisions')
    op.drop_index(op.f('ix_minutes_comments_minutes_id'), table_name='minutes_comments')
    op.drop_table('minutes_comments')
    op.drop_index(op.f('ix_endorsements_seat_id'), table_name='endorsements')
    op.drop_table('endorsements')
    op.drop_index(op.f('ix_decision_goals_goal_id'), table_name='decision_goals')
    op.drop_table('decision_goals')
    op.drop_index(op.f('ix_decision_events_decision_id'), table_name='decision_events')
    op.drop_table('decision_events')
    op.drop_index(op.f('ix_agenda_item_knowledge_knowledge_item_id'), table_name='agenda_item_knowledge')
    op.drop_table('agenda_item_knowledge')
    op.drop_index('ix_action_items_roundtable_id_status', table_name='action_items')
    op.drop_index('ix_action_items_owner_stakeholder_id_status', table_name='action_items')
    op.drop_index(op.f('ix_action_items_meeting_id'), table_name='action_items')
    op.drop_index(op.f('ix_action_items_decision_id'), table_name='action_items')
    op.drop_table('action_items')
    op.drop_index(op.f('ix_process_notes_meeting_id'), table_name='process_notes')
    op.drop_table('process_notes')
    op.drop_index(op.f('ix_minutes_roundtable_id'), table_name='minutes')
    op.drop_table('minutes')
    op.drop_table('knowledge_revisions')
    op.drop_index('ix_knowledge_links_target_type_target_id', table_name='knowledge_links')
    op.drop_table('knowledge_links')
    op.drop_index(op.f('ix_invitations_seat_id'), table_name='invitations')
    op.drop_table('invitations')
    op.drop_index('ix_decisions_roundtable_id_id', table_name='decisions')
    op.drop_index(op.f('ix_decisions_meeting_id'), table_name='decisions')
    op.drop_table('decisions')
    op.drop_index(op.f('ix_attendance_seat_id'), table_name='attendance')
    op.drop_table('attendance')
    op.drop_index(op.f('ix_attachments_knowledge_item_id'), table_name='attachments')
    op.drop_table('attachments')
    op.drop_index(op.f('ix_agenda_items_presenter_stakeholder_id'), table_name='agenda_items')
    op.drop_index('ix_agenda_items_meeting_id_position', table_name='agenda_items')
    op.drop_index(op.f('ix_agenda_items_goal_id'), table_name='agenda_items')
    op.drop_table('agenda_items')
    op.drop_index('ix_meetings_starts_at_id', table_name='meetings')
    op.drop_index('ix_meetings_roundtable_id_starts_at', table_name='meetings')
    op.drop_table('meetings')
    op.drop_index('ix_knowledge_items_roundtable_id_id', table_name='knowledge_items')
    op.drop_index(op.f('ix_knowledge_items_created_by_user_id'), table_name='knowledge_items')
    op.drop_table('knowledge_items')
    op.drop_index('ix_search_entries_roundtable_id', table_name='search_entries')
    op.drop_index('ix_search_entries_document', table_name='search_entries', postgresql_using='gin')
    op.drop_table('search_entries')
