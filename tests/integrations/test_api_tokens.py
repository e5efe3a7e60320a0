"""Personal access tokens and service accounts: shown once, stored hashed, narrowed by scopes, stopped
at once by revocation, expiry or the owner's loss of access, and audited when made, used and revoked."""

import hashlib
import uuid
from datetime import UTC, datetime, timedelta

from helpers import api_token, assert_problem, make_meeting, make_table, ok, signed_in
from sqlalchemy import select, update

from shulchan.audit.models import AuditEvent
from shulchan.events.models import DomainEvent
from shulchan.integrations.models import ApiToken, ApiTokenKind
from shulchan.integrations.token_format import kind_of, new_token
from shulchan.roundtables.models import Seat

TOKENS = "/api/v1/me/api-tokens"


async def _table(db, settings, **kwargs):  # type: ignore[no-untyped-def]
    table = await make_table(db, settings, **kwargs)
    meeting = await make_meeting(db, table.roundtable)
    await db.commit()
    return table, meeting


async def test_a_personal_token_is_shown_once_stored_hashed_and_acts_as_its_owner(client, db, settings) -> None:
    table, meeting = await _table(db, settings)
    created = ok(
        await client.post(
            TOKENS, json={"name": "sync", "scopes": ["meetings:read", "meetings:read"]}, headers=table.host
        ),
        201,
    )
    secret = created["token"]
    assert secret.startswith("shl_pat_") and kind_of(secret) == ApiTokenKind.personal
    assert created["hint"] == secret[:12] and created["scopes"] == ["meetings:read"]
    stored = await db.get(ApiToken, uuid.UUID(created["id"]))
    assert stored is not None and stored.token_hash == hashlib.sha256(secret.encode()).hexdigest()

    listed = ok(await client.get(TOKENS, headers=table.host))["items"]
    assert [row["id"] for row in listed] == [created["id"]]
    assert "token" not in listed[0] and secret not in str(listed)

    mine = {"Authorization": f"Bearer {secret}"}
    meetings = ok(await client.get("/api/v1/meetings", headers=mine))["items"]
    assert [row["id"] for row in meetings] == [str(meeting.id)]
    assert ok(await client.get(f"/api/v1/meetings/{meeting.id}", headers=mine))["id"] == str(meeting.id)


async def test_scopes_only_narrow(client, db, settings) -> None:
    table, meeting = await _table(db, settings)
    reader = await api_token(db, "meetings:read", user=table.facilitator_user)
    await db.commit()
    body = assert_problem(await client.get("/api/v1/decisions", headers=reader), 403, "insufficient_scope")
    assert body["required_scope"] == "decisions:read"
    write = client.patch(f"/api/v1/meetings/{meeting.id}", json={"title": "x"}, headers={**reader, "If-Match": '"1"'})
    assert (await write).status_code == 403
    assert_problem(
        await client.post(f"/api/v1/meetings/{meeting.id}/transition", json={"status": "cancelled"}, headers=reader),
        403,
        "insufficient_scope",
    )
    # A scope never widens: a member's token with meetings:write still may not schedule a meeting.
    member = await api_token(db, "meetings:read", "meetings:write", user=table.member_users[0])
    await db.commit()
    assert_problem(
        await client.patch(f"/api/v1/meetings/{meeting.id}", json={"title": "x"}, headers=member), 403, "forbidden"
    )


async def test_tokens_may_not_manage_tokens_or_sign_out(client, db, settings) -> None:
    table, _ = await _table(db, settings)
    token = await api_token(db, "meetings:read", "audit:read", user=table.host_user)
    await db.commit()
    assert_problem(
        await client.post(TOKENS, json={"name": "x", "scopes": ["meetings:read"]}, headers=token),
        403,
        "token_not_allowed",
    )
    assert_problem(await client.get(TOKENS, headers=token), 403, "token_not_allowed")
    assert_problem(await client.post("/api/v1/auth/logout", headers=token), 403, "token_not_allowed")
    assert_problem(await client.get("/api/v1/me", headers=token), 403, "token_not_allowed")


async def test_revoked_expired_and_unknown_tokens_are_refused(client, db, settings) -> None:
    table, _ = await _table(db, settings)
    created = ok(await client.post(TOKENS, json={"name": "sync", "scopes": ["meetings:read"]}, headers=table.host), 201)
    mine = {"Authorization": f"Bearer {created['token']}"}
    ok(await client.get("/api/v1/meetings", headers=mine))
    assert (await client.delete(f"{TOKENS}/{created['id']}", headers=table.host)).status_code == 204
    assert_problem(await client.get("/api/v1/meetings", headers=mine), 401, "token_revoked")
    assert (await client.delete(f"{TOKENS}/{created['id']}", headers=table.host)).status_code == 204
    # Someone else's token is not yours to revoke, nor to see.
    assert_problem(await client.delete(f"{TOKENS}/{created['id']}", headers=table.facilitator), 404, "not_found")

    expired = await api_token(db, "meetings:read", user=table.host_user, expires_in=timedelta(seconds=-1))
    await db.commit()
    assert_problem(await client.get("/api/v1/meetings", headers=expired), 401, "token_expired")
    unknown = {"Authorization": f"Bearer {new_token(ApiTokenKind.personal)}"}
    assert_problem(await client.get("/api/v1/meetings", headers=unknown), 401, "invalid_token")
    mistyped = {"Authorization": f"Bearer {created['token'][:-1]}x"}
    assert_problem(await client.get("/api/v1/meetings", headers=mistyped), 401, "invalid_token")


async def test_an_owner_who_lost_access_gets_access_revoked_not_an_empty_list(client, db, settings) -> None:
    table, _ = await _table(db, settings, members=1)
    member = table.member_users[0]
    token = await api_token(db, "meetings:read", user=member)
    await db.commit()
    ok(await client.get("/api/v1/meetings", headers=token))
    await db.execute(
        update(Seat)
        .where(Seat.id == table.member_seats[0].id)
        .values(ended_on=datetime.now(UTC).date() - timedelta(days=1))
    )
    await db.commit()
    assert_problem(await client.get("/api/v1/meetings", headers=token), 403, "access_revoked")

    host_token = await api_token(db, "meetings:read", user=table.host_user)
    table.host_user.is_active = False
    await db.commit()
    assert_problem(await client.get("/api/v1/meetings", headers=host_token), 403, "access_revoked")


async def test_creation_use_and_revocation_are_audited_and_use_is_written_at_most_every_five_minutes(
    client, db, settings
) -> None:
    table, _ = await _table(db, settings)
    created = ok(await client.post(TOKENS, json={"name": "sync", "scopes": ["meetings:read"]}, headers=table.host), 201)
    mine = {"Authorization": f"Bearer {created['token']}"}
    for _ in range(3):
        ok(await client.get("/api/v1/meetings", headers=mine))
    token = await db.get(ApiToken, uuid.UUID(created["id"]))
    assert token is not None and token.last_used_at is not None
    first_use = token.last_used_at
    await db.execute(
        update(ApiToken).where(ApiToken.id == token.id).values(last_used_at=first_use - timedelta(minutes=6))
    )
    await db.commit()
    ok(await client.get("/api/v1/meetings", headers=mine))
    await db.refresh(token)
    assert token.last_used_at > first_use - timedelta(minutes=6)
    assert (await client.delete(f"{TOKENS}/{created['id']}", headers=table.host)).status_code == 204

    audit = (
        await db.scalars(
            select(AuditEvent).where(AuditEvent.entity_id == token.id).order_by(AuditEvent.created_at, AuditEvent.id)
        )
    ).all()
    assert [entry.action for entry in audit] == ["create", "use", "use", "revoke"]
    assert all(entry.actor_user_id == table.host_user.id for entry in audit)
    events = (
        await db.scalars(select(DomainEvent).where(DomainEvent.entity_id == token.id).order_by(DomainEvent.position))
    ).all()
    assert [event.type for event in events] == [
        "api_token.created",
        "api_token.used",
        "api_token.used",
        "api_token.revoked",
    ]
    assert [event.actor_token_id for event in events] == [None, token.id, token.id, None]
    for written in (*[entry.changes for entry in audit], *[event.payload for event in events]):
        assert created["token"] not in str(written) and token.token_hash not in str(written)


async def test_a_service_account_reads_its_granted_roundtables_only(client, db, settings) -> None:
    table, meeting = await _table(db, settings)
    other, elsewhere = await _table(db, settings)
    admin = await signed_in(db, settings, admin=True)
    await db.commit()
    account = ok(
        await client.post(
            "/api/v1/service-accounts",
            json={
                "name": f"warehouse {meeting.id}",
                "grants": [{"roundtable_id": str(table.roundtable.id), "role": "observer"}],
            },
            headers=admin,
        ),
        201,
    )
    tokens = f"/api/v1/service-accounts/{account['id']}/tokens"
    assert_problem(
        await client.post(tokens, json={"name": "x", "scopes": ["meetings:write"]}, headers=admin),
        422,
        "scope_not_allowed",
    )
    created = ok(await client.post(tokens, json={"name": "nightly", "scopes": ["meetings:read"]}, headers=admin), 201)
    assert created["token"].startswith("shl_sa_") and created["service_account_id"] == account["id"]
    machine = {"Authorization": f"Bearer {created['token']}"}

    assert [row["id"] for row in ok(await client.get("/api/v1/meetings", headers=machine))["items"]] == [
        str(meeting.id)
    ]
    assert_problem(await client.get(f"/api/v1/meetings/{elsewhere.id}", headers=machine), 404, "not_found")
    assert_problem(await client.get("/api/v1/decisions", headers=machine), 403, "insufficient_scope")
    # Neither a person's rights nor another's: not an admin's operation, not the facilitator's journal.
    assert_problem(await client.get("/api/v1/service-accounts", headers=machine), 403, "token_not_allowed")
    assert_problem(await client.get(f"/api/v1/meetings/{meeting.id}/process-notes", headers=machine), 404, "not_found")

    # Taking the grants away is losing access: said so, not an empty list.
    current = await client.get(f"/api/v1/service-accounts/{account['id']}", headers=admin)
    ok(
        await client.patch(
            f"/api/v1/service-accounts/{account['id']}",
            json={"grants": []},
            headers={**admin, "If-Match": current.headers["etag"]},
        )
    )
    assert_problem(await client.get("/api/v1/meetings", headers=machine), 403, "access_revoked")
    current = await client.get(f"/api/v1/service-accounts/{account['id']}", headers=admin)
    grant = [{"roundtable_id": str(other.roundtable.id), "role": "host"}]
    changed = ok(
        await client.patch(
            f"/api/v1/service-accounts/{account['id']}",
            json={"grants": grant},
            headers={**admin, "If-Match": current.headers["etag"]},
        )
    )
    assert changed["grants"] == grant
    assert [row["id"] for row in ok(await client.get("/api/v1/meetings", headers=machine))["items"]] == [
        str(elsewhere.id)
    ]

    ok(await client.patch(f"/api/v1/service-accounts/{account['id']}", json={"is_active": False}, headers=admin))
    assert_problem(await client.get("/api/v1/meetings", headers=machine), 403, "access_revoked")
    listed = ok(await client.get(tokens, headers=admin))["items"]
    assert [row["id"] for row in listed] == [created["id"]]
    assert (await client.delete(f"{tokens}/{created['id']}", headers=admin)).status_code == 204
    assert_problem(await client.get("/api/v1/meetings", headers=machine), 401, "token_revoked")


async def test_service_accounts_are_for_admins_and_never_facilitate(client, db, settings) -> None:
    table, _ = await _table(db, settings)
    admin = await signed_in(db, settings, admin=True)
    await db.commit()
    body = {"name": "x", "grants": [{"roundtable_id": str(table.roundtable.id), "role": "facilitator"}]}
    assert_problem(await client.post("/api/v1/service-accounts", json=body, headers=admin), 422, "validation_error")
    body["grants"][0]["role"] = "host"
    assert_problem(
        await client.post("/api/v1/service-accounts", json=body, headers=table.facilitator), 403, "forbidden"
    )
    ok(await client.post("/api/v1/service-accounts", json=body, headers=admin), 201)
    assert_problem(
        await client.post("/api/v1/service-accounts", json=body, headers=admin), 409, "service_account_name_taken"
    )
