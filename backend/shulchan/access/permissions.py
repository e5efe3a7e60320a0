"""Who may do what: the one place that maps roles to permissions (DESIGN.md §3), and the principal.

Two kinds of permission:
- roundtable permissions come from the caller's seats (roles are per roundtable);
- platform permissions come from the admin flag, or from being facilitation staff anywhere.

Services ask three questions of this module: which roundtables may this principal see (to scope
lists), fetch-or-404 (objects the caller may not see do not exist for them), and require-or-403.
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, false, true
from sqlalchemy.orm import QueryableAttribute

from shulchan.core.errors import Forbidden, NotFound, Unauthorized
from shulchan.core.models import Language

# A mapped attribute (Model.column) or a column expression.
SQLColumn = QueryableAttribute[Any] | ColumnElement[Any]


class Role(StrEnum):
    """A seat's role at one roundtable; roles are per roundtable, never platform-wide."""

    facilitator = "facilitator"
    host = "host"
    member = "member"
    observer = "observer"


class Permission(StrEnum):
    roundtable_view = "roundtable:view"
    roundtable_edit = "roundtable:edit"
    seats_manage = "seats:manage"
    seats_assign_facilitator = "seats:assign_facilitator"
    audit_view = "audit:view"
    meetings_manage = "meetings:manage"
    agenda_propose = "agenda:propose"
    rsvp_own = "rsvp:own"
    attendance_record = "attendance:record"
    attendance_view = "attendance:view"
    speaking_turns_record = "speaking_turns:record"
    process_notes_manage = "process_notes:manage"
    minutes_write = "minutes:write"
    minutes_comment = "minutes:comment"
    minutes_approve = "minutes:approve"
    minutes_read_draft = "minutes:read_draft"
    public_summary_publish = "public_summary:publish"
    decisions_propose = "decisions:propose"
    decisions_steer = "decisions:steer"
    decisions_adopt = "decisions:adopt"
    decisions_endorse = "decisions:endorse"
    action_items_manage = "action_items:manage"
    action_items_update_own = "action_items:update_own"
    knowledge_add = "knowledge:add"
    knowledge_edit_any = "knowledge:edit_any"
    knowledge_facilitators = "knowledge:facilitators"
    reports_full = "reports:full"
    reports_summary = "reports:summary"
    webhooks_manage = "webhooks:manage"


class PlatformPermission(StrEnum):
    users_manage = "users:manage"
    sectors_manage = "sectors:manage"
    organisations_manage = "organisations:manage"
    stakeholders_manage = "stakeholders:manage"
    stakeholders_contact_view = "stakeholders:contact_view"
    roundtables_create = "roundtables:create"
    audit_view_all = "audit:view_all"
    knowledge_library_manage = "knowledge_library:manage"


_P = Permission
_SEATED = {_P.roundtable_view, _P.rsvp_own}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.facilitator: frozenset(Permission) - {_P.decisions_adopt},
    Role.host: frozenset(
        _SEATED
        | {
            _P.roundtable_edit,
            _P.seats_manage,
            _P.audit_view,
            _P.meetings_manage,
            _P.attendance_view,
            _P.minutes_comment,
            _P.minutes_approve,
            _P.minutes_read_draft,
            _P.public_summary_publish,
            _P.decisions_propose,
            _P.decisions_adopt,
            _P.decisions_endorse,
            _P.action_items_manage,
            _P.action_items_update_own,
            _P.knowledge_add,
            _P.reports_full,
            _P.webhooks_manage,
        }
    ),
    Role.member: frozenset(
        _SEATED
        | {
            _P.agenda_propose,
            _P.minutes_comment,
            _P.decisions_propose,
            _P.decisions_endorse,
            _P.action_items_update_own,
            _P.knowledge_add,
            _P.reports_summary,
        }
    ),
    Role.observer: frozenset(_SEATED),
}

# Platform permissions that follow from holding a seat in some role anywhere: facilitation staff
# set up roundtables and the people and organisations around them; hosts add the people they seat.
STAFF_PLATFORM_PERMISSIONS: dict[Role, frozenset[PlatformPermission]] = {
    Role.facilitator: frozenset(
        {
            PlatformPermission.roundtables_create,
            PlatformPermission.organisations_manage,
            PlatformPermission.stakeholders_manage,
            PlatformPermission.stakeholders_contact_view,
            PlatformPermission.knowledge_library_manage,
        }
    ),
    Role.host: frozenset({PlatformPermission.stakeholders_manage, PlatformPermission.stakeholders_contact_view}),
}


@dataclass(frozen=True)
class CurrentUser:
    """The signed-in user as read for this request: plain values, not an ORM object to change."""

    id: uuid.UUID
    email: str
    full_name: str
    preferred_language: Language
    is_active: bool
    is_platform_admin: bool
    created_at: datetime
    version: int


class CallerKind(StrEnum):
    anonymous = "anonymous"
    user = "user"  # a person signed in through the web app or the password grant
    token = "token"  # a machine caller presenting an API token (personal or service account)


@dataclass(frozen=True)
class Principal:
    """Who is calling: a signed-in user with their seats, a machine caller, or the anonymous public.

    A machine caller acts with the roles it was given (or its owner's) and may be narrowed by
    `scopes`: a permission outside them is never held, whatever the roles say (DESIGN.md §3).
    """

    kind: CallerKind = CallerKind.anonymous
    user: CurrentUser | None = None
    session_id: uuid.UUID | None = None
    token_id: uuid.UUID | None = None
    roles: dict[uuid.UUID, frozenset[Role]] = field(default_factory=dict)
    stakeholder_ids: frozenset[uuid.UUID] = frozenset()
    scopes: frozenset[Permission | PlatformPermission] | None = None  # None: not narrowed
    scopes_granted: frozenset[str] = frozenset()  # a token's own scopes, as its owner named them

    @property
    def is_authenticated(self) -> bool:
        return self.kind != CallerKind.anonymous

    @property
    def is_admin(self) -> bool:
        return self.user is not None and self.user.is_platform_admin

    @property
    def user_id(self) -> uuid.UUID | None:
        return self.user.id if self.user else None

    def roles_in(self, roundtable_id: uuid.UUID) -> frozenset[Role]:
        return self.roles.get(roundtable_id, frozenset())

    def permissions_in(self, roundtable_id: uuid.UUID) -> frozenset[Permission]:
        granted = frozenset(Permission) if self.is_admin else permissions_for_roles(self.roles_in(roundtable_id))
        return granted if self.scopes is None else granted & self.scopes

    def can(self, permission: Permission, roundtable_id: uuid.UUID) -> bool:
        return permission in self.permissions_in(roundtable_id)

    @property
    def platform_permissions(self) -> frozenset[PlatformPermission]:
        if self.is_admin:
            granted = frozenset(PlatformPermission)
        else:
            held = {role for roles in self.roles.values() for role in roles}
            granted = frozenset(p for role in held for p in STAFF_PLATFORM_PERMISSIONS.get(role, ()))
        return granted if self.scopes is None else granted & self.scopes

    def can_platform(self, permission: PlatformPermission) -> bool:
        return permission in self.platform_permissions


ANONYMOUS = Principal()


def permissions_for_roles(roles: Iterable[Role]) -> frozenset[Permission]:
    granted: set[Permission] = set()
    for role in roles:
        granted |= ROLE_PERMISSIONS[role]
    return frozenset(granted)


def seated_roundtables_clause(principal: Principal, column: SQLColumn, permission: Permission) -> ColumnElement[bool]:
    """A WHERE clause on a roundtable-id column keeping rows of roundtables where P is held."""
    if principal.is_admin:
        return true()
    allowed = [rt for rt in principal.roles if principal.can(permission, rt)]
    return column.in_(allowed) if allowed else false()


def require(principal: Principal, permission: Permission, roundtable_id: uuid.UUID) -> None:
    """401 for the anonymous, 403 unless the permission is held there (visibility is checked first)."""
    require_authenticated(principal)
    if not principal.can(permission, roundtable_id):
        raise Forbidden(f"This needs the '{permission.value}' permission in this roundtable.")


def require_platform(principal: Principal, permission: PlatformPermission) -> None:
    require_authenticated(principal)
    if not principal.can_platform(permission):
        raise Forbidden(f"This needs the platform permission '{permission.value}'.")


def require_authenticated(principal: Principal) -> None:
    if not principal.is_authenticated:
        raise Unauthorized("Sign in to do this.")


def require_visible(principal: Principal, permission: Permission, roundtable_id: uuid.UUID, what: str) -> None:
    """404 unless the permission is held there: for objects that do not exist for those who may not see them."""
    if not principal.can(permission, roundtable_id):
        raise NotFound(f"No {what} with this id is visible to you.")
