"""What an API token may do: scopes name families of routes, read or write, and only ever narrow.

A token acts with its owner's roles (a person's seats, or a service account's grants). Its scopes
then narrow that twice:
- each API router belongs to one family, and `guard_scope` refuses a GET without `<family>:read`
  or any other method without `<family>:write` (403 insufficient_scope) before the route runs;
- the principal holds only the permissions of the families its scopes name (`scoped_permissions`),
  so no path that reaches another family's rule finds a permission there either.
Routes of no family (signing in, accounts, token management) refuse tokens altogether (403
token_not_allowed): a leaked token can neither mint another nor change a password.
"""

import re
from enum import StrEnum
from typing import Any

from fastapi import Depends, Request

from shulchan.access.dependencies import PrincipalDep
from shulchan.access.permissions import CallerKind, Permission, PlatformPermission
from shulchan.core.errors import Forbidden

_P = Permission
_PP = PlatformPermission


class Family(StrEnum):
    roundtables = "roundtables"  # roundtables, their goals and seats
    people = "people"  # sectors, organisations, stakeholders
    meetings = "meetings"  # meetings, agendas, invitations, attendance, process notes
    minutes = "minutes"
    decisions = "decisions"  # decisions, endorsements, action items
    knowledge = "knowledge"
    search = "search"
    audit = "audit"
    events = "events"  # the change feed


class Scope(StrEnum):
    roundtables_read = "roundtables:read"
    roundtables_write = "roundtables:write"
    people_read = "people:read"
    people_write = "people:write"
    meetings_read = "meetings:read"
    meetings_write = "meetings:write"
    minutes_read = "minutes:read"
    minutes_write = "minutes:write"
    decisions_read = "decisions:read"
    decisions_write = "decisions:write"
    knowledge_read = "knowledge:read"
    knowledge_write = "knowledge:write"
    search_read = "search:read"
    audit_read = "audit:read"
    events_read = "events:read"  # the change feed, filtered further by the read scopes above
    # Reserved for exports and webhooks (issue 9); no route needs them yet.
    exports_read = "exports:read"
    webhooks_manage = "webhooks:manage"


READ_SCOPES = frozenset(scope for scope in Scope if scope.value.endswith(":read"))
# A service account reads and is told; it never changes meeting data, whose every change the audit
# trail attributes to a person.
SERVICE_ACCOUNT_SCOPES = READ_SCOPES | {Scope.webhooks_manage}

FAMILY_PERMISSIONS: dict[Family, frozenset[Permission | PlatformPermission]] = {
    Family.roundtables: frozenset(
        {_P.roundtable_edit, _P.seats_manage, _P.seats_assign_facilitator, _PP.roundtables_create}
    ),
    Family.people: frozenset(
        {_PP.sectors_manage, _PP.organisations_manage, _PP.stakeholders_manage, _PP.stakeholders_contact_view}
    ),
    Family.meetings: frozenset(
        {
            _P.meetings_manage,
            _P.agenda_propose,
            _P.rsvp_own,
            _P.attendance_record,
            _P.attendance_view,
            _P.speaking_turns_record,
            _P.process_notes_manage,
        }
    ),
    Family.minutes: frozenset(
        {_P.minutes_write, _P.minutes_comment, _P.minutes_approve, _P.minutes_read_draft, _P.public_summary_publish}
    ),
    Family.decisions: frozenset(
        {
            _P.decisions_propose,
            _P.decisions_steer,
            _P.decisions_adopt,
            _P.decisions_endorse,
            _P.action_items_manage,
            _P.action_items_update_own,
            _P.reports_full,
            _P.reports_summary,
        }
    ),
    Family.knowledge: frozenset(
        {_P.knowledge_add, _P.knowledge_edit_any, _P.knowledge_facilitators, _PP.knowledge_library_manage}
    ),
    Family.search: frozenset(),
    Family.audit: frozenset({_P.audit_view, _PP.audit_view_all}),
    Family.events: frozenset(),
}
TOKEN_PREFIX = "shl_"  # every API token's (integrations.token_format)
_SCOPE_FORM = re.compile(r"^(?P<family>[a-z_]+):(?P<access>read|write|manage)$")


def scoped_permissions(scopes: frozenset[Scope]) -> frozenset[Permission | PlatformPermission]:
    """The permissions a token with these scopes may use (always seeing the roundtable it reads)."""
    granted: set[Permission | PlatformPermission] = {_P.roundtable_view}
    for scope in scopes:
        family = _SCOPE_FORM.match(scope.value)
        if family and family["family"] in Family.__members__:
            granted |= FAMILY_PERMISSIONS[Family(family["family"])]
    if Scope.webhooks_manage in scopes:
        granted.add(_P.webhooks_manage)
    return frozenset(granted)


def required_scope(family: Family, method: str) -> Scope | None:
    """The scope a request needs; None when the family has no such access (search and audit are read-only)."""
    access = "read" if method in {"GET", "HEAD"} else "write"
    try:
        return Scope(f"{family.value}:{access}")
    except ValueError:
        return None


def _presents_api_token(request: Request) -> bool:
    scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and credentials.strip().startswith(TOKEN_PREFIX)


async def _refuse_api_tokens(request: Request) -> None:
    # From the header alone: these routes (signing in among them) must not open a session to find out
    # who is calling before they do.
    if _presents_api_token(request):
        raise Forbidden("API tokens may not use this operation; sign in as a person.", code="token_not_allowed")


def guard_scope(family: Family | None) -> Any:
    """A router's dependency: token callers need the scope of its family; people are not narrowed."""
    if family is None:
        return Depends(_refuse_api_tokens)

    async def guard(request: Request, principal: PrincipalDep) -> None:
        if principal.kind != CallerKind.token:
            return
        needed = required_scope(family, request.method)
        if needed is None or needed.value not in principal.scopes_granted:
            raise Forbidden(
                f"This token lacks the '{needed or family.value + ':read'}' scope.",
                code="insufficient_scope",
                extra={"required_scope": needed.value if needed else None},
            )

    return Depends(guard)
