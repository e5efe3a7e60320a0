"""The token scope matrix: every row of the permission matrix, called with an API token (issue 9).

A token acts as its owner, narrowed by its scopes. So, for every route and target of
tests/test_permission_matrix.py, called with the facilitator's personal token:
- holding exactly the scope the route's family needs, the answer is the facilitator's own answer there;
- holding every scope but that one, the answer is 403 insufficient_scope, whatever the owner may do;
- routes that are not for tokens (signing in, accounts, token management) answer 403 token_not_allowed
  even to a token holding every scope.
And a service account granted the observer role at the cast's own roundtable, holding every read scope, reads
exactly what the observer reads there.

SCOPE_OF_TAG is the readable statement of which scope each part of the API needs: `<family>` means
`<family>:read` for GET and `<family>:write` for anything else.
"""

import pytest
from helpers import api_token
from sqlalchemy import select
from test_permission_matrix import (
    ANYWHERE,
    BUILDERS,
    EXPECTED,
    PROBLEM_CODES,
    SPECIAL_CODES,
    Setup,
    attachments_in_tmp,  # noqa: F401 - the fixture, so attachments land in a temporary folder here too
    expected_code,
    expected_status,
    operation_of,
    schema_routes,
)

from shulchan.core.errors import PROBLEM_MEDIA_TYPE
from shulchan.identity.models import User
from shulchan.integrations.models import ServiceAccount, ServiceAccountGrant
from shulchan.integrations.scopes import Scope
from shulchan.roundtables.models import Role

NOT_FOR_TOKENS = None
# fmt: off
SCOPE_OF_TAG: dict[str, str | None] = {
    "auth": NOT_FOR_TOKENS, "users": NOT_FOR_TOKENS, "api-tokens": NOT_FOR_TOKENS, "service-accounts": NOT_FOR_TOKENS,
    "health": "",  # no principal at all: tokens are neither needed nor looked at
    "sectors": "people", "organisations": "people", "stakeholders": "people",
    "roundtables": "roundtables", "goals": "roundtables", "seats": "roundtables",
    "meetings": "meetings", "agenda": "meetings", "participation": "meetings", "process-notes": "meetings",
    "minutes": "minutes",
    "decisions": "decisions", "action-items": "decisions",
    "knowledge": "knowledge",
    "search": "search",
    "audit": "audit",
    "events": "events",
}
# fmt: on
ALL_SCOPES = [scope.value for scope in Scope]
READ_SCOPES = [scope for scope in ALL_SCOPES if scope.endswith(":read")]


def scope_needed(row: str, shared_app) -> str | None:  # type: ignore[no-untyped-def]
    route = schema_routes(shared_app)[operation_of(row)]
    (tag,) = route.original_route.tags
    family = SCOPE_OF_TAG[tag]
    if not family:
        return family
    (method,) = route.methods
    return f"{family}:{'read' if method == 'GET' else 'write'}"


CASES = [(row, target) for row, answers in EXPECTED.items() for target in answers]
IDS = ["-".join(case) for case in CASES]


async def _call(row, target, client, db, cast, shared_app, headers_for):  # type: ignore[no-untyped-def]
    setup = Setup(
        client=client,
        db=db,
        cast=cast,
        role="facilitator",
        roundtable_id=cast.other.id if target == "foreign" else cast.roundtable.id,
        settings=shared_app.state.settings,
    )
    call = await BUILDERS[row](setup)
    headers = {**(await headers_for(db)), **(call.headers or {})}  # If-Match, where a row needs one
    await db.commit()
    return await client.request(
        call.method, call.url, json=call.json, data=call.data, params=call.params, files=call.files, headers=headers
    )


def _facilitator_token(cast, *scopes):  # type: ignore[no-untyped-def]
    async def headers_for(db):  # type: ignore[no-untyped-def]
        return await api_token(db, *scopes, user=await db.get(User, cast.users["facilitator"].id))

    return headers_for


def _assert_problem(response, status: int, code: str) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM_MEDIA_TYPE)
    assert response.json()["code"] == code, response.text


def test_every_tag_has_a_scope(shared_app) -> None:  # type: ignore[no-untyped-def]
    tags = {tag for route in schema_routes(shared_app).values() for tag in route.original_route.tags}
    assert tags == set(SCOPE_OF_TAG)
    named = {f"{family}:{access}" for family in SCOPE_OF_TAG.values() if family for access in ("read", "write")}
    assert set(ALL_SCOPES) - named <= {"exports:read", "webhooks:manage"}


@pytest.mark.parametrize(("row", "target"), CASES, ids=IDS)
async def test_the_needed_scope_gives_the_owners_answer(row, target, client, db, matrix_cast, shared_app) -> None:  # type: ignore[no-untyped-def]
    cast = matrix_cast
    needed = scope_needed(row, shared_app)
    scopes = ALL_SCOPES if needed is None else [needed] if needed else []
    response = await _call(row, target, client, db, cast, shared_app, _facilitator_token(cast, *scopes))
    if needed is None:
        _assert_problem(response, 403, "token_not_allowed")
        return
    if needed and needed not in ALL_SCOPES:  # search and audit are read-only: no write scope exists to hold
        _assert_problem(response, 403, "insufficient_scope")
        return
    expected = expected_status(row, target, "facilitator")
    assert response.status_code == expected, f"{row} on {target}: {response.text}"
    if expected in PROBLEM_CODES or (row, "facilitator") in SPECIAL_CODES:
        assert response.json()["code"] == expected_code(row, expected, "facilitator")


@pytest.mark.parametrize(("row", "target"), CASES, ids=IDS)
async def test_every_other_scope_is_not_enough(row, target, client, db, matrix_cast, shared_app) -> None:  # type: ignore[no-untyped-def]
    cast = matrix_cast
    needed = scope_needed(row, shared_app)
    if not needed:
        pytest.skip("not a route a scope opens")
    others = [scope for scope in ALL_SCOPES if scope != needed]
    response = await _call(row, target, client, db, cast, shared_app, _facilitator_token(cast, *others))
    _assert_problem(response, 403, "insufficient_scope")
    assert response.json()["required_scope"] == (needed if needed in ALL_SCOPES else None)


READS_AT_PMO = [row for row, answers in EXPECTED.items() if "own" in answers or ANYWHERE in answers]


@pytest.mark.parametrize("row", READS_AT_PMO)
async def test_a_service_account_reads_as_its_role(row, client, db, matrix_cast, shared_app) -> None:  # type: ignore[no-untyped-def]
    cast = matrix_cast
    needed = scope_needed(row, shared_app)
    if needed not in READ_SCOPES:
        pytest.skip("service accounts only read")
    target = "own" if "own" in EXPECTED[row] else ANYWHERE

    async def service_token(db):  # type: ignore[no-untyped-def]
        account = ServiceAccount(name=f"observer {row}")
        db.add(account)
        await db.flush()
        db.add(ServiceAccountGrant(service_account_id=account.id, roundtable_id=cast.roundtable.id, role=Role.observer))
        return await api_token(db, *READ_SCOPES, service_account_id=account.id)

    response = await _call(row, target, client, db, cast, shared_app, service_token)
    expected = expected_status(row, target, "observer")
    assert response.status_code == expected, f"{row}: {response.text}"
    assert await db.scalar(select(ServiceAccount.id).where(ServiceAccount.name == f"observer {row}")) is not None
