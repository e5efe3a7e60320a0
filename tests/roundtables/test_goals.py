"""Goals: a roundtable's objectives, listed in the order set, edited by facilitators and hosts."""

import pytest
from helpers import assert_problem

from shulchan.demo.content import demo_content

RTS = "/api/v1/roundtables"
GOALS = "/api/v1/goals"
SEEDED_GOALS = demo_content().goals


def goals_url(world, key: str) -> str:
    return f"{RTS}/{world.roundtables[key]}/goals"


async def goal_titles(client, world, key: str, headers=None) -> list[str]:
    response = await client.get(goals_url(world, key), params={"limit": 200}, headers=headers or {})
    assert response.status_code == 200, response.text
    return [goal["title"] for goal in response.json()["items"]]


async def add_goal(client, headers, world, key="pmo", **overrides) -> dict:
    body = {"title": "מטרה חדשה", "description": "תיאור", "target_date": "2028-01-31"} | overrides
    response = await client.post(goals_url(world, key), json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


async def test_the_public_lists_goals_of_a_public_roundtable_in_order(client, world):
    response = await client.get(goals_url(world, "pmo"))

    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert [goal["title"] for goal in items] == [goal.title for goal in SEEDED_GOALS["pmo"]]
    assert [goal["status"] for goal in items] == [goal.status for goal in SEEDED_GOALS["pmo"]]
    assert {goal["roundtable_id"] for goal in items} == {str(world.roundtables["pmo"])}


async def test_goals_page_by_cursor(client, world):
    first = (await client.get(goals_url(world, "pmo"), params={"limit": 2})).json()
    second = (await client.get(goals_url(world, "pmo"), params={"limit": 2, "cursor": first["next_cursor"]})).json()
    third = (await client.get(goals_url(world, "pmo"), params={"limit": 2, "cursor": second["next_cursor"]})).json()

    titles = [goal["title"] for page in (first, second, third) for goal in page["items"]]
    assert titles == [goal.title for goal in SEEDED_GOALS["pmo"]]
    assert third["next_cursor"] is None


@pytest.mark.parametrize("who", ["facilitator", "host"])
async def test_facilitators_and_hosts_add_goals(client, auth, world, who):
    created = await add_goal(client, await auth(who), world, title=f"מטרה של {who}")

    assert created["status"] == "open"
    assert created["target_date"] == "2028-01-31"
    assert created["version"] == 1
    titles = await goal_titles(client, world, "pmo")
    assert titles[-1] == f"מטרה של {who}"
    assert len(titles) == len(SEEDED_GOALS["pmo"]) + 1


async def test_a_new_goal_is_addressable(client, auth, world):
    response = await client.post(
        goals_url(world, "pmo"), json={"title": "מטרה", "status": "in_progress"}, headers=await auth("facilitator")
    )

    assert response.headers["location"] == f"{GOALS}/{response.json()['id']}"
    assert response.headers["etag"] == '"1"'
    fetched = await client.get(response.headers["location"])
    assert fetched.json()["status"] == "in_progress"
    assert fetched.json()["target_date"] is None


async def test_bad_goals_are_refused(client, auth, world):
    facilitator = await auth("facilitator")

    for body in ({"title": ""}, {"title": "x", "status": "done"}, {"title": "x", "target_date": "soon"}, {}):
        assert_problem(
            await client.post(goals_url(world, "pmo"), json=body, headers=facilitator), 422, "validation_error"
        )
    assert len(await goal_titles(client, world, "pmo")) == len(SEEDED_GOALS["pmo"])


async def test_members_do_not_add_goals(client, auth, world):
    assert_problem(
        await client.post(goals_url(world, "pmo"), json={"title": "x"}, headers=await auth("member")), 403, "forbidden"
    )


async def test_patch_a_goal_with_if_match(client, auth, world):
    host = await auth("host")
    goal = await add_goal(client, host, world)
    url = f"{GOALS}/{goal['id']}"

    updated = await client.patch(
        url, json={"status": "achieved", "description": "הושג"}, headers=host | {"If-Match": '"1"'}
    )
    stale = await client.patch(url, json={"status": "dropped"}, headers=host | {"If-Match": '"1"'})

    assert updated.status_code == 200, updated.text
    assert (updated.json()["status"], updated.json()["description"], updated.json()["version"]) == (
        "achieved",
        "הושג",
        2,
    )
    assert updated.headers["etag"] == '"2"'
    assert_problem(stale, 412, "stale_version")
    assert (await client.get(url)).json()["status"] == "achieved"


async def test_a_goal_target_date_can_be_cleared(client, auth, world):
    facilitator = await auth("facilitator")
    goal = await add_goal(client, facilitator, world)

    response = await client.patch(f"{GOALS}/{goal['id']}", json={"target_date": None}, headers=facilitator)

    assert response.json()["target_date"] is None


async def test_members_do_not_edit_or_delete_goals(client, auth, world):
    goal = await add_goal(client, await auth("facilitator"), world)
    member = await auth("member")

    assert_problem(await client.patch(f"{GOALS}/{goal['id']}", json={"title": "x"}, headers=member), 403, "forbidden")
    assert_problem(await client.delete(f"{GOALS}/{goal['id']}", headers=member), 403, "forbidden")
    assert (await client.get(f"{GOALS}/{goal['id']}")).json()["title"] == "מטרה חדשה"


async def test_delete_a_goal(client, auth, world):
    facilitator = await auth("facilitator")
    goal = await add_goal(client, facilitator, world)

    stale = await client.delete(f"{GOALS}/{goal['id']}", headers=facilitator | {"If-Match": '"7"'})
    assert_problem(stale, 412, "stale_version")
    assert (await client.get(f"{GOALS}/{goal['id']}")).status_code == 200

    deleted = await client.delete(f"{GOALS}/{goal['id']}", headers=facilitator | {"If-Match": '"1"'})
    assert deleted.status_code == 204
    assert deleted.content == b""
    assert_problem(await client.get(f"{GOALS}/{goal['id']}"), 404, "not_found")
    assert "מטרה חדשה" not in await goal_titles(client, world, "pmo")
    assert_problem(await client.delete(f"{GOALS}/{goal['id']}", headers=facilitator), 404, "not_found")


async def test_goals_of_an_internal_roundtable_do_not_exist_for_outsiders(client, auth, world):
    education_goal = (await client.get(goals_url(world, "education"), headers=await auth("facilitator2"))).json()[
        "items"
    ][0]
    url = f"{GOALS}/{education_goal['id']}"

    for who in ("member", "facilitator", "outsider", "anonymous"):
        headers = await auth(who)
        assert_problem(await client.get(goals_url(world, "education"), headers=headers), 404, "not_found")
        assert_problem(await client.get(url, headers=headers), 404, "not_found")
    for who in ("member", "facilitator", "outsider"):
        headers = await auth(who)
        assert_problem(
            await client.post(goals_url(world, "education"), json={"title": "x"}, headers=headers), 404, "not_found"
        )
        assert_problem(await client.patch(url, json={"title": "x"}, headers=headers), 404, "not_found")
        assert_problem(await client.delete(url, headers=headers), 404, "not_found")
    assert await goal_titles(client, world, "education", await auth("facilitator2")) == [
        goal.title for goal in SEEDED_GOALS["education"]
    ]


async def test_seated_people_see_goals_of_an_internal_roundtable(client, auth, world):
    titles = await goal_titles(client, world, "civil_service", await auth("facilitator"))

    assert titles == [goal.title for goal in SEEDED_GOALS["civil_service"]]


async def test_goals_of_an_unknown_roundtable_are_404(client, auth):
    response = await client.get(f"{RTS}/00000000-0000-7000-8000-000000000000/goals", headers=await auth("admin"))

    assert_problem(response, 404, "not_found")
