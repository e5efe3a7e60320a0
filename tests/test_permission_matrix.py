"""The permission matrix: every route × every caller × own/foreign roundtable (DESIGN.md §3).

EXPECTED is the one readable statement of who may do what over HTTP. Each row gives the answer for
seven callers, in this order:

    anon  outs  obsv  memb  host  faci  admn
    anonymous, outsider, observer, member, host, facilitator, admin

- anonymous: no token. outsider: signed in, no seat anywhere. observer, member, host, facilitator: people
  holding those seats at the cast's own roundtable (tests/decision_factories.py `make_cast`, built once
  for this module, not the demo world). admin: a platform admin.
- "own" aims the request at the cast's public roundtable (where those four sit); "foreign" at its
  internal one (none of them sits there). Routes that are not about one roundtable
  use `anywhere(...)`: their request names no roundtable, so it is made once, not once per target.
- 401: a permission is needed and the caller is anonymous. 403: the caller sees the object but may not
  change it. 404: the caller may not see it — an internal roundtable without a seat does not exist for
  them, not even to write to. 200/201/204: done. A few cells answer with a problem code of their own
  (or a 409): SPECIAL_CODES lists them, each with its reason.
- A row is keyed by the route's operationId; "operation:variant" rows call the same route on an object
  in another state (someone else's item, a different visibility, ...), where the answers differ.

A route added to the app without a row here fails `test_every_route_has_a_row`; each row needs a
request builder in BUILDERS that sets up what a permitted caller needs to succeed (so a success cell
means the whole request went through, not just the permission check).
"""

import functools
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
from conftest import MATRIX_PASSWORD
from decision_factories import Cast
from fastapi.routing import APIRoute, iter_route_contexts
from helpers import api_token, bearer, make_ministry
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.core.config import Settings
from shulchan.core.errors import PROBLEM_MEDIA_TYPE
from shulchan.core.models import Language
from shulchan.decisions.models import ActionItem, Decision, DecisionKind, DecisionStatus
from shulchan.identity.models import User
from shulchan.integrations.models import ApiToken, ServiceAccount, ServiceAccountGrant
from shulchan.knowledge import files
from shulchan.knowledge.models import Attachment, KnowledgeItem, KnowledgeKind, KnowledgeRevision, KnowledgeVisibility
from shulchan.meetings.models import (
    AgendaItem,
    AgendaItemStatus,
    Invitation,
    Meeting,
    MeetingMode,
    MeetingStatus,
    ProcessNote,
)
from shulchan.minutes.models import Minutes, MinutesRevision, MinutesStatus
from shulchan.roundtables.models import Goal, Role, Seat
from shulchan.stakeholders.models import Stakeholder

PASSWORD = MATRIX_PASSWORD
ROLES = ("anonymous", "outsider", "observer", "member", "host", "facilitator", "admin")
ANYWHERE = "anywhere"  # the target of a row whose request names no roundtable: asked once, not twice


def anywhere(row: str) -> dict[str, str]:
    """A route that is not about one roundtable: one request, the same whichever roundtable is 'ours'."""
    return {ANYWHERE: row}


# fmt: off
EXPECTED: dict[str, dict[str, str]] = {
    #                                                   anon  outs  obsv  memb  host  faci  admn
    # --- auth: signing in and refreshing need no token; signing out ends the caller's own sign-in
    "sign_in":                         anywhere(       "200   200   200   200   200   200   200"),
    "refresh_tokens":                  anywhere(       "200   200   200   200   200   200   200"),
    "sign_out":                        anywhere(       "401   204   204   204   204   204   204"),
    # --- me: any signed-in user, about themselves
    "get_me":                          anywhere(       "401   200   200   200   200   200   200"),
    "update_me":                       anywhere(       "401   200   200   200   200   200   200"),
    "change_my_password":              anywhere(       "401   204   204   204   204   204   204"),
    # --- users: platform admins only
    "list_users":                      anywhere(       "401   403   403   403   403   403   200"),
    "create_user":                     anywhere(       "401   403   403   403   403   403   201"),
    "get_user":                        anywhere(       "401   403   403   403   403   403   200"),
    "update_user":                     anywhere(       "401   403   403   403   403   403   200"),
    # --- API tokens: every signed-in person makes and revokes their own
    "list_my_api_tokens":              anywhere(       "401   200   200   200   200   200   200"),
    "create_my_api_token":             anywhere(       "401   201   201   201   201   201   201"),
    "revoke_my_api_token":             anywhere(       "401   204   204   204   204   204   204"),
    # --- service accounts and their tokens: platform admins only
    "list_service_accounts":           anywhere(       "401   403   403   403   403   403   200"),
    "create_service_account":          anywhere(       "401   403   403   403   403   403   201"),
    "get_service_account":             anywhere(       "401   403   403   403   403   403   200"),
    "update_service_account":          anywhere(       "401   403   403   403   403   403   200"),
    "list_service_account_tokens":     anywhere(       "401   403   403   403   403   403   200"),
    "create_service_account_token":    anywhere(       "401   403   403   403   403   403   201"),
    "revoke_service_account_token":    anywhere(       "401   403   403   403   403   403   204"),
    # --- sectors: public to read, platform admins change
    "list_sectors":                    anywhere(       "200   200   200   200   200   200   200"),
    "create_sector":                   anywhere(       "401   403   403   403   403   403   201"),
    "get_sector":                      anywhere(       "200   200   200   200   200   200   200"),
    "update_sector":                   anywhere(       "401   403   403   403   403   403   200"),
    # --- organisations: public to read; facilitators (a facilitator seat anywhere) and admins change
    "list_organisations":              anywhere(       "200   200   200   200   200   200   200"),
    "create_organisation":             anywhere(       "401   403   403   403   403   201   201"),
    "get_organisation":                anywhere(       "200   200   200   200   200   200   200"),
    "update_organisation":             anywhere(       "401   403   403   403   403   200   200"),
    # --- stakeholders: signed-in users read; hosts and facilitators (such a seat anywhere) and admins change
    "list_stakeholders":               anywhere(       "401   200   200   200   200   200   200"),
    "create_stakeholder":              anywhere(       "401   403   403   403   201   201   201"),
    "get_stakeholder":                 anywhere(       "401   200   200   200   200   200   200"),
    "update_stakeholder":              anywhere(       "401   403   403   403   200   200   200"),
    # --- roundtables: lists show what the caller may see; facilitators and admins open new ones
    "list_roundtables":                anywhere(       "200   200   200   200   200   200   200"),
    "create_roundtable":               anywhere(       "401   403   403   403   403   201   201"),
    # --- one roundtable: see it (public, or a seat there); edit it and its goals (host, facilitator)
    "get_roundtable":                  {"own":         "200   200   200   200   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "update_roundtable":               {"own":         "401   403   403   403   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "transition_roundtable":           {"own":         "401   403   403   403   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "get_composition":                 {"own":         "200   200   200   200   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "list_goals":                      {"own":         "200   200   200   200   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "create_goal":                     {"own":         "401   403   403   403   201   201   201",
                                        "foreign":     "404   404   404   404   404   404   201"},
    "get_goal":                        {"own":         "200   200   200   200   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "update_goal":                     {"own":         "401   403   403   403   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "delete_goal":                     {"own":         "401   403   403   403   204   204   204",
                                        "foreign":     "404   404   404   404   404   404   204"},
    # --- seats: see them with the roundtable; manage them (host, facilitator)
    "list_seats":                      {"own":         "200   200   200   200   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "create_seat":                     {"own":         "401   403   403   403   201   201   201",
                                        "foreign":     "404   404   404   404   404   404   201"},
    "get_seat":                        {"own":         "200   200   200   200   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "update_seat":                     {"own":         "401   403   403   403   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "delete_seat":                     {"own":         "401   403   403   403   204   204   204",
                                        "foreign":     "404   404   404   404   404   404   204"},
    # --- audit: a roundtable's trail (host, facilitator); everything (platform admins)
    "list_roundtable_audit":           {"own":         "401   403   403   403   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "list_audit":                      anywhere(       "401   403   403   403   403   403   200"),
    # --- the change feed: any signed-in caller, about the roundtables where they sit (outsiders: nothing)
    "list_events":                     anywhere(       "401   200   200   200   200   200   200"),
    # --- health: for load balancers, no token
    "healthz":                         anywhere(       "200   200   200   200   200   200   200"),
    "readyz":                          anywhere(       "200   200   200   200   200   200   200"),
    # --- meetings: only the roundtable's seats see them, even at a public roundtable (§3 gives the public its
    #     composition, public summaries and adopted decisions, not its meetings); lists ask for a sign-in first.
    #     Hosts and facilitators schedule and change them.
    "list_meetings":                   {"own":         "401   404   200   200   200   200   200",
                                        "foreign":     "401   404   404   404   404   404   200"},
    "list_roundtable_meetings":        {"own":         "401   404   200   200   200   200   200",
                                        "foreign":     "401   404   404   404   404   404   200"},
    "create_meeting":                  {"own":         "401   403   403   403   201   201   201",
                                        "foreign":     "404   404   404   404   404   404   201"},
    "get_meeting":                     {"own":         "404   404   200   200   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "update_meeting":                  {"own":         "404   404   403   403   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "transition_meeting":              {"own":         "404   404   403   403   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    # --- agenda: seen with its meeting; members propose items (they arrive as `proposed`), hosts and facilitators
    #     add, edit, order, accept and remove them
    "get_agenda":                      {"own":         "404   404   200   200   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "create_agenda_item":              {"own":         "404   404   403   201   201   201   201",
                                        "foreign":     "404   404   404   404   404   404   201"},
    "reorder_agenda":                  {"own":         "404   404   403   403   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "get_agenda_item":                 {"own":         "404   404   200   200   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "update_agenda_item":              {"own":         "404   404   403   403   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "delete_agenda_item":              {"own":         "404   404   403   403   204   204   204",
                                        "foreign":     "404   404   404   404   404   404   204"},
    "review_agenda_item":              {"own":         "404   404   403   403   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    # --- participation: every seat answers its own invitation (the admin holds none: 409, see SPECIAL_CODES);
    #     hosts read attendance, facilitators record it; speaking turns are the facilitator's alone
    "list_invitations":                {"own":         "404   404   200   200   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "invite_seats":                    {"own":         "404   404   403   403   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "rsvp":                            {"own":         "404   404   200   200   200   200   409",
                                        "foreign":     "404   404   404   404   404   404   409"},
    "get_attendance":                  {"own":         "404   404   403   403   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "record_attendance":               {"own":         "404   404   403   403   403   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "get_roundtable_attendance":       {"own":         "404   404   403   403   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "get_speaking_report":             {"own":         "404   404   403   403   403   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "add_speaking_turn":               {"own":         "404   404   403   403   403   201   201",
                                        "foreign":     "404   404   404   404   404   404   201"},
    # --- process notes: the facilitator's private journal does not exist for anyone else (404, never 403)
    "list_process_notes":              {"own":         "404   404   404   404   404   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "create_process_note":             {"own":         "404   404   404   404   404   201   201",
                                        "foreign":     "404   404   404   404   404   404   201"},
    "get_process_note":                {"own":         "404   404   404   404   404   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "update_process_note":             {"own":         "404   404   404   404   404   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "delete_process_note":             {"own":         "404   404   404   404   404   204   204",
                                        "foreign":     "404   404   404   404   404   404   204"},
    # --- minutes: seats read them once circulated, drafts only hosts and facilitators (404 for the rest);
    #     facilitators write and circulate, hosts and facilitators approve, members comment too.
    #     The state each row starts from is in its builder.
    "create_minutes":                  {"own":         "404   404   403   403   403   201   201",
                                        "foreign":     "404   404   404   404   404   404   201"},
    "get_meeting_minutes":             {"own":         "404   404   200   200   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "get_minutes":                     {"own":         "404   404   404   404   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "update_minutes":                  {"own":         "404   404   404   404   403   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "transition_minutes":              {"own":         "404   404   403   403   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "transition_minutes:circulate":    {"own":         "404   404   404   404   403   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "correct_minutes":                 {"own":         "404   404   403   403   403   201   201",
                                        "foreign":     "404   404   404   404   404   404   201"},
    "get_minutes_revision":            {"own":         "404   404   200   200   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "diff_minutes":                    {"own":         "404   404   200   200   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "list_minutes_comments":           {"own":         "404   404   200   200   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "add_minutes_comment":             {"own":         "404   404   403   201   201   201   201",
                                        "foreign":     "404   404   404   404   404   404   201"},
    "set_public_summary":              {"own":         "404   404   403   403   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "list_public_summaries":           {"own":         "200   200   200   200   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    # --- decisions: seats see all of their roundtable's, everyone the adopted ones of a public roundtable;
    #     facilitators steer, only the government host adopts (§3: not the facilitator; the admin may);
    #     endorsing needs a seat of one's own (the admin holds none: 403 no_own_seat, see SPECIAL_CODES)
    "list_decisions":                  {"own":         "200   200   200   200   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "create_decision":                 {"own":         "401   403   403   201   201   201   201",
                                        "foreign":     "404   404   404   404   404   404   201"},
    "get_decision":                    {"own":         "200   200   200   200   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "get_decision:proposed":           {"own":         "404   404   200   200   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "update_decision":                 {"own":         "404   404   403   403   403   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "transition_decision":             {"own":         "404   404   403   403   200   403   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "endorse_decision":                {"own":         "404   404   403   200   200   200   403",
                                        "foreign":     "404   404   404   404   404   404   403"},
    "get_goal_progress":               {"own":         "200   200   200   200   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    # --- action items: seen by seats; hosts and facilitators manage them; an owner who is a member changes the
    #     status of their own item, nothing else (403 owner_status_only, see SPECIAL_CODES). The list asked for
    #     one roundtable is filtered to the caller's seats, never 404 (unlike the lists of meetings, decisions
    #     and knowledge): outsiders and the foreign roundtable get an empty page.
    "list_action_items":               {"own":         "401   404   200   200   200   200   200",
                                        "foreign":     "401   404   404   404   404   404   200"},
    "create_action_item":              {"own":         "401   403   403   403   201   201   201",
                                        "foreign":     "404   404   404   404   404   404   201"},
    "get_action_item":                 {"own":         "404   404   200   200   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "update_action_item":              {"own":         "404   404   403   200   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "update_action_item:title":        {"own":         "404   404   403   403   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "update_action_item:not_own":      {"own":         "404   404   403   403   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "get_follow_up":                   {"own":         "404   404   200   200   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    # --- knowledge: visibility public (everyone, at a public roundtable) | roundtable (its seats) |
    #     facilitators; members and hosts add and edit their own, facilitators edit and archive any
    "list_knowledge_items":            {"own":         "200   200   200   200   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "create_knowledge_item":           {"own":         "401   403   403   201   201   201   201",
                                        "foreign":     "401   404   404   404   404   404   201"},
    "get_knowledge_item":              {"own":         "404   404   200   200   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "get_knowledge_item:public":       {"own":         "200   200   200   200   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "get_knowledge_item:facilitators": {"own":         "404   404   404   404   404   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "update_knowledge_item":           {"own":         "404   404   403   200   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "update_knowledge_item:not_own":   {"own":         "404   404   403   403   403   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "archive_knowledge_item":          {"own":         "404   404   403   403   403   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "unarchive_knowledge_item":        {"own":         "404   404   403   403   403   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "list_knowledge_revisions":        {"own":         "404   404   200   200   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "get_knowledge_revision":          {"own":         "404   404   200   200   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "diff_knowledge_revisions":        {"own":         "404   404   200   200   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "upload_attachment":               {"own":         "404   404   403   201   201   201   201",
                                        "foreign":     "404   404   404   404   404   404   201"},
    "download_attachment":             {"own":         "404   404   200   200   200   200   200",
                                        "foreign":     "404   404   404   404   404   404   200"},
    "delete_attachment":               {"own":         "404   404   403   204   204   204   204",
                                        "foreign":     "404   404   404   404   404   404   204"},
    # --- search: anyone, about any roundtable; the hits are only what the caller may see
    "search":                          {"own":         "200   200   200   200   200   200   200",
                                        "foreign":     "200   200   200   200   200   200   200"},
}
# fmt: on

PROBLEM_CODES = {401: "not_authenticated", 403: "forbidden", 404: "not_found"}
# Cells whose problem is more specific than the status's usual code: (row, role) -> (status, code).
SPECIAL_CODES: dict[tuple[str, str], tuple[int, str]] = {
    # Endorsing is for one's own seat. The admin holds no seat anywhere, so although every permission is
    # theirs there is no seat to endorse for: 403 with the code that says so, not a plain "forbidden".
    ("endorse_decision", "admin"): (403, "no_own_seat"),
    # Answering an invitation is for one's own seat too, and nothing invited the seatless admin; but here the
    # service answers 409 not_invited (what a seat gets before it is invited), where endorsing says 403.
    ("rsvp", "admin"): (409, "not_invited"),
    # The member owns the item and may update it, but an owner who does not manage action items changes
    # its status only.
    ("update_action_item:title", "member"): (403, "owner_status_only"),
}
SUCCESS = {200, 201, 204}
ANSWERS = SUCCESS | set(PROBLEM_CODES) | {409}


def operation_of(row: str) -> str:
    """The operationId a row exercises: "get_decision:proposed" -> "get_decision"."""
    return row.split(":", 1)[0]


def expected_status(row: str, target: str, role: str) -> int:
    return int(EXPECTED[row][target].split()[ROLES.index(role)])


def expected_code(row: str, status: int, role: str) -> str:
    special = SPECIAL_CODES.get((row, role))
    if special and special[0] == status:
        return special[1]
    return PROBLEM_CODES[status]


# --- request builders ---------------------------------------------------------------------------------


@dataclass
class Setup:
    """What a builder gets: the test's client and database session, the cast, who calls, and where.

    Builders add rows through `db` and flush them; the test commits once after the builder has run.
    """

    client: httpx.AsyncClient
    db: AsyncSession
    cast: Cast
    role: str
    roundtable_id: uuid.UUID
    settings: Settings  # the app's own (attachments are stored where the app reads them)

    def rt(self, suffix: str = "") -> str:
        return f"/api/v1/roundtables/{self.roundtable_id}{suffix}"

    @property
    def public(self) -> bool:
        return self.roundtable_id == self.cast.roundtable.id

    @property
    def caller_id(self) -> uuid.UUID | None:
        """The calling user's id (None for the anonymous caller)."""
        return None if self.role == "anonymous" else self.cast.users[self.role].id

    @property
    def caller_stakeholder_id(self) -> uuid.UUID:
        """The caller's own stakeholder where they have a seat at the own roundtable, else the member's."""
        seated = self.role in ("observer", "member", "host", "facilitator")
        return self.cast.stakeholders[self.role if seated else "member"]

    @property
    def someone_else_id(self) -> uuid.UUID:
        """A user who is none of the callers: the second facilitator."""
        return self.cast.users["facilitator2"].id


@dataclass
class Call:
    method: str
    url: str
    json: Any = None
    data: dict[str, str] | None = None
    params: dict[str, str] | None = None
    files: dict[str, tuple[str, bytes, str]] | None = None
    headers: dict[str, str] | None = None


def if_match(obj: Any) -> dict[str, str]:
    """The texts people edit together require If-Match (428 without it)."""
    return {"If-Match": f'"{obj.version}"'}


Builder = Callable[[Setup], Awaitable[Call]]
BUILDERS: dict[str, Builder] = {}


def builds(operation: str) -> Callable[[Builder], Builder]:
    def register(builder: Builder) -> Builder:
        BUILDERS[operation] = builder
        return builder

    return register


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def fixed(method: str, url: str, json: Any = None) -> Builder:
    """A builder for a request that needs nothing set up first."""

    async def build(_setup: Setup) -> Call:
        return Call(method, url, json=json)

    return build


async def signer_credentials(setup: Setup) -> dict[str, str]:
    """The caller's own email and password; an anonymous caller signs in as the member."""
    user_key = "member" if setup.role == "anonymous" else setup.role
    return {"username": setup.cast.users[user_key].email, "password": PASSWORD}


async def new_goal(setup: Setup) -> uuid.UUID:
    goal = Goal(roundtable_id=setup.roundtable_id, title=unique("goal"), description="For the permission matrix.")
    setup.db.add(goal)
    await setup.db.commit()
    return goal.id


async def new_stakeholder(setup: Setup) -> uuid.UUID:
    """Someone with no seat anywhere, in a civil-society organisation (so the seat's sector follows)."""
    stakeholder = Stakeholder(full_name=unique("person"), organisation_id=setup.cast.organisations["civil_society"])
    setup.db.add(stakeholder)
    await setup.db.commit()
    return stakeholder.id


async def new_member_seat(setup: Setup) -> uuid.UUID:
    seat = Seat(
        roundtable_id=setup.roundtable_id,
        stakeholder_id=await new_stakeholder(setup),
        role=Role.member,
        sector_id=setup.cast.sectors["civil_society"],
        started_on=date(2020, 1, 1),
    )
    setup.db.add(seat)
    await setup.db.commit()
    return seat.id


# auth and me


@builds("sign_in")
async def _sign_in(setup: Setup) -> Call:
    return Call("POST", "/api/v1/auth/token", data=await signer_credentials(setup))


@builds("refresh_tokens")
async def _refresh_tokens(setup: Setup) -> Call:
    signed_in = await setup.client.post("/api/v1/auth/token", data=await signer_credentials(setup))
    assert signed_in.status_code == 200, signed_in.text
    return Call("POST", "/api/v1/auth/refresh", json={"refresh_token": signed_in.json()["refresh_token"]})


@builds("change_my_password")
async def _change_my_password(setup: Setup) -> Call:
    if setup.role != "anonymous":
        await signer_credentials(setup)  # the outsider needs a password to change
    body = {"current_password": PASSWORD, "new_password": "a-brand-new-password"}
    return Call("POST", "/api/v1/me/password", json=body)


BUILDERS["sign_out"] = fixed("POST", "/api/v1/auth/logout")
BUILDERS["get_me"] = fixed("GET", "/api/v1/me")
BUILDERS["update_me"] = fixed("PATCH", "/api/v1/me", {"preferred_language": "en"})


# users, sectors, organisations, stakeholders, roundtables (not about one roundtable)

BUILDERS["list_users"] = fixed("GET", "/api/v1/users")
BUILDERS["list_sectors"] = fixed("GET", "/api/v1/sectors")
BUILDERS["list_organisations"] = fixed("GET", "/api/v1/organisations")
BUILDERS["list_stakeholders"] = fixed("GET", "/api/v1/stakeholders")
BUILDERS["list_roundtables"] = fixed("GET", "/api/v1/roundtables")
BUILDERS["list_audit"] = fixed("GET", "/api/v1/audit")
BUILDERS["healthz"] = fixed("GET", "/healthz")
BUILDERS["readyz"] = fixed("GET", "/readyz")


@builds("create_user")
async def _create_user(setup: Setup) -> Call:
    body = {"email": f"{unique('new')}@example.org", "full_name": "New Person", "password": "long-enough-password"}
    return Call("POST", "/api/v1/users", json=body)


@builds("get_user")
async def _get_user(setup: Setup) -> Call:
    return Call("GET", f"/api/v1/users/{setup.cast.users['member'].id}")


@builds("update_user")
async def _update_user(setup: Setup) -> Call:
    return Call("PATCH", f"/api/v1/users/{setup.cast.users['member'].id}", json={"full_name": "Renamed Member"})


@builds("list_events")
async def _list_events(_setup: Setup) -> Call:
    return Call("GET", "/api/v1/events", params={"after": "0", "limit": "5"})


@builds("list_my_api_tokens")
async def _list_my_api_tokens(_setup: Setup) -> Call:
    return Call("GET", "/api/v1/me/api-tokens")


@builds("create_my_api_token")
async def _create_my_api_token(_setup: Setup) -> Call:
    return Call("POST", "/api/v1/me/api-tokens", json={"name": "sync", "scopes": ["meetings:read"]})


@builds("revoke_my_api_token")
async def _revoke_my_api_token(setup: Setup) -> Call:
    """The caller's own token (the member's, for the anonymous caller)."""
    owner = await setup.db.get(User, setup.caller_id or setup.cast.users["member"].id)
    await api_token(setup.db, "meetings:read", user=owner)
    token_id = await setup.db.scalar(select(ApiToken.id).where(ApiToken.user_id == owner.id).limit(1))  # type: ignore[union-attr]
    return Call("DELETE", f"/api/v1/me/api-tokens/{token_id}")


async def _service_account(setup: Setup) -> ServiceAccount:
    account = ServiceAccount(name=unique("warehouse"))
    setup.db.add(account)
    await setup.db.flush()
    setup.db.add(
        ServiceAccountGrant(service_account_id=account.id, roundtable_id=setup.roundtable_id, role=Role.observer)
    )
    await setup.db.flush()
    return account


@builds("list_service_accounts")
async def _list_service_accounts(_setup: Setup) -> Call:
    return Call("GET", "/api/v1/service-accounts")


@builds("create_service_account")
async def _create_service_account(setup: Setup) -> Call:
    grants = [{"roundtable_id": str(setup.roundtable_id), "role": "observer"}]
    return Call("POST", "/api/v1/service-accounts", json={"name": unique("warehouse"), "grants": grants})


@builds("get_service_account")
async def _get_service_account(setup: Setup) -> Call:
    return Call("GET", f"/api/v1/service-accounts/{(await _service_account(setup)).id}")


@builds("update_service_account")
async def _update_service_account(setup: Setup) -> Call:
    body = {"description": "Nightly mirror", "grants": [{"roundtable_id": str(setup.roundtable_id), "role": "host"}]}
    return Call("PATCH", f"/api/v1/service-accounts/{(await _service_account(setup)).id}", json=body)


@builds("list_service_account_tokens")
async def _list_service_account_tokens(setup: Setup) -> Call:
    return Call("GET", f"/api/v1/service-accounts/{(await _service_account(setup)).id}/tokens")


@builds("create_service_account_token")
async def _create_service_account_token(setup: Setup) -> Call:
    body = {"name": "nightly", "scopes": ["meetings:read", "decisions:read"]}
    return Call("POST", f"/api/v1/service-accounts/{(await _service_account(setup)).id}/tokens", json=body)


@builds("revoke_service_account_token")
async def _revoke_service_account_token(setup: Setup) -> Call:
    account = await _service_account(setup)
    await api_token(setup.db, "meetings:read", service_account_id=account.id)
    token_id = await setup.db.scalar(select(ApiToken.id).where(ApiToken.service_account_id == account.id))
    return Call("DELETE", f"/api/v1/service-accounts/{account.id}/tokens/{token_id}")


@builds("create_sector")
async def _create_sector(setup: Setup) -> Call:
    body = {"key": unique("academia").replace("-", "_"), "name_he": "אקדמיה", "name_en": "Academia"}
    return Call("POST", "/api/v1/sectors", json=body)


@builds("get_sector")
async def _get_sector(setup: Setup) -> Call:
    return Call("GET", f"/api/v1/sectors/{setup.cast.sectors['civil_society']}")


@builds("update_sector")
async def _update_sector(setup: Setup) -> Call:
    return Call("PATCH", f"/api/v1/sectors/{setup.cast.sectors['civil_society']}", json={"colour": "#123456"})


@builds("create_organisation")
async def _create_organisation(setup: Setup) -> Call:
    body = {"name": unique("organisation"), "sector_id": str(setup.cast.sectors["civil_society"]), "kind": "ngo"}
    return Call("POST", "/api/v1/organisations", json=body)


@builds("get_organisation")
async def _get_organisation(setup: Setup) -> Call:
    return Call("GET", f"/api/v1/organisations/{setup.cast.organisations['civil_society']}")


@builds("update_organisation")
async def _update_organisation(setup: Setup) -> Call:
    url = f"/api/v1/organisations/{setup.cast.organisations['civil_society']}"
    return Call("PATCH", url, json={"website": "https://shatil.example.org"})


@builds("create_stakeholder")
async def _create_stakeholder(setup: Setup) -> Call:
    body = {"full_name": unique("person"), "organisation_id": str(setup.cast.organisations["civil_society"])}
    return Call("POST", "/api/v1/stakeholders", json=body)


@builds("get_stakeholder")
async def _get_stakeholder(setup: Setup) -> Call:
    return Call("GET", f"/api/v1/stakeholders/{setup.cast.stakeholders['business']}")


@builds("update_stakeholder")
async def _update_stakeholder(setup: Setup) -> Call:
    url = f"/api/v1/stakeholders/{setup.cast.stakeholders['business']}"
    return Call("PATCH", url, json={"title": "Senior adviser"})


@builds("create_roundtable")
async def _create_roundtable(setup: Setup) -> Call:
    ministry = await make_ministry(setup.db)  # a host must sit in the sector keyed "government"
    body = {"title": unique("roundtable"), "host_organisation_id": str(ministry.id)}
    return Call("POST", "/api/v1/roundtables", json=body)


# one roundtable: the target


@builds("get_roundtable")
async def _get_roundtable(setup: Setup) -> Call:
    return Call("GET", setup.rt())


@builds("update_roundtable")
async def _update_roundtable(setup: Setup) -> Call:
    return Call("PATCH", setup.rt(), json={"policy_area": "Changed by the permission matrix"})


@builds("transition_roundtable")
async def _transition_roundtable(setup: Setup) -> Call:
    return Call("POST", setup.rt("/transition"), json={"status": "paused"})  # both targets are active


@builds("get_composition")
async def _get_composition(setup: Setup) -> Call:
    return Call("GET", setup.rt("/composition"))


@builds("list_goals")
async def _list_goals(setup: Setup) -> Call:
    return Call("GET", setup.rt("/goals"))


@builds("create_goal")
async def _create_goal(setup: Setup) -> Call:
    return Call("POST", setup.rt("/goals"), json={"title": unique("goal")})


@builds("get_goal")
async def _get_goal(setup: Setup) -> Call:
    return Call("GET", f"/api/v1/goals/{await new_goal(setup)}")


@builds("update_goal")
async def _update_goal(setup: Setup) -> Call:
    return Call("PATCH", f"/api/v1/goals/{await new_goal(setup)}", json={"status": "in_progress"})


@builds("delete_goal")
async def _delete_goal(setup: Setup) -> Call:
    return Call("DELETE", f"/api/v1/goals/{await new_goal(setup)}")


@builds("list_seats")
async def _list_seats(setup: Setup) -> Call:
    return Call("GET", setup.rt("/seats"))


@builds("create_seat")
async def _create_seat(setup: Setup) -> Call:
    body = {"stakeholder_id": str(await new_stakeholder(setup)), "role": "member"}
    return Call("POST", setup.rt("/seats"), json=body)


@builds("get_seat")
async def _get_seat(setup: Setup) -> Call:
    return Call("GET", f"/api/v1/seats/{await new_member_seat(setup)}")


@builds("update_seat")
async def _update_seat(setup: Setup) -> Call:
    return Call("PATCH", f"/api/v1/seats/{await new_member_seat(setup)}", json={"note": "Speaks for the NGO forum"})


@builds("delete_seat")
async def _delete_seat(setup: Setup) -> Call:
    return Call("DELETE", f"/api/v1/seats/{await new_member_seat(setup)}")


@builds("list_roundtable_audit")
async def _list_roundtable_audit(setup: Setup) -> Call:
    return Call("GET", setup.rt("/audit"))


# --- the objects the new domains' rows start from (added straight to the database, in the target) ---------

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


async def new_meeting(setup: Setup, status: MeetingStatus = MeetingStatus.planned) -> Meeting:
    """A meeting that began an hour ago: its agenda is open, invitations and attendance may be taken."""
    starts_at = datetime.now(UTC) - timedelta(hours=1)
    meeting = Meeting(
        roundtable_id=setup.roundtable_id,
        title=unique("meeting"),
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=2),
        mode=MeetingMode.online,
        online_url="https://meet.example.org/matrix",
        status=status,
    )
    setup.db.add(meeting)
    await setup.db.flush()
    return meeting


async def new_agenda_item(
    setup: Setup, meeting: Meeting, status: AgendaItemStatus = AgendaItemStatus.accepted, position: int = 1
) -> AgendaItem:
    item = AgendaItem(meeting_id=meeting.id, position=position, title=unique("item"), planned_minutes=20, status=status)
    setup.db.add(item)
    await setup.db.flush()
    return item


async def invite_every_seat(setup: Setup, meeting: Meeting) -> None:
    seat_ids = (await setup.db.scalars(select(Seat.id).where(Seat.roundtable_id == setup.roundtable_id))).all()
    setup.db.add_all(Invitation(meeting_id=meeting.id, seat_id=seat_id) for seat_id in seat_ids)
    await setup.db.flush()


async def any_seat(setup: Setup) -> uuid.UUID:
    seat_id = await setup.db.scalar(select(Seat.id).where(Seat.roundtable_id == setup.roundtable_id).limit(1))
    assert seat_id is not None
    return seat_id


async def new_process_note(setup: Setup) -> ProcessNote:
    note = ProcessNote(meeting_id=(await new_meeting(setup)).id, author_user_id=setup.someone_else_id, body="Tense.")
    setup.db.add(note)
    await setup.db.flush()
    return note


async def new_minutes(setup: Setup, *statuses: MinutesStatus) -> Minutes:
    """Minutes of a held meeting whose revisions 1, 2, ... are in these states (the newest last)."""
    meeting = await new_meeting(setup, MeetingStatus.held)
    minutes = Minutes(
        meeting_id=meeting.id, roundtable_id=setup.roundtable_id, status=statuses[-1], revision=len(statuses)
    )
    setup.db.add(minutes)
    await setup.db.flush()
    setup.db.add_all(
        MinutesRevision(
            minutes_id=minutes.id,
            number=number,
            status=status,
            body=f"Revision {number}: who came.\n\nWhat was agreed.",
            created_by_user_id=setup.someone_else_id,
        )
        for number, status in enumerate(statuses, start=1)
    )
    await setup.db.flush()
    return minutes


async def new_decision(setup: Setup, status: DecisionStatus) -> Decision:
    """A decision someone else proposed, already in this state."""
    decision = Decision(
        roundtable_id=setup.roundtable_id,
        kind=DecisionKind.agreement,
        title=unique("decision"),
        text="The table agrees to a joint employment programme.",
        status=status,
        proposed_by_user_id=setup.someone_else_id,
    )
    setup.db.add(decision)
    await setup.db.flush()
    return decision


async def new_action_item(setup: Setup, owner_stakeholder_id: uuid.UUID) -> ActionItem:
    item = ActionItem(
        roundtable_id=setup.roundtable_id, title=unique("action"), owner_stakeholder_id=owner_stakeholder_id
    )
    setup.db.add(item)
    await setup.db.flush()
    return item


async def new_knowledge_item(
    setup: Setup,
    visibility: KnowledgeVisibility = KnowledgeVisibility.roundtable,
    created_by_user_id: uuid.UUID | None = None,
    revisions: int = 1,
    archived: bool = False,
) -> KnowledgeItem:
    """An item of the target roundtable with this many revisions, by default added by someone else."""
    item = KnowledgeItem(
        roundtable_id=setup.roundtable_id,
        kind=KnowledgeKind.research,
        title=unique("paper"),
        body=f"Revision {revisions} of the paper.",
        language=Language.en,
        visibility=visibility,
        created_by_user_id=created_by_user_id or setup.someone_else_id,
        revision=revisions,
        archived_at=datetime.now(UTC) if archived else None,
    )
    setup.db.add(item)
    await setup.db.flush()
    setup.db.add_all(
        KnowledgeRevision(
            knowledge_item_id=item.id,
            number=number,
            title=item.title,
            body=f"Revision {number} of the paper.",
            summary="",
            created_by_user_id=item.created_by_user_id,
        )
        for number in range(1, revisions + 1)
    )
    await setup.db.flush()
    return item


async def own_knowledge_item(setup: Setup) -> KnowledgeItem:
    """An item the caller added (a roundtable-visible one: the anonymous caller cannot have added any)."""
    return await new_knowledge_item(setup, created_by_user_id=setup.caller_id)


async def new_attachment(setup: Setup, item: KnowledgeItem) -> Attachment:
    """A real PDF stored where the app reads attachments, and its row."""
    storage_name, sha256 = files.store(setup.settings.attachments_dir, PDF)
    files.publish(setup.settings.attachments_dir, storage_name)  # as the upload does once its row commits
    attachment = Attachment(
        knowledge_item_id=item.id,
        filename="brief.pdf",
        content_type="application/pdf",
        size_bytes=len(PDF),
        sha256=sha256,
        storage_name=storage_name,
    )
    setup.db.add(attachment)
    await setup.db.flush()
    return attachment


# meetings


@builds("list_meetings")
async def _list_meetings(setup: Setup) -> Call:
    await new_meeting(setup)
    return Call("GET", "/api/v1/meetings", params={"roundtable_id": str(setup.roundtable_id)})


@builds("list_roundtable_meetings")
async def _list_roundtable_meetings(setup: Setup) -> Call:
    await new_meeting(setup)
    return Call("GET", setup.rt("/meetings"))


@builds("create_meeting")
async def _create_meeting(setup: Setup) -> Call:
    starts_at = datetime.now(UTC) + timedelta(days=30)
    body = {
        "title": unique("meeting"),
        "starts_at": starts_at.isoformat(),
        "ends_at": (starts_at + timedelta(hours=3)).isoformat(),
        "mode": "in_person",
        "venue_name": "Prime Minister's Office",
    }
    return Call("POST", setup.rt("/meetings"), json=body)


@builds("get_meeting")
async def _get_meeting(setup: Setup) -> Call:
    return Call("GET", f"/api/v1/meetings/{(await new_meeting(setup)).id}")


@builds("update_meeting")
async def _update_meeting(setup: Setup) -> Call:
    return Call("PATCH", f"/api/v1/meetings/{(await new_meeting(setup)).id}", json={"title": unique("renamed")})


@builds("transition_meeting")
async def _transition_meeting(setup: Setup) -> Call:
    meeting = await new_meeting(setup)  # planned
    return Call("POST", f"/api/v1/meetings/{meeting.id}/transition", json={"status": "confirmed"})


# agenda


@builds("get_agenda")
async def _get_agenda(setup: Setup) -> Call:
    meeting = await new_meeting(setup)
    await new_agenda_item(setup, meeting)
    return Call("GET", f"/api/v1/meetings/{meeting.id}/agenda")


@builds("create_agenda_item")
async def _create_agenda_item(setup: Setup) -> Call:
    meeting = await new_meeting(setup)
    return Call("POST", f"/api/v1/meetings/{meeting.id}/agenda-items", json={"title": "Employment in the periphery"})


@builds("reorder_agenda")
async def _reorder_agenda(setup: Setup) -> Call:
    meeting = await new_meeting(setup)
    first, second = [await new_agenda_item(setup, meeting, position=position) for position in (1, 2)]
    body = {"item_ids": [str(second.id), str(first.id)]}
    return Call("PUT", f"/api/v1/meetings/{meeting.id}/agenda/order", json=body)


@builds("get_agenda_item")
async def _get_agenda_item(setup: Setup) -> Call:
    return Call("GET", f"/api/v1/agenda-items/{(await new_agenda_item(setup, await new_meeting(setup))).id}")


@builds("update_agenda_item")
async def _update_agenda_item(setup: Setup) -> Call:
    item = await new_agenda_item(setup, await new_meeting(setup))
    return Call("PATCH", f"/api/v1/agenda-items/{item.id}", json={"planned_minutes": 45})


@builds("delete_agenda_item")
async def _delete_agenda_item(setup: Setup) -> Call:
    return Call("DELETE", f"/api/v1/agenda-items/{(await new_agenda_item(setup, await new_meeting(setup))).id}")


@builds("review_agenda_item")
async def _review_agenda_item(setup: Setup) -> Call:
    item = await new_agenda_item(setup, await new_meeting(setup), status=AgendaItemStatus.proposed)
    return Call("POST", f"/api/v1/agenda-items/{item.id}/review", json={"status": "accepted"})


# participation


@builds("list_invitations")
async def _list_invitations(setup: Setup) -> Call:
    meeting = await new_meeting(setup)
    await invite_every_seat(setup, meeting)
    return Call("GET", f"/api/v1/meetings/{meeting.id}/invitations")


@builds("invite_seats")
async def _invite_seats(setup: Setup) -> Call:
    return Call("POST", f"/api/v1/meetings/{(await new_meeting(setup)).id}/invitations", json={})


@builds("rsvp")
async def _rsvp(setup: Setup) -> Call:
    meeting = await new_meeting(setup)
    await invite_every_seat(setup, meeting)
    return Call("PUT", f"/api/v1/meetings/{meeting.id}/rsvp", json={"response": "yes", "note": "I will come"})


@builds("get_attendance")
async def _get_attendance(setup: Setup) -> Call:
    return Call("GET", f"/api/v1/meetings/{(await new_meeting(setup, MeetingStatus.held)).id}/attendance")


@builds("record_attendance")
async def _record_attendance(setup: Setup) -> Call:
    meeting = await new_meeting(setup, MeetingStatus.held)
    entries = [
        {"seat_id": str(await any_seat(setup)), "status": "present"},
        {"guest_name": "A guest", "status": "present"},
    ]
    return Call("PUT", f"/api/v1/meetings/{meeting.id}/attendance", json={"entries": entries})


@builds("get_roundtable_attendance")
async def _get_roundtable_attendance(setup: Setup) -> Call:
    return Call("GET", setup.rt("/attendance"))


@builds("get_speaking_report")
async def _get_speaking_report(setup: Setup) -> Call:
    return Call("GET", f"/api/v1/meetings/{(await new_meeting(setup, MeetingStatus.held)).id}/speaking-turns")


@builds("add_speaking_turn")
async def _add_speaking_turn(setup: Setup) -> Call:
    meeting = await new_meeting(setup, MeetingStatus.held)
    body = {"seat_id": str(await any_seat(setup)), "seconds": 90}
    return Call("POST", f"/api/v1/meetings/{meeting.id}/speaking-turns", json=body)


# process notes


@builds("list_process_notes")
async def _list_process_notes(setup: Setup) -> Call:
    return Call("GET", f"/api/v1/meetings/{(await new_process_note(setup)).meeting_id}/process-notes")


@builds("create_process_note")
async def _create_process_note(setup: Setup) -> Call:
    meeting = await new_meeting(setup)
    return Call("POST", f"/api/v1/meetings/{meeting.id}/process-notes", json={"body": "The ministry held back."})


@builds("get_process_note")
async def _get_process_note(setup: Setup) -> Call:
    return Call("GET", f"/api/v1/process-notes/{(await new_process_note(setup)).id}")


@builds("update_process_note")
async def _update_process_note(setup: Setup) -> Call:
    return Call("PATCH", f"/api/v1/process-notes/{(await new_process_note(setup)).id}", json={"body": "Calmer."})


@builds("delete_process_note")
async def _delete_process_note(setup: Setup) -> Call:
    return Call("DELETE", f"/api/v1/process-notes/{(await new_process_note(setup)).id}")


# minutes

DRAFT, CIRCULATED, APPROVED = MinutesStatus.draft, MinutesStatus.circulated, MinutesStatus.approved


@builds("create_minutes")
async def _create_minutes(setup: Setup) -> Call:
    meeting = await new_meeting(setup, MeetingStatus.held)
    return Call("POST", f"/api/v1/meetings/{meeting.id}/minutes", json={"body": "Who came.\n\nWhat was agreed."})


@builds("get_meeting_minutes")
async def _get_meeting_minutes(setup: Setup) -> Call:
    return Call("GET", f"/api/v1/meetings/{(await new_minutes(setup, APPROVED)).meeting_id}/minutes")


@builds("get_minutes")
async def _get_minutes(setup: Setup) -> Call:
    return Call("GET", f"/api/v1/minutes/{(await new_minutes(setup, DRAFT)).id}")  # a draft: hosts and facilitators


@builds("update_minutes")
async def _update_minutes(setup: Setup) -> Call:
    minutes = await new_minutes(setup, DRAFT)
    return Call("PATCH", f"/api/v1/minutes/{minutes.id}", json={"body": "Edited draft."}, headers=if_match(minutes))


@builds("transition_minutes")
async def _transition_minutes(setup: Setup) -> Call:
    minutes = await new_minutes(setup, CIRCULATED)
    return Call("POST", f"/api/v1/minutes/{minutes.id}/transition", json={"status": "approved"})


@builds("transition_minutes:circulate")
async def _circulate_minutes(setup: Setup) -> Call:
    minutes = await new_minutes(setup, DRAFT)
    return Call("POST", f"/api/v1/minutes/{minutes.id}/transition", json={"status": "circulated"})


@builds("correct_minutes")
async def _correct_minutes(setup: Setup) -> Call:
    minutes = await new_minutes(setup, APPROVED)
    return Call("POST", f"/api/v1/minutes/{minutes.id}/corrections", json={"reason": "A name was misspelt."})


@builds("get_minutes_revision")
async def _get_minutes_revision(setup: Setup) -> Call:
    return Call("GET", f"/api/v1/minutes/{(await new_minutes(setup, APPROVED)).id}/revisions/1")


@builds("diff_minutes")
async def _diff_minutes(setup: Setup) -> Call:
    minutes = await new_minutes(setup, APPROVED, CIRCULATED)  # a correction in circulation
    return Call("GET", f"/api/v1/minutes/{minutes.id}/diff", params={"from": "1", "to": "2"})


@builds("list_minutes_comments")
async def _list_minutes_comments(setup: Setup) -> Call:
    return Call("GET", f"/api/v1/minutes/{(await new_minutes(setup, CIRCULATED)).id}/comments")


@builds("add_minutes_comment")
async def _add_minutes_comment(setup: Setup) -> Call:
    minutes = await new_minutes(setup, CIRCULATED)
    return Call("POST", f"/api/v1/minutes/{minutes.id}/comments", json={"body": "Say who agreed.", "paragraph": 1})


@builds("set_public_summary")
async def _set_public_summary(setup: Setup) -> Call:
    minutes = await new_minutes(setup, APPROVED)
    # Only a public roundtable publishes; at the internal one the summary is written and kept unpublished.
    body = {"public_summary": "The table discussed employment.", "published": setup.public}
    return Call("PUT", f"/api/v1/minutes/{minutes.id}/public-summary", json=body)


@builds("list_public_summaries")
async def _list_public_summaries(setup: Setup) -> Call:
    return Call("GET", setup.rt("/public-summaries"))


# decisions


@builds("list_decisions")
async def _list_decisions(setup: Setup) -> Call:
    await new_decision(setup, DecisionStatus.adopted)
    return Call("GET", "/api/v1/decisions", params={"roundtable_id": str(setup.roundtable_id)})


@builds("create_decision")
async def _create_decision(setup: Setup) -> Call:
    body = {"kind": "recommendation", "title": unique("decision"), "text": "We recommend..."}
    return Call("POST", setup.rt("/decisions"), json=body)


@builds("get_decision")
async def _get_decision(setup: Setup) -> Call:
    return Call("GET", f"/api/v1/decisions/{(await new_decision(setup, DecisionStatus.adopted)).id}")


@builds("get_decision:proposed")
async def _get_proposed_decision(setup: Setup) -> Call:
    return Call("GET", f"/api/v1/decisions/{(await new_decision(setup, DecisionStatus.proposed)).id}")


@builds("update_decision")
async def _update_decision(setup: Setup) -> Call:
    decision = await new_decision(setup, DecisionStatus.in_discussion)  # not the caller's proposal
    url = f"/api/v1/decisions/{decision.id}"
    return Call("PATCH", url, json={"text": "A sharper text."}, headers=if_match(decision))


@builds("transition_decision")
async def _transition_decision(setup: Setup) -> Call:
    decision = await new_decision(setup, DecisionStatus.agreed)
    body = {"status": "adopted", "adoption_reference": "Government Resolution 1234"}
    return Call("POST", f"/api/v1/decisions/{decision.id}/transition", json=body)


@builds("endorse_decision")
async def _endorse_decision(setup: Setup) -> Call:
    decision = await new_decision(setup, DecisionStatus.in_discussion)
    body = {"position": "supports", "comment": "For my organisation."}
    return Call("PUT", f"/api/v1/decisions/{decision.id}/endorsement", json=body)


@builds("get_goal_progress")
async def _get_goal_progress(setup: Setup) -> Call:
    return Call("GET", f"/api/v1/goals/{await new_goal(setup)}/progress")


# action items


@builds("list_action_items")
async def _list_action_items(setup: Setup) -> Call:
    await new_action_item(setup, setup.cast.stakeholders["member"])
    return Call("GET", "/api/v1/action-items", params={"roundtable_id": str(setup.roundtable_id)})


@builds("create_action_item")
async def _create_action_item(setup: Setup) -> Call:
    body = {"title": unique("action"), "owner_stakeholder_id": str(setup.cast.stakeholders["member"])}
    return Call("POST", setup.rt("/action-items"), json=body)


@builds("get_action_item")
async def _get_action_item(setup: Setup) -> Call:
    return Call("GET", f"/api/v1/action-items/{(await new_action_item(setup, setup.caller_stakeholder_id)).id}")


@builds("update_action_item")
async def _update_action_item(setup: Setup) -> Call:
    item = await new_action_item(setup, setup.caller_stakeholder_id)  # the caller's own item
    return Call("PATCH", f"/api/v1/action-items/{item.id}", json={"status": "done"})


@builds("update_action_item:title")
async def _retitle_action_item(setup: Setup) -> Call:
    item = await new_action_item(setup, setup.caller_stakeholder_id)  # the caller's own item
    return Call("PATCH", f"/api/v1/action-items/{item.id}", json={"title": unique("retitled")})


@builds("update_action_item:not_own")
async def _update_others_action_item(setup: Setup) -> Call:
    item = await new_action_item(setup, await new_stakeholder(setup))
    return Call("PATCH", f"/api/v1/action-items/{item.id}", json={"status": "in_progress"})


@builds("get_follow_up")
async def _get_follow_up(setup: Setup) -> Call:
    meeting = await new_meeting(setup)
    await new_action_item(setup, setup.cast.stakeholders["member"])
    return Call("GET", f"/api/v1/meetings/{meeting.id}/follow-up")


# knowledge


@builds("list_knowledge_items")
async def _list_knowledge_items(setup: Setup) -> Call:
    await new_knowledge_item(setup, KnowledgeVisibility.public)
    return Call("GET", "/api/v1/knowledge-items", params={"roundtable_id": str(setup.roundtable_id)})


@builds("create_knowledge_item")
async def _create_knowledge_item(setup: Setup) -> Call:
    body = {
        "roundtable_id": str(setup.roundtable_id),
        "kind": "position_paper",
        "title": unique("paper"),
        "language": "he",
    }
    return Call("POST", "/api/v1/knowledge-items", json=body)


@builds("get_knowledge_item")
async def _get_knowledge_item(setup: Setup) -> Call:
    return Call("GET", f"/api/v1/knowledge-items/{(await new_knowledge_item(setup)).id}")  # roundtable-visible


@builds("get_knowledge_item:public")
async def _get_public_knowledge_item(setup: Setup) -> Call:
    return Call("GET", f"/api/v1/knowledge-items/{(await new_knowledge_item(setup, KnowledgeVisibility.public)).id}")


@builds("get_knowledge_item:facilitators")
async def _get_facilitators_knowledge_item(setup: Setup) -> Call:
    item = await new_knowledge_item(setup, KnowledgeVisibility.facilitators)
    return Call("GET", f"/api/v1/knowledge-items/{item.id}")


@builds("update_knowledge_item")
async def _update_knowledge_item(setup: Setup) -> Call:
    item = await own_knowledge_item(setup)
    url = f"/api/v1/knowledge-items/{item.id}"
    return Call("PATCH", url, json={"title": unique("retitled")}, headers=if_match(item))


@builds("update_knowledge_item:not_own")
async def _update_others_knowledge_item(setup: Setup) -> Call:
    item = await new_knowledge_item(setup)
    url = f"/api/v1/knowledge-items/{item.id}"
    return Call("PATCH", url, json={"title": unique("retitled")}, headers=if_match(item))


@builds("archive_knowledge_item")
async def _archive_knowledge_item(setup: Setup) -> Call:
    return Call("POST", f"/api/v1/knowledge-items/{(await own_knowledge_item(setup)).id}/archive")


@builds("unarchive_knowledge_item")
async def _unarchive_knowledge_item(setup: Setup) -> Call:
    item = await new_knowledge_item(setup, created_by_user_id=setup.caller_id, archived=True)
    return Call("POST", f"/api/v1/knowledge-items/{item.id}/unarchive")


@builds("list_knowledge_revisions")
async def _list_knowledge_revisions(setup: Setup) -> Call:
    return Call("GET", f"/api/v1/knowledge-items/{(await new_knowledge_item(setup, revisions=2)).id}/revisions")


@builds("get_knowledge_revision")
async def _get_knowledge_revision(setup: Setup) -> Call:
    return Call("GET", f"/api/v1/knowledge-items/{(await new_knowledge_item(setup, revisions=2)).id}/revisions/2")


@builds("diff_knowledge_revisions")
async def _diff_knowledge_revisions(setup: Setup) -> Call:
    item = await new_knowledge_item(setup, revisions=2)
    return Call("GET", f"/api/v1/knowledge-items/{item.id}/diff", params={"from": "1", "to": "2"})


@builds("upload_attachment")
async def _upload_attachment(setup: Setup) -> Call:
    item = await own_knowledge_item(setup)
    upload = {"file": ("brief.pdf", PDF, "application/pdf")}
    return Call("POST", f"/api/v1/knowledge-items/{item.id}/attachments", files=upload)


@builds("download_attachment")
async def _download_attachment(setup: Setup) -> Call:
    attachment = await new_attachment(setup, await new_knowledge_item(setup))
    return Call("GET", f"/api/v1/attachments/{attachment.id}/download")


@builds("delete_attachment")
async def _delete_attachment(setup: Setup) -> Call:
    attachment = await new_attachment(setup, await own_knowledge_item(setup))
    return Call("DELETE", f"/api/v1/attachments/{attachment.id}")


# search


@builds("search")
async def _search(setup: Setup) -> Call:
    return Call("GET", "/api/v1/search", params={"q": "employment", "roundtable_id": str(setup.roundtable_id)})


# --- the tests ------------------------------------------------------------------------------------------


@functools.cache
def schema_routes(app: Any) -> dict[str, Any]:
    """Every route the API documents, by operationId, with its full path.

    `app.routes` holds included routers as single entries (FastAPI ≥ 0.165); `iter_route_contexts` walks
    into them, as FastAPI's own OpenAPI generator does.
    """
    return {
        context.unique_id: context
        for context in iter_route_contexts(app.routes)
        if isinstance(context.original_route, APIRoute) and context.include_in_schema
    }


@pytest.fixture(scope="module", autouse=True)
def attachments_in_tmp(shared_app, tmp_path_factory):
    """Attachments written by these tests go to a temporary folder, not the repository's var/."""
    original = shared_app.state.settings
    shared_app.state.settings = original.model_copy(update={"attachments_dir": tmp_path_factory.mktemp("files")})
    yield
    shared_app.state.settings = original


def test_every_route_has_a_row(shared_app):
    documented = schema_routes(shared_app)
    spec_operations = {
        operation["operationId"] for path in shared_app.openapi()["paths"].values() for operation in path.values()
    }
    assert set(documented) == spec_operations
    covered = {operation_of(row) for row in EXPECTED}
    assert sorted(set(documented) - covered) == [], "routes without a row in EXPECTED"
    assert sorted(covered - set(documented)) == [], "rows in EXPECTED for routes that no longer exist"
    assert sorted(EXPECTED.keys() ^ BUILDERS.keys()) == [], "every row needs a request builder, and no more"


def test_rows_are_well_formed():
    for row, answers_by_target in EXPECTED.items():
        assert set(answers_by_target) in ({"own", "foreign"}, {ANYWHERE}), row
        for target, answers in answers_by_target.items():
            codes = [int(code) for code in answers.split()]
            assert len(codes) == len(ROLES), (row, target)
            assert set(codes) <= ANSWERS, (row, target)
            assert len({code for code in codes if code in SUCCESS}) <= 1, f"{row}: one success status per route"
            for role, code in zip(ROLES, codes, strict=True):
                if code not in SUCCESS and code not in PROBLEM_CODES:
                    assert SPECIAL_CODES.get((row, role), (None,))[0] == code, f"{row} {target} {role}: say why"
    for (row, role), (status, _code) in SPECIAL_CODES.items():
        assert status in [expected_status(row, target, role) for target in EXPECTED[row]], (row, role)


CASES = [
    (row, target, role) for row, answers_by_target in EXPECTED.items() for target in answers_by_target for role in ROLES
]


@pytest.mark.parametrize(("row", "target", "role"), CASES, ids=["-".join(case) for case in CASES])
async def test_permission(row, target, role, client, db, matrix_cast, shared_app):
    cast = matrix_cast
    setup = Setup(
        client=client,
        db=db,
        cast=cast,
        role=role,
        roundtable_id=cast.other.id if target == "foreign" else cast.roundtable.id,
        settings=shared_app.state.settings,
    )
    call = await BUILDERS[row](setup)
    await db.commit()
    route = schema_routes(shared_app)[operation_of(row)]
    assert call.method in route.methods and route.path_regex.match(call.url), f"{call.url} is not {row}"

    response = await client.request(
        call.method,
        call.url,
        json=call.json,
        data=call.data,
        params=call.params,
        files=call.files,
        headers={
            **({} if role == "anonymous" else await bearer(db, setup.settings, cast.users[role])),
            **(call.headers or {}),
        },
    )

    expected = expected_status(row, target, role)
    assert response.status_code == expected, f"{row} on {target} as {role}: {response.text}"
    if expected not in SUCCESS:
        assert response.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE)
        problem = response.json()
        assert problem["status"] == expected
        assert problem["code"] == expected_code(row, expected, role)
