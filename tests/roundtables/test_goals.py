"""Goals: a roundtable's objectives, listed in the order set, edited by facilitators and hosts."""

from dataclasses import dataclass

import pytest
from helpers import Table, assert_problem, make_goal, make_table, signed_in

from shulchan.roundtables.models import GoalStatus, Roundtable, Visibility

RTS = "/api/v1/roundtables"
GOALS = "/api/v1/goals"
STATUSES = [GoalStatus.open, GoalStatus.in_progress, GoalStatus.achieved, GoalStatus.open, GoalStatus.dropped]


@dataclass
class Goals:
    """A public table and an internal one, each with goals of its own (titles in the order set), and
    people around them: an outsider, and a person seated only at the internal table."""

    public: Table
    internal: Table
    public_titles: list[str]
    internal_titles: list[str]
    outsider: dict[str, str]
    admin: dict[str, str]


@pytest.fixture
async def goals(db, settings) -> Goals:
    public = await make_table(db, settings, members=1, visibility=Visibility.public)
    internal = await make_table(db, settings, members=1)
    public_titles = [
        (await make_goal(db, public.roundtable, f"מטרה {n}", status=status)).title for n, status in enumerate(STATUSES)
    ]
    internal_titles = [(await make_goal(db, internal.roundtable, f"מטרה פנימית {n}")).title for n in range(2)]
    built = Goals(
        public,
        internal,
        public_titles,
        internal_titles,
        await signed_in(db, settings),
        await signed_in(db, settings, admin=True),
    )
    await db.commit()
    return built


@pytest.fixture
def table(goals) -> Table:
    return goals.public


def goals_url(roundtable: Roundtable) -> str:
    return f"{RTS}/{roundtable.id}/goals"


async def goal_titles(client, roundtable: Roundtable, headers=None) -> list[str]:
    response = await client.get(goals_url(roundtable), params={"limit": 200}, headers=headers or {})
    assert response.status_code == 200, response.text
    return [goal["title"] for goal in response.json()["items"]]


async def add_goal(client, headers, roundtable: Roundtable, **overrides) -> dict:
    body = {"title": "מטרה חדשה", "description": "תיאור", "target_date": "2028-01-31"} | overrides
    response = await client.post(goals_url(roundtable), json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


async def test_the_public_lists_goals_of_a_public_roundtable_in_order(client, goals, table):
    response = await client.get(goals_url(table.roundtable))

    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert [goal["title"] for goal in items] == goals.public_titles
    assert [goal["status"] for goal in items] == [status.value for status in STATUSES]
    assert {goal["roundtable_id"] for goal in items} == {str(table.roundtable.id)}


async def test_goals_page_by_cursor(client, goals, table):
    url = goals_url(table.roundtable)
    first = (await client.get(url, params={"limit": 2})).json()
    second = (await client.get(url, params={"limit": 2, "cursor": first["next_cursor"]})).json()
    third = (await client.get(url, params={"limit": 2, "cursor": second["next_cursor"]})).json()

    titles = [goal["title"] for page in (first, second, third) for goal in page["items"]]
    assert titles == goals.public_titles
    assert third["next_cursor"] is None


@pytest.mark.parametrize("who", ["facilitator", "host"])
async def test_facilitators_and_hosts_add_goals(client, goals, table, who):
    created = await add_goal(client, getattr(table, who), table.roundtable, title=f"מטרה של {who}")

    assert created["status"] == "open"
    assert created["target_date"] == "2028-01-31"
    assert created["version"] == 1
    titles = await goal_titles(client, table.roundtable)
    assert titles[-1] == f"מטרה של {who}"
    assert len(titles) == len(goals.public_titles) + 1


async def test_a_new_goal_is_addressable(client, table):
    response = await client.post(
        goals_url(table.roundtable), json={"title": "מטרה", "status": "in_progress"}, headers=table.facilitator
    )

    assert response.headers["location"] == f"{GOALS}/{response.json()['id']}"
    assert response.headers["etag"] == '"1"'
    fetched = await client.get(response.headers["location"])
    assert fetched.json()["status"] == "in_progress"
    assert fetched.json()["target_date"] is None


async def test_bad_goals_are_refused(client, goals, table):
    for body in ({"title": ""}, {"title": "x", "status": "done"}, {"title": "x", "target_date": "soon"}, {}):
        assert_problem(
            await client.post(goals_url(table.roundtable), json=body, headers=table.facilitator),
            422,
            "validation_error",
        )
    assert len(await goal_titles(client, table.roundtable)) == len(goals.public_titles)


async def test_members_do_not_add_goals(client, table):
    assert_problem(
        await client.post(goals_url(table.roundtable), json={"title": "x"}, headers=table.members[0]), 403, "forbidden"
    )


async def test_patch_a_goal_with_if_match(client, table):
    host = table.host
    goal = await add_goal(client, host, table.roundtable)
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


async def test_a_goal_target_date_can_be_cleared(client, table):
    goal = await add_goal(client, table.facilitator, table.roundtable)

    response = await client.patch(f"{GOALS}/{goal['id']}", json={"target_date": None}, headers=table.facilitator)

    assert response.json()["target_date"] is None


async def test_members_do_not_edit_or_delete_goals(client, table):
    goal = await add_goal(client, table.facilitator, table.roundtable)
    member = table.members[0]

    assert_problem(await client.patch(f"{GOALS}/{goal['id']}", json={"title": "x"}, headers=member), 403, "forbidden")
    assert_problem(await client.delete(f"{GOALS}/{goal['id']}", headers=member), 403, "forbidden")
    assert (await client.get(f"{GOALS}/{goal['id']}")).json()["title"] == "מטרה חדשה"


async def test_delete_a_goal(client, table):
    facilitator = table.facilitator
    goal = await add_goal(client, facilitator, table.roundtable)

    stale = await client.delete(f"{GOALS}/{goal['id']}", headers=facilitator | {"If-Match": '"7"'})
    assert_problem(stale, 412, "stale_version")
    assert (await client.get(f"{GOALS}/{goal['id']}")).status_code == 200

    deleted = await client.delete(f"{GOALS}/{goal['id']}", headers=facilitator | {"If-Match": '"1"'})
    assert deleted.status_code == 204
    assert deleted.content == b""
    assert_problem(await client.get(f"{GOALS}/{goal['id']}"), 404, "not_found")
    assert "מטרה חדשה" not in await goal_titles(client, table.roundtable)
    assert_problem(await client.delete(f"{GOALS}/{goal['id']}", headers=facilitator), 404, "not_found")


async def test_goals_of_an_internal_roundtable_do_not_exist_for_outsiders(client, goals):
    internal = goals.internal
    internal_goal = (await client.get(goals_url(internal.roundtable), headers=internal.facilitator)).json()["items"][0]
    url = f"{GOALS}/{internal_goal['id']}"
    # Seated elsewhere (a member and the facilitator of the public table), or nowhere.
    strangers = {
        "member": goals.public.members[0],
        "facilitator": goals.public.facilitator,
        "outsider": goals.outsider,
    }

    for headers in [*strangers.values(), {}]:
        assert_problem(await client.get(goals_url(internal.roundtable), headers=headers), 404, "not_found")
        assert_problem(await client.get(url, headers=headers), 404, "not_found")
    for headers in strangers.values():
        assert_problem(
            await client.post(goals_url(internal.roundtable), json={"title": "x"}, headers=headers), 404, "not_found"
        )
        assert_problem(await client.patch(url, json={"title": "x"}, headers=headers), 404, "not_found")
        assert_problem(await client.delete(url, headers=headers), 404, "not_found")
    assert await goal_titles(client, internal.roundtable, internal.facilitator) == goals.internal_titles


async def test_seated_people_see_goals_of_an_internal_roundtable(client, goals):
    for headers in (goals.internal.facilitator, goals.internal.host, goals.internal.members[0]):
        assert await goal_titles(client, goals.internal.roundtable, headers) == goals.internal_titles


async def test_goals_of_an_unknown_roundtable_are_404(client, goals):
    response = await client.get(f"{RTS}/00000000-0000-7000-8000-000000000000/goals", headers=goals.admin)

    assert_problem(response, 404, "not_found")
