"""The permission matrix: every route × every caller × own/foreign roundtable (DESIGN.md §3).

EXPECTED is the one readable statement of who may do what over HTTP. Each row gives the answer for
seven callers, in this order:

    anon  outs  obsv  memb  host  faci  admn
    anonymous, outsider, observer, member, host, facilitator, admin

- anonymous: no token. outsider: signed in, no seat anywhere. observer, member, host, facilitator: the
  demo users holding those seats at the Prime Minister's Office roundtable. admin: a platform admin.
- "own" aims the request at the PMO roundtable (public; where those four sit); "foreign" at the
  Education roundtable (internal; none of them sits there). Routes that are not about one roundtable
  use `anywhere(...)`: the same request for both targets, the same answer.
- 401: a permission is needed and the caller is anonymous. 403: the caller sees the object but may not
  change it. 404: the caller may not see it — an internal roundtable without a seat does not exist for
  them, not even to write to. 200/201/204: done.

A route added to the app without a row here fails `test_every_route_has_a_row`; each row needs a
request builder in BUILDERS that sets up what a permitted caller needs to succeed.
"""

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute, iter_route_contexts
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.core.errors import PROBLEM_MEDIA_TYPE
from shulchan.demo.seed import DEMO_PASSWORD
from shulchan.roundtables.models import Goal, Role, Seat
from shulchan.stakeholders.models import Stakeholder
from shulchan.users.models import User

ROLES = ("anonymous", "outsider", "observer", "member", "host", "facilitator", "admin")
TARGETS = {"own": "pmo", "foreign": "education"}


def anywhere(row: str) -> dict[str, str]:
    """A route that is not about one roundtable: the same answer whichever roundtable is 'ours'."""
    return {"own": row, "foreign": row}


# fmt: off
EXPECTED: dict[str, dict[str, str]] = {
    #                                         anon  outs  obsv  memb  host  faci  admn
    # --- auth: signing in and refreshing need no token; signing out ends the caller's own sign-in
    "sign_in":               anywhere(       "200   200   200   200   200   200   200"),
    "refresh_tokens":        anywhere(       "200   200   200   200   200   200   200"),
    "sign_out":              anywhere(       "401   204   204   204   204   204   204"),
    # --- me: any signed-in user, about themselves
    "get_me":                anywhere(       "401   200   200   200   200   200   200"),
    "update_me":             anywhere(       "401   200   200   200   200   200   200"),
    "change_my_password":    anywhere(       "401   204   204   204   204   204   204"),
    # --- users: platform admins only
    "list_users":            anywhere(       "401   403   403   403   403   403   200"),
    "create_user":           anywhere(       "401   403   403   403   403   403   201"),
    "get_user":              anywhere(       "401   403   403   403   403   403   200"),
    "update_user":           anywhere(       "401   403   403   403   403   403   200"),
    # --- sectors: public to read, platform admins change
    "list_sectors":          anywhere(       "200   200   200   200   200   200   200"),
    "create_sector":         anywhere(       "401   403   403   403   403   403   201"),
    "get_sector":            anywhere(       "200   200   200   200   200   200   200"),
    "update_sector":         anywhere(       "401   403   403   403   403   403   200"),
    # --- organisations: public to read; facilitators (a facilitator seat anywhere) and admins change
    "list_organisations":    anywhere(       "200   200   200   200   200   200   200"),
    "create_organisation":   anywhere(       "401   403   403   403   403   201   201"),
    "get_organisation":      anywhere(       "200   200   200   200   200   200   200"),
    "update_organisation":   anywhere(       "401   403   403   403   403   200   200"),
    # --- stakeholders: signed-in users read; hosts and facilitators (such a seat anywhere) and admins change
    "list_stakeholders":     anywhere(       "401   200   200   200   200   200   200"),
    "create_stakeholder":    anywhere(       "401   403   403   403   201   201   201"),
    "get_stakeholder":       anywhere(       "401   200   200   200   200   200   200"),
    "update_stakeholder":    anywhere(       "401   403   403   403   200   200   200"),
    # --- roundtables: lists show what the caller may see; facilitators and admins open new ones
    "list_roundtables":      anywhere(       "200   200   200   200   200   200   200"),
    "create_roundtable":     anywhere(       "401   403   403   403   403   201   201"),
    # --- one roundtable: see it (public, or a seat there); edit it and its goals (host, facilitator)
    "get_roundtable":        {"own":         "200   200   200   200   200   200   200",
                              "foreign":     "404   404   404   404   404   404   200"},
    "update_roundtable":     {"own":         "401   403   403   403   200   200   200",
                              "foreign":     "404   404   404   404   404   404   200"},
    "transition_roundtable": {"own":         "401   403   403   403   200   200   200",
                              "foreign":     "404   404   404   404   404   404   200"},
    "get_composition":       {"own":         "200   200   200   200   200   200   200",
                              "foreign":     "404   404   404   404   404   404   200"},
    "list_goals":            {"own":         "200   200   200   200   200   200   200",
                              "foreign":     "404   404   404   404   404   404   200"},
    "create_goal":           {"own":         "401   403   403   403   201   201   201",
                              "foreign":     "404   404   404   404   404   404   201"},
    "get_goal":              {"own":         "200   200   200   200   200   200   200",
                              "foreign":     "404   404   404   404   404   404   200"},
    "update_goal":           {"own":         "401   403   403   403   200   200   200",
                              "foreign":     "404   404   404   404   404   404   200"},
    "delete_goal":           {"own":         "401   403   403   403   204   204   204",
                              "foreign":     "404   404   404   404   404   404   204"},
    # --- seats: see them with the roundtable; manage them (host, facilitator)
    "list_seats":            {"own":         "200   200   200   200   200   200   200",
                              "foreign":     "404   404   404   404   404   404   200"},
    "create_seat":           {"own":         "401   403   403   403   201   201   201",
                              "foreign":     "404   404   404   404   404   404   201"},
    "get_seat":              {"own":         "200   200   200   200   200   200   200",
                              "foreign":     "404   404   404   404   404   404   200"},
    "update_seat":           {"own":         "401   403   403   403   200   200   200",
                              "foreign":     "404   404   404   404   404   404   200"},
    "delete_seat":           {"own":         "401   403   403   403   204   204   204",
                              "foreign":     "404   404   404   404   404   404   204"},
    # --- audit: a roundtable's trail (host, facilitator); everything (platform admins)
    "list_roundtable_audit": {"own":         "401   403   403   403   200   200   200",
                              "foreign":     "404   404   404   404   404   404   200"},
    "list_audit":            anywhere(       "401   403   403   403   403   403   200"),
    # --- health: for load balancers, no token
    "healthz":               anywhere(       "200   200   200   200   200   200   200"),
    "readyz":                anywhere(       "200   200   200   200   200   200   200"),
}
# fmt: on

PROBLEM_CODES = {401: "not_authenticated", 403: "forbidden", 404: "not_found"}
ANSWERS = {200, 201, 204, *PROBLEM_CODES}


def expected_status(operation: str, target: str, role: str) -> int:
    return int(EXPECTED[operation][target].split()[ROLES.index(role)])


# --- request builders ---------------------------------------------------------------------------------


@dataclass
class Setup:
    """What a builder gets: the test's client and database session, the demo world, who calls, and where."""

    client: httpx.AsyncClient
    db: AsyncSession
    world: Any
    role: str
    roundtable_id: uuid.UUID

    def rt(self, suffix: str = "") -> str:
        return f"/api/v1/roundtables/{self.roundtable_id}{suffix}"


@dataclass
class Call:
    method: str
    url: str
    json: Any = None
    data: dict[str, str] | None = None


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
    """The caller's own email and the demo password; an anonymous caller signs in as the member.

    The outsider has no password in the demo world, so it gets the demo users' (copied, not re-hashed).
    """
    user_key = "member" if setup.role == "anonymous" else setup.role
    user = await setup.db.get(User, setup.world.users[user_key])
    assert user is not None
    if user.password_hash is None:
        admin = await setup.db.get(User, setup.world.users["admin"])
        assert admin is not None
        user.password_hash = admin.password_hash
        await setup.db.commit()
    return {"username": user.email, "password": DEMO_PASSWORD}


async def new_goal(setup: Setup) -> uuid.UUID:
    goal = Goal(roundtable_id=setup.roundtable_id, title=unique("goal"), description="For the permission matrix.")
    setup.db.add(goal)
    await setup.db.commit()
    return goal.id


async def new_stakeholder(setup: Setup) -> uuid.UUID:
    """Someone with no seat anywhere, in a civil-society organisation (so the seat's sector follows)."""
    stakeholder = Stakeholder(full_name=unique("person"), organisation_id=setup.world.organisations["shatil"])
    setup.db.add(stakeholder)
    await setup.db.commit()
    return stakeholder.id


async def new_member_seat(setup: Setup) -> uuid.UUID:
    seat = Seat(
        roundtable_id=setup.roundtable_id,
        stakeholder_id=await new_stakeholder(setup),
        role=Role.member,
        sector_id=setup.world.sectors["civil_society"],
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
    body = {"current_password": DEMO_PASSWORD, "new_password": "a-brand-new-password"}
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
    return Call("GET", f"/api/v1/users/{setup.world.users['member']}")


@builds("update_user")
async def _update_user(setup: Setup) -> Call:
    return Call("PATCH", f"/api/v1/users/{setup.world.users['member']}", json={"full_name": "Renamed Member"})


@builds("create_sector")
async def _create_sector(setup: Setup) -> Call:
    body = {"key": unique("academia").replace("-", "_"), "name_he": "אקדמיה", "name_en": "Academia"}
    return Call("POST", "/api/v1/sectors", json=body)


@builds("get_sector")
async def _get_sector(setup: Setup) -> Call:
    return Call("GET", f"/api/v1/sectors/{setup.world.sectors['civil_society']}")


@builds("update_sector")
async def _update_sector(setup: Setup) -> Call:
    return Call("PATCH", f"/api/v1/sectors/{setup.world.sectors['civil_society']}", json={"colour": "#123456"})


@builds("create_organisation")
async def _create_organisation(setup: Setup) -> Call:
    body = {"name": unique("organisation"), "sector_id": str(setup.world.sectors["civil_society"]), "kind": "ngo"}
    return Call("POST", "/api/v1/organisations", json=body)


@builds("get_organisation")
async def _get_organisation(setup: Setup) -> Call:
    return Call("GET", f"/api/v1/organisations/{setup.world.organisations['shatil']}")


@builds("update_organisation")
async def _update_organisation(setup: Setup) -> Call:
    url = f"/api/v1/organisations/{setup.world.organisations['shatil']}"
    return Call("PATCH", url, json={"website": "https://shatil.example.org"})


@builds("create_stakeholder")
async def _create_stakeholder(setup: Setup) -> Call:
    body = {"full_name": unique("person"), "organisation_id": str(setup.world.organisations["shatil"])}
    return Call("POST", "/api/v1/stakeholders", json=body)


@builds("get_stakeholder")
async def _get_stakeholder(setup: Setup) -> Call:
    return Call("GET", f"/api/v1/stakeholders/{setup.world.stakeholders['osnat_lavi']}")


@builds("update_stakeholder")
async def _update_stakeholder(setup: Setup) -> Call:
    url = f"/api/v1/stakeholders/{setup.world.stakeholders['osnat_lavi']}"
    return Call("PATCH", url, json={"title": "Senior adviser"})


@builds("create_roundtable")
async def _create_roundtable(setup: Setup) -> Call:
    body = {"title": unique("roundtable"), "host_organisation_id": str(setup.world.organisations["pmo"])}
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


# --- the tests ------------------------------------------------------------------------------------------


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


def test_every_route_has_a_row(shared_app):
    documented = schema_routes(shared_app)
    spec_operations = {
        operation["operationId"] for path in shared_app.openapi()["paths"].values() for operation in path.values()
    }
    assert set(documented) == spec_operations
    assert sorted(set(documented) - EXPECTED.keys()) == [], "routes without a row in EXPECTED"
    assert sorted(EXPECTED.keys() - set(documented)) == [], "rows in EXPECTED for routes that no longer exist"
    assert sorted(EXPECTED.keys() ^ BUILDERS.keys()) == [], "every row needs a request builder, and no more"


def test_rows_are_well_formed():
    for operation, row in EXPECTED.items():
        assert set(row) == set(TARGETS), operation
        for target, answers in row.items():
            codes = [int(code) for code in answers.split()]
            assert len(codes) == len(ROLES), (operation, target)
            assert set(codes) <= ANSWERS, (operation, target)
            assert len({code for code in codes if code < 300}) <= 1, f"{operation}: one success status per route"


CASES = [(operation, target, role) for operation in EXPECTED for target in TARGETS for role in ROLES]


@pytest.mark.parametrize(("operation", "target", "role"), CASES, ids=["-".join(case) for case in CASES])
async def test_permission(operation, target, role, client, db, auth, world, shared_app):
    setup = Setup(client=client, db=db, world=world, role=role, roundtable_id=world.roundtables[TARGETS[target]])
    call = await BUILDERS[operation](setup)
    route = schema_routes(shared_app)[operation]
    assert call.method in route.methods and route.path_regex.match(call.url), f"{call.url} is not {operation}"

    response = await client.request(call.method, call.url, json=call.json, data=call.data, headers=await auth(role))

    expected = expected_status(operation, target, role)
    assert response.status_code == expected, f"{operation} on {target} as {role}: {response.text}"
    if expected in PROBLEM_CODES:
        assert response.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE)
        problem = response.json()
        assert problem["status"] == expected
        assert problem["code"] == PROBLEM_CODES[expected]
