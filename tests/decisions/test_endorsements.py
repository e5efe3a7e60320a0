"""Endorsements: each seat's word on a decision (supports, reservations, objects), given by the seat's holder
or their alternate; the per-sector summary over current host and member seats; and `consensus`, true only
when every such sector has a supporter and none of those seats objects.
"""

from collections import Counter
from datetime import date, timedelta

import pytest
from decision_factories import SEATED, Cast, make_cast, make_decision
from helpers import assert_problem, ok

from shulchan.roundtables.models import Role

API = "/api/v1"


@pytest.fixture
async def cast(db, settings) -> Cast:
    """This test's own roundtable and people (see decision_factories)."""
    return await make_cast(db, settings)


# One host/member seat-holder per sector (cast keys), plus a second civil-society member.
GOVERNMENT, BUSINESS, CIVIL, CIVIL_2 = "host", "business", "member", "member2"


def seat_of(cast, key: str) -> str:
    return str(cast.seats[key].id)


async def new_decision(client, cast, status="in_discussion") -> dict:
    return await make_decision(client, cast, status, title="עקרונות לתמיכה שקופה בעמותות", text="השולחן ממליץ...")


async def endorse(client, headers, decision_id, position, comment=None, seat_id=None):
    body = (
        {"position": position} | ({"comment": comment} if comment else {}) | ({"seat_id": seat_id} if seat_id else {})
    )
    return await client.put(f"{API}/decisions/{decision_id}/endorsement", headers=headers, json=body)


class Table:
    """Signs in the cast's seat-holders by key and records their positions."""

    def __init__(self, client, cast, decision_id):
        self.client, self.cast, self.decision_id = client, cast, decision_id

    async def says(self, key: str, position: str) -> dict:
        return ok(await endorse(self.client, await self.cast.auth(key), self.decision_id, position))


def sector_row(decision: dict, cast, sector_key: str) -> dict:
    return next(s for s in decision["by_sector"] if s["sector_id"] == str(cast.sectors[sector_key]))


# --- the summary ----------------------------------------------------------------------------------


async def test_the_summary_counts_current_host_and_member_seats_of_each_sector(client, cast):
    # The observer, the facilitator and the departed member hold no counted seat.
    expected = Counter(sector for sector, role in SEATED.values() if role in (Role.host, Role.member))
    assert expected == {"government": 2, "business": 2, "civil_society": 2}

    decision = await new_decision(client, cast)

    assert {s["sector_id"]: s["seats"] for s in decision["by_sector"]} == {
        str(cast.sectors[key]): count for key, count in expected.items()
    }
    for row in decision["by_sector"]:
        assert (row["supports"], row["reservations"], row["objects"], row["pending"]) == (0, 0, 0, row["seats"])
    assert decision["endorsements"] == [] and decision["consensus"] is False


async def test_a_member_endorses_for_their_own_seat(client, cast):
    decision = await new_decision(client, cast)
    civil_before = sector_row(decision, cast, "civil_society")

    response = await endorse(client, await cast.auth("member"), decision["id"], "supports", "בעד, בתנאי שיפורסם")

    endorsed = ok(response)
    assert response.headers["ETag"] == f'"{endorsed["version"]}"'
    (mine,) = endorsed["endorsements"]
    assert mine["seat_id"] == seat_of(cast, "member")
    assert (mine["position"], mine["comment"], mine["role"]) == ("supports", "בעד, בתנאי שיפורסם", "member")
    assert mine["sector_id"] == str(cast.sectors["civil_society"])
    civil = sector_row(endorsed, cast, "civil_society")
    assert (civil["supports"], civil["pending"]) == (1, civil_before["pending"] - 1)
    assert sector_row(endorsed, cast, "government")["supports"] == 0


async def test_changing_position_updates_the_seats_endorsement(client, cast):
    decision = await new_decision(client, cast)
    member = await cast.auth("member")
    ok(await endorse(client, member, decision["id"], "supports"))
    ok(await endorse(client, member, decision["id"], "objects", "מתנגדת"))

    changed = ok(await endorse(client, member, decision["id"], "reservations", "יש הסתייגות"))

    (only,) = changed["endorsements"]
    assert (only["position"], only["comment"]) == ("reservations", "יש הסתייגות")
    civil = sector_row(changed, cast, "civil_society")
    assert (civil["supports"], civil["reservations"], civil["objects"]) == (0, 1, 0)
    assert civil["pending"] == civil["seats"] - 1
    audit = ok(
        await client.get(
            f"{API}/roundtables/{cast.roundtable.id}/audit",
            headers=await cast.auth("facilitator"),
            params={"entity_type": "endorsements"},
        )
    )
    assert [e["action"] for e in reversed(audit["items"])] == ["create", "update", "update"]


async def test_observers_do_not_endorse(client, cast):
    decision = await new_decision(client, cast)

    assert_problem(await endorse(client, await cast.auth("observer"), decision["id"], "supports"), 403, "forbidden")

    after = ok(await client.get(f"{API}/decisions/{decision['id']}", headers=await cast.auth("facilitator")))
    assert after["endorsements"] == []


async def test_nobody_endorses_for_a_seat_that_is_not_theirs(client, cast):
    decision = await new_decision(client, cast)
    host_seat = seat_of(cast, "host")

    response = await endorse(client, await cast.auth("member"), decision["id"], "objects", seat_id=host_seat)

    assert_problem(response, 403, "no_own_seat")
    after = ok(await client.get(f"{API}/decisions/{decision['id']}", headers=await cast.auth("facilitator")))
    assert after["endorsements"] == []


async def test_those_outside_the_table_do_not_see_the_decision_to_endorse(client, cast):
    decision = await new_decision(client, cast)

    assert_problem(await endorse(client, await cast.auth("outsider"), decision["id"], "supports"), 404, "not_found")
    assert_problem(await endorse(client, {}, decision["id"], "supports"), 404, "not_found")


async def test_an_alternate_endorses_for_the_seat_they_stand_in_for(client, cast):
    decision = await new_decision(client, cast)
    alternate = await cast.auth("alternate")  # stands in for the member's seat

    by_alternate = ok(await endorse(client, alternate, decision["id"], "reservations", "בשם הארגון"))

    (entry,) = by_alternate["endorsements"]
    assert entry["seat_id"] == seat_of(cast, "member")
    assert entry["position"] == "reservations"
    # The holder's word on the same seat replaces the alternate's: still one endorsement for the seat.
    by_holder = ok(await endorse(client, await cast.auth("member"), decision["id"], "supports"))
    assert [(e["seat_id"], e["position"]) for e in by_holder["endorsements"]] == [(entry["seat_id"], "supports")]


async def test_who_holds_several_seats_says_which(client, cast):
    decision = await new_decision(client, cast)
    facilitator, member = await cast.auth("facilitator"), await cast.auth("member")
    rania_seat = seat_of(cast, CIVIL_2)
    ok(
        await client.patch(
            f"{API}/seats/{rania_seat}",
            headers=facilitator,
            json={"alternate_stakeholder_id": str(cast.stakeholders["member"])},
        )
    )

    assert_problem(await endorse(client, member, decision["id"], "supports"), 422, "seat_required")
    endorsed = ok(await endorse(client, member, decision["id"], "objects", seat_id=rania_seat))

    assert [(e["seat_id"], e["position"]) for e in endorsed["endorsements"]] == [(rania_seat, "objects")]


@pytest.mark.parametrize("status", ["proposed", "in_discussion", "agreed"])
async def test_open_decisions_take_endorsements(client, cast, status):
    decision = await new_decision(client, cast, status)

    endorsed = ok(await endorse(client, await cast.auth("host"), decision["id"], "supports"))

    assert [e["position"] for e in endorsed["endorsements"]] == ["supports"]


@pytest.mark.parametrize(("path", "by"), [(["adopted"], "host"), (["adopted", "implemented"], "host")])
async def test_an_adopted_decision_takes_no_more_endorsements(client, cast, path, by):
    decision = await new_decision(client, cast, "agreed")
    member = await cast.auth("member")
    ok(await endorse(client, member, decision["id"], "supports"))
    for target in path:
        ok(
            await client.post(
                f"{API}/decisions/{decision['id']}/transition", headers=await cast.auth(by), json={"status": target}
            )
        )

    response = await endorse(client, member, decision["id"], "objects")

    assert_problem(response, 409, "endorsement_closed")
    after = ok(await client.get(f"{API}/decisions/{decision['id']}", headers=member))
    assert [e["position"] for e in after["endorsements"]] == ["supports"]


@pytest.mark.parametrize("closing", ["rejected", "withdrawn"])
async def test_a_closed_decision_takes_no_endorsements(client, cast, closing):
    decision = await new_decision(client, cast)
    ok(
        await client.post(
            f"{API}/decisions/{decision['id']}/transition",
            headers=await cast.auth("facilitator"),
            json={"status": closing},
        )
    )

    assert_problem(
        await endorse(client, await cast.auth("member"), decision["id"], "supports"), 409, "endorsement_closed"
    )


# --- consensus ------------------------------------------------------------------------------------


async def test_consensus_when_every_sector_has_a_supporter(client, cast):
    decision = await new_decision(client, cast)
    table = Table(client, cast, decision["id"])

    await table.says(GOVERNMENT, "supports")
    two_sectors = await table.says(CIVIL, "supports")
    assert two_sectors["consensus"] is False  # business has no supporter yet
    assert sector_row(two_sectors, cast, "business")["supports"] == 0

    everyone = await table.says(BUSINESS, "supports")

    assert everyone["consensus"] is True
    assert all(row["supports"] == 1 for row in everyone["by_sector"])
    assert all(row["pending"] == row["seats"] - 1 for row in everyone["by_sector"])  # one voice per sector suffices


async def test_one_objection_breaks_consensus_and_its_withdrawal_restores_it(client, cast):
    decision = await new_decision(client, cast)
    table = Table(client, cast, decision["id"])
    for key in (GOVERNMENT, BUSINESS, CIVIL):
        await table.says(key, "supports")

    objected = await table.says(CIVIL_2, "objects")

    assert objected["consensus"] is False
    assert sector_row(objected, cast, "civil_society")["objects"] == 1
    softened = await table.says(CIVIL_2, "reservations")
    assert softened["consensus"] is True
    assert sector_row(softened, cast, "civil_society")["reservations"] == 1


async def test_reservations_do_not_break_consensus(client, cast):
    decision = await new_decision(client, cast)
    table = Table(client, cast, decision["id"])
    for key in (GOVERNMENT, BUSINESS, CIVIL):
        await table.says(key, "supports")

    for key in ("government2", "business2", CIVIL_2):
        with_reservations = await table.says(key, "reservations")

    assert with_reservations["consensus"] is True
    assert [row["reservations"] for row in with_reservations["by_sector"]] == [1, 1, 1]


async def test_a_sector_with_only_reservations_has_no_supporter(client, cast):
    decision = await new_decision(client, cast)
    table = Table(client, cast, decision["id"])
    await table.says(GOVERNMENT, "supports")
    await table.says(CIVIL, "supports")

    reserved = await table.says(BUSINESS, "reservations")

    assert reserved["consensus"] is False
    business = sector_row(reserved, cast, "business")
    assert (business["supports"], business["reservations"]) == (0, 1)


async def test_an_objection_from_a_sector_that_also_supports_still_breaks_consensus(client, cast):
    decision = await new_decision(client, cast)
    table = Table(client, cast, decision["id"])
    for key in (GOVERNMENT, BUSINESS, CIVIL):
        await table.says(key, "supports")

    objected = await table.says("government2", "objects")  # government, like the supporting host

    assert objected["consensus"] is False
    government = sector_row(objected, cast, "government")
    assert (government["supports"], government["objects"]) == (1, 1)


async def test_a_departed_members_old_objection_no_longer_counts(client, cast):
    decision = await new_decision(client, cast)
    table = Table(client, cast, decision["id"])
    for key in (GOVERNMENT, BUSINESS, CIVIL):
        await table.says(key, "supports")
    assert (await table.says(CIVIL_2, "objects"))["consensus"] is False
    civil_seats = sector_row(decision, cast, "civil_society")["seats"]

    # The objector leaves the table: their seat ends yesterday.
    ok(
        await client.patch(
            f"{API}/seats/{seat_of(cast, CIVIL_2)}",
            headers=await cast.auth("facilitator"),
            json={"ended_on": (date.today() - timedelta(days=1)).isoformat()},
        )
    )

    after = ok(await client.get(f"{API}/decisions/{decision['id']}", headers=await cast.auth("facilitator")))
    civil = sector_row(after, cast, "civil_society")
    assert (civil["seats"], civil["supports"], civil["objects"]) == (civil_seats - 1, 1, 0)
    assert len(after["endorsements"]) == 4  # the old word is still shown, for the record
    assert after["consensus"] is True


async def test_the_facilitators_own_word_is_shown_but_not_counted(client, cast):
    decision = await new_decision(client, cast)
    table = Table(client, cast, decision["id"])
    for key in (GOVERNMENT, BUSINESS, CIVIL):
        await table.says(key, "supports")

    after = ok(await endorse(client, await cast.auth("facilitator"), decision["id"], "objects"))

    facilitator_entry = next(e for e in after["endorsements"] if e["role"] == "facilitator")
    assert facilitator_entry["position"] == "objects"
    assert sum(row["objects"] for row in after["by_sector"]) == 0
    assert after["consensus"] is True
