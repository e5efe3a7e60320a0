"""Endorsements: each seat's word on a decision (supports, reservations, objects), given by the seat's holder
or their alternate; the per-sector summary over current host and member seats; and `consensus`, true only
when every such sector has a supporter and none of those seats objects.
"""

import uuid
from collections import Counter
from datetime import date, timedelta

import pytest
from helpers import ok
from sqlalchemy import select

from shulchan.core.security import create_access_token
from shulchan.demo.content import demo_content
from shulchan.identity.models import AuthSession, User
from shulchan.roundtables.models import Seat
from shulchan.stakeholders.models import Stakeholder

PROBLEM = "application/problem+json"
API = "/api/v1"
PMO_SEATS = demo_content().seats["pmo"]
ORGANISATION_SECTOR = {o.key: o.sector for o in demo_content().organisations}
STAKEHOLDER_SECTOR = {s.key: ORGANISATION_SECTOR[s.organisation] for s in demo_content().stakeholders}
# One PMO host/member seat-holder per sector, plus a second civil-society member.
GOVERNMENT, BUSINESS, CIVIL, CIVIL_2 = "host", "yoav_kramer", "member", "rania_haj_yahya"


def assert_problem(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body["status"] == status and body["code"] == code, body
    return body


async def sign_in_as(db, settings, world, stakeholder_key: str) -> dict[str, str]:
    """Headers for the person behind a demo stakeholder, giving them a login first if they have none."""
    stakeholder = await db.get(Stakeholder, world.stakeholders[stakeholder_key])
    if stakeholder.user_id is None:
        user = User(email=f"{stakeholder_key}-{uuid.uuid4().hex[:6]}@example.org", full_name=stakeholder.full_name)
        db.add(user)
        await db.flush()
        stakeholder.user_id = user.id
    auth_session = AuthSession(user_id=stakeholder.user_id)
    db.add(auth_session)
    await db.flush()
    await db.commit()
    token, _ = create_access_token(settings, stakeholder.user_id, auth_session.id)
    return {"Authorization": f"Bearer {token}"}


async def seat_of(db, world, stakeholder_key: str, roundtable="pmo") -> str:
    seat_id = await db.scalar(
        select(Seat.id).where(
            Seat.roundtable_id == world.roundtables[roundtable],
            Seat.stakeholder_id == world.stakeholders[stakeholder_key],
            Seat.ended_on.is_(None),
        )
    )
    assert seat_id is not None, stakeholder_key
    return str(seat_id)


async def new_decision(client, auth, world, status="in_discussion") -> dict:
    facilitator = await auth("facilitator")
    decision = ok(
        await client.post(
            f"{API}/roundtables/{world.roundtables['pmo']}/decisions",
            headers=facilitator,
            json={"kind": "agreement", "title": "עקרונות לתמיכה שקופה בעמותות", "text": "השולחן ממליץ..."},
        ),
        201,
    )
    path = {"proposed": [], "in_discussion": ["in_discussion"], "agreed": ["in_discussion", "agreed"]}[status]
    for target in path:
        decision = ok(
            await client.post(
                f"{API}/decisions/{decision['id']}/transition", headers=facilitator, json={"status": target}
            )
        )
    return decision


async def endorse(client, headers, decision_id, position, comment=None, seat_id=None):
    body = (
        {"position": position} | ({"comment": comment} if comment else {}) | ({"seat_id": seat_id} if seat_id else {})
    )
    return await client.put(f"{API}/decisions/{decision_id}/endorsement", headers=headers, json=body)


class Table:
    """Signs in PMO seat-holders by stakeholder key and records their positions."""

    def __init__(self, client, db, settings, world, decision_id):
        self.client, self.db, self.settings, self.world, self.decision_id = client, db, settings, world, decision_id

    async def says(self, stakeholder_key: str, position: str) -> dict:
        headers = await sign_in_as(self.db, self.settings, self.world, stakeholder_key)
        return ok(await endorse(self.client, headers, self.decision_id, position))


def sector_row(decision: dict, world, sector_key: str) -> dict:
    return next(s for s in decision["by_sector"] if s["sector_id"] == str(world.sectors[sector_key]))


# --- the summary ----------------------------------------------------------------------------------


async def test_the_summary_counts_current_host_and_member_seats_of_each_sector(client, auth, world):
    expected = Counter(
        STAKEHOLDER_SECTOR[s.stakeholder] for s in PMO_SEATS if s.role in ("host", "member") and s.ended_on is None
    )

    decision = await new_decision(client, auth, world)

    assert {s["sector_id"]: s["seats"] for s in decision["by_sector"]} == {
        str(world.sectors[key]): count for key, count in expected.items()
    }
    for row in decision["by_sector"]:
        assert (row["supports"], row["reservations"], row["objects"], row["pending"]) == (0, 0, 0, row["seats"])
    assert decision["endorsements"] == [] and decision["consensus"] is False


async def test_a_member_endorses_for_their_own_seat(client, auth, world, db):
    decision = await new_decision(client, auth, world)
    civil_before = sector_row(decision, world, "civil_society")

    response = await endorse(client, await auth("member"), decision["id"], "supports", "בעד, בתנאי שיפורסם")

    endorsed = ok(response)
    assert response.headers["ETag"] == f'"{endorsed["version"]}"'
    (mine,) = endorsed["endorsements"]
    assert mine["seat_id"] == await seat_of(db, world, "member")
    assert (mine["position"], mine["comment"], mine["role"]) == ("supports", "בעד, בתנאי שיפורסם", "member")
    assert mine["sector_id"] == str(world.sectors["civil_society"])
    civil = sector_row(endorsed, world, "civil_society")
    assert (civil["supports"], civil["pending"]) == (1, civil_before["pending"] - 1)
    assert sector_row(endorsed, world, "government")["supports"] == 0


async def test_changing_position_updates_the_seats_endorsement(client, auth, world):
    decision = await new_decision(client, auth, world)
    member = await auth("member")
    ok(await endorse(client, member, decision["id"], "supports"))
    ok(await endorse(client, member, decision["id"], "objects", "מתנגדת"))

    changed = ok(await endorse(client, member, decision["id"], "reservations", "יש הסתייגות"))

    (only,) = changed["endorsements"]
    assert (only["position"], only["comment"]) == ("reservations", "יש הסתייגות")
    civil = sector_row(changed, world, "civil_society")
    assert (civil["supports"], civil["reservations"], civil["objects"]) == (0, 1, 0)
    assert civil["pending"] == civil["seats"] - 1
    audit = ok(
        await client.get(
            f"{API}/roundtables/{world.roundtables['pmo']}/audit",
            headers=await auth("facilitator"),
            params={"entity_type": "endorsements"},
        )
    )
    assert [e["action"] for e in reversed(audit["items"])] == ["create", "update", "update"]


async def test_observers_do_not_endorse(client, auth, world):
    decision = await new_decision(client, auth, world)

    assert_problem(await endorse(client, await auth("observer"), decision["id"], "supports"), 403, "forbidden")

    after = ok(await client.get(f"{API}/decisions/{decision['id']}", headers=await auth("facilitator")))
    assert after["endorsements"] == []


async def test_nobody_endorses_for_a_seat_that_is_not_theirs(client, auth, world, db):
    decision = await new_decision(client, auth, world)
    host_seat = await seat_of(db, world, "host")

    response = await endorse(client, await auth("member"), decision["id"], "objects", seat_id=host_seat)

    assert_problem(response, 403, "no_own_seat")
    after = ok(await client.get(f"{API}/decisions/{decision['id']}", headers=await auth("facilitator")))
    assert after["endorsements"] == []


async def test_those_outside_the_table_do_not_see_the_decision_to_endorse(client, auth, world):
    decision = await new_decision(client, auth, world)

    assert_problem(await endorse(client, await auth("outsider"), decision["id"], "supports"), 404, "not_found")
    assert_problem(await endorse(client, {}, decision["id"], "supports"), 404, "not_found")


async def test_an_alternate_endorses_for_the_seat_they_stand_in_for(client, auth, world, db, settings):
    decision = await new_decision(client, auth, world)
    alternate = await sign_in_as(db, settings, world, "oz_ben_haim")  # the member's alternate at PMO

    by_alternate = ok(await endorse(client, alternate, decision["id"], "reservations", "בשם הארגון"))

    (entry,) = by_alternate["endorsements"]
    assert entry["seat_id"] == await seat_of(db, world, "member")
    assert entry["position"] == "reservations"
    # The holder's word on the same seat replaces the alternate's: still one endorsement for the seat.
    by_holder = ok(await endorse(client, await auth("member"), decision["id"], "supports"))
    assert [(e["seat_id"], e["position"]) for e in by_holder["endorsements"]] == [(entry["seat_id"], "supports")]


async def test_who_holds_several_seats_says_which(client, auth, world, db):
    decision = await new_decision(client, auth, world)
    facilitator, member = await auth("facilitator"), await auth("member")
    rania_seat = await seat_of(db, world, CIVIL_2)
    ok(
        await client.patch(
            f"{API}/seats/{rania_seat}",
            headers=facilitator,
            json={"alternate_stakeholder_id": str(world.stakeholders["member"])},
        )
    )

    assert_problem(await endorse(client, member, decision["id"], "supports"), 422, "seat_required")
    endorsed = ok(await endorse(client, member, decision["id"], "objects", seat_id=rania_seat))

    assert [(e["seat_id"], e["position"]) for e in endorsed["endorsements"]] == [(rania_seat, "objects")]


@pytest.mark.parametrize("status", ["proposed", "in_discussion", "agreed"])
async def test_open_decisions_take_endorsements(client, auth, world, status):
    decision = await new_decision(client, auth, world, status)

    endorsed = ok(await endorse(client, await auth("host"), decision["id"], "supports"))

    assert [e["position"] for e in endorsed["endorsements"]] == ["supports"]


@pytest.mark.parametrize(("path", "by"), [(["adopted"], "host"), (["adopted", "implemented"], "host")])
async def test_an_adopted_decision_takes_no_more_endorsements(client, auth, world, path, by):
    decision = await new_decision(client, auth, world, "agreed")
    member = await auth("member")
    ok(await endorse(client, member, decision["id"], "supports"))
    for target in path:
        ok(
            await client.post(
                f"{API}/decisions/{decision['id']}/transition", headers=await auth(by), json={"status": target}
            )
        )

    response = await endorse(client, member, decision["id"], "objects")

    assert_problem(response, 409, "endorsement_closed")
    after = ok(await client.get(f"{API}/decisions/{decision['id']}", headers=member))
    assert [e["position"] for e in after["endorsements"]] == ["supports"]


@pytest.mark.parametrize("closing", ["rejected", "withdrawn"])
async def test_a_closed_decision_takes_no_endorsements(client, auth, world, closing):
    decision = await new_decision(client, auth, world)
    ok(
        await client.post(
            f"{API}/decisions/{decision['id']}/transition", headers=await auth("facilitator"), json={"status": closing}
        )
    )

    assert_problem(await endorse(client, await auth("member"), decision["id"], "supports"), 409, "endorsement_closed")


# --- consensus ------------------------------------------------------------------------------------


async def test_consensus_when_every_sector_has_a_supporter(client, auth, world, db, settings):
    decision = await new_decision(client, auth, world)
    table = Table(client, db, settings, world, decision["id"])

    await table.says(GOVERNMENT, "supports")
    two_sectors = await table.says(CIVIL, "supports")
    assert two_sectors["consensus"] is False  # business has no supporter yet
    assert sector_row(two_sectors, world, "business_philanthropy")["supports"] == 0

    everyone = await table.says(BUSINESS, "supports")

    assert everyone["consensus"] is True
    assert all(row["supports"] == 1 for row in everyone["by_sector"])
    assert all(row["pending"] == row["seats"] - 1 for row in everyone["by_sector"])  # one voice per sector suffices


async def test_one_objection_breaks_consensus_and_its_withdrawal_restores_it(client, auth, world, db, settings):
    decision = await new_decision(client, auth, world)
    table = Table(client, db, settings, world, decision["id"])
    for key in (GOVERNMENT, BUSINESS, CIVIL):
        await table.says(key, "supports")

    objected = await table.says(CIVIL_2, "objects")

    assert objected["consensus"] is False
    assert sector_row(objected, world, "civil_society")["objects"] == 1
    softened = await table.says(CIVIL_2, "reservations")
    assert softened["consensus"] is True
    assert sector_row(softened, world, "civil_society")["reservations"] == 1


async def test_reservations_do_not_break_consensus(client, auth, world, db, settings):
    decision = await new_decision(client, auth, world)
    table = Table(client, db, settings, world, decision["id"])
    for key in (GOVERNMENT, BUSINESS, CIVIL):
        await table.says(key, "supports")

    for key in ("ilana_shmueli", "ruth_gabay", CIVIL_2):
        with_reservations = await table.says(key, "reservations")

    assert with_reservations["consensus"] is True
    assert [row["reservations"] for row in with_reservations["by_sector"]] == [1, 1, 1]


async def test_a_sector_with_only_reservations_has_no_supporter(client, auth, world, db, settings):
    decision = await new_decision(client, auth, world)
    table = Table(client, db, settings, world, decision["id"])
    await table.says(GOVERNMENT, "supports")
    await table.says(CIVIL, "supports")

    reserved = await table.says(BUSINESS, "reservations")

    assert reserved["consensus"] is False
    business = sector_row(reserved, world, "business_philanthropy")
    assert (business["supports"], business["reservations"]) == (0, 1)


async def test_an_objection_from_a_sector_that_also_supports_still_breaks_consensus(client, auth, world, db, settings):
    decision = await new_decision(client, auth, world)
    table = Table(client, db, settings, world, decision["id"])
    for key in (GOVERNMENT, BUSINESS, CIVIL):
        await table.says(key, "supports")

    objected = await table.says("ido_landau", "objects")  # government, like the supporting host

    assert objected["consensus"] is False
    government = sector_row(objected, world, "government")
    assert (government["supports"], government["objects"]) == (1, 1)


async def test_a_departed_members_old_objection_no_longer_counts(client, auth, world, db, settings):
    decision = await new_decision(client, auth, world)
    table = Table(client, db, settings, world, decision["id"])
    for key in (GOVERNMENT, BUSINESS, CIVIL):
        await table.says(key, "supports")
    assert (await table.says(CIVIL_2, "objects"))["consensus"] is False
    civil_seats = sector_row(decision, world, "civil_society")["seats"]

    # The objector leaves the table: their seat ends yesterday.
    ok(
        await client.patch(
            f"{API}/seats/{await seat_of(db, world, CIVIL_2)}",
            headers=await auth("facilitator"),
            json={"ended_on": (date.today() - timedelta(days=1)).isoformat()},
        )
    )

    after = ok(await client.get(f"{API}/decisions/{decision['id']}", headers=await auth("facilitator")))
    civil = sector_row(after, world, "civil_society")
    assert (civil["seats"], civil["supports"], civil["objects"]) == (civil_seats - 1, 1, 0)
    assert len(after["endorsements"]) == 4  # the old word is still shown, for the record
    assert after["consensus"] is True


async def test_the_facilitators_own_word_is_shown_but_not_counted(client, auth, world, db, settings):
    decision = await new_decision(client, auth, world)
    table = Table(client, db, settings, world, decision["id"])
    for key in (GOVERNMENT, BUSINESS, CIVIL):
        await table.says(key, "supports")

    after = ok(await endorse(client, await auth("facilitator"), decision["id"], "objects"))

    facilitator_entry = next(e for e in after["endorsements"] if e["role"] == "facilitator")
    assert facilitator_entry["position"] == "objects"
    assert sum(row["objects"] for row in after["by_sector"]) == 0
    assert after["consensus"] is True
