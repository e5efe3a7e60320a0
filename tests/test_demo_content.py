"""The demo content files: they load, they obey the story's rules, a broken file says where it is broken,
and the world seeded from them has five roundtables, three years of PMO history and every state."""

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from shulchan.decisions.models import ActionItem, ActionItemStatus, Decision, DecisionStatus
from shulchan.demo.content import CONTENT_DIR, ContentError, demo_content, load_content
from shulchan.meetings.models import Meeting, MeetingStatus
from shulchan.minutes.models import Minutes, MinutesStatus
from shulchan.roundtables.models import Roundtable, RoundtableStatus

CONTENT = demo_content()
SECTORS = [s.key for s in CONTENT.sectors]
ORGANISATIONS = {o.key: o for o in CONTENT.organisations}
PEOPLE = {p.key: p for p in CONTENT.stakeholders}


def sector_of(stakeholder: str) -> str:
    return ORGANISATIONS[PEOPLE[stakeholder].organisation].sector


# --- the files ---------------------------------------------------------------------------------------


def test_the_shipped_content_loads():
    content = load_content()
    assert [r.key for r in content.roundtables] == ["pmo", "education", "economy", "holocaust", "civil_service"]
    assert SECTORS == ["government", "business_philanthropy", "civil_society"]
    assert [p.key for p in content.plans] == ["pmo", "education", "holocaust", "economy", "civil_service"]
    assert content.users.admin.email in {s.email for s in content.users.sign_ins}


def test_every_content_file_is_read():
    """A YAML file the loader never opens would be content that silently goes nowhere."""
    files = {p.relative_to(CONTENT_DIR).as_posix() for p in CONTENT_DIR.rglob("*.yaml")}
    read = {"sectors", "organisations", "stakeholders", "users", "roundtables", "goals", "seats"}
    expected = {f"{name}.yaml" for name in read} | {"history/index.yaml", "history/knowledge.yaml"}
    expected |= {"history/phrases.yaml"} | {f"history/{p.key}.yaml" for p in CONTENT.plans}
    assert files == expected


def test_organisations_and_people_follow_the_story():
    assert 32 <= len(ORGANISATIONS) <= 36
    assert len({o.name for o in ORGANISATIONS.values()}) == len(ORGANISATIONS)
    for key in ("pmo", "education", "economy", "holocaust_authority", "civil_service"):
        assert (ORGANISATIONS[key].sector, ORGANISATIONS[key].kind) == ("government", "ministry"), key
    assert (ORGANISATIONS["shitufim"].sector, ORGANISATIONS["shitufim"].kind) == ("civil_society", "ngo")
    for organisation in ORGANISATIONS.values():
        if organisation.kind == "university":
            assert organisation.sector == "civil_society", organisation.key
        assert any(p.organisation == organisation.key for p in PEOPLE.values()), f"no people at {organisation.key}"
    assert all(10 <= sum(o.sector == s for o in ORGANISATIONS.values()) <= 14 for s in SECTORS)

    assert 64 <= len(PEOPLE) <= 72
    emails = [p.email for p in PEOPLE.values() if p.email]
    assert len(emails) == len(set(emails))
    assert len({p.full_name for p in PEOPLE.values()}) == len(PEOPLE)
    for person in PEOPLE.values():
        assert person.email is None or person.email.endswith(("@demo.shulchan.org", "@example.org")), person.key
        assert person.phone is None or person.phone.startswith("+972-"), person.key
    for key in ("facilitator", "facilitator2", "host", "member", "observer"):
        assert PEOPLE[key].email == f"{key}@demo.shulchan.org"
    assert PEOPLE["facilitator"].organisation == PEOPLE["facilitator2"].organisation == "shitufim"
    assert PEOPLE["host"].organisation == "pmo"
    assert sector_of("member") == "civil_society"
    assert ORGANISATIONS[PEOPLE["observer"].organisation].kind == "university"
    assert all(sum(sector_of(p) == s for p in PEOPLE) >= 15 for s in SECTORS)


@pytest.mark.parametrize("roundtable", CONTENT.roundtables, ids=lambda r: r.key)
def test_each_roundtable_is_seated_across_the_sectors(roundtable):
    seats = CONTENT.seats[roundtable.key]
    holders = [s.stakeholder for s in seats]
    assert len(holders) == len(set(holders)), "a stakeholder holds two seats"
    last_day = roundtable.ended_on or date.today()
    assert (roundtable.ended_on is not None) == (roundtable.status == RoundtableStatus.concluded)
    for seat in seats:
        assert roundtable.started_on <= (seat.started_on or roundtable.started_on) <= last_day, seat
        if seat.alternate:
            assert seat.alternate not in holders and sector_of(seat.alternate) == sector_of(seat.stakeholder)
    by_role = {role: [s.stakeholder for s in seats if s.role == role] for role in ("facilitator", "host", "member")}
    assert len(by_role["facilitator"]) == 1 and by_role["facilitator"][0] in {"facilitator", "facilitator2"}
    assert all(PEOPLE[h].organisation == roundtable.host for h in by_role["host"])
    assert 8 <= len(by_role["member"]) <= 16
    assert {sector_of(m) for m in by_role["member"]} == set(SECTORS)
    goals = CONTENT.goals[roundtable.key]
    assert 3 <= len(goals) <= 5
    if roundtable.status == RoundtableStatus.concluded:
        assert {g.status for g in goals} <= {"achieved", "dropped"}


def test_the_demo_sign_ins_sit_where_the_walkthrough_expects():
    pmo = {s.stakeholder: s.role for s in CONTENT.seats["pmo"] if s.ended_on is None}
    for key in ("facilitator", "host", "member", "observer"):
        assert pmo[key] == key
    education = {s.stakeholder for s in CONTENT.seats["education"]}
    education |= {s.alternate for s in CONTENT.seats["education"] if s.alternate}
    assert not education & {"facilitator", "host", "member", "observer"}
    assert "facilitator2" in education
    statuses = {r.key: (r.status, r.visibility) for r in CONTENT.roundtables}
    assert statuses["pmo"] == ("active", "public")
    assert statuses["economy"] == ("concluded", "public")
    assert statuses["education"] == ("active", "internal")


def test_the_history_reaches_every_decision_state():
    reached = {"proposed"}
    for plan in CONTENT.plans:
        for decision in plan.decisions:
            reached |= {step.status.value for step in decision.steps}
    assert reached == {s.value for s in DecisionStatus}


# --- a broken file says where ------------------------------------------------------------------------


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, root)
    return root


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def load_error(root: Path) -> str:
    with pytest.raises(ContentError) as caught:
        load_content(root)
    return str(caught.value)


def test_a_copy_of_the_content_loads(content_copy):
    assert load_content(content_copy) == CONTENT


def test_a_misspelt_field_names_file_and_place(content_copy):
    replace_in(content_copy / "stakeholders.yaml", "  full_name_en: Orit Sagi", "  full_name_eng: Orit Sagi")
    message = load_error(content_copy)
    assert "stakeholders.yaml: [0: host].full_name_en: Field required" in message
    assert "stakeholders.yaml: [0: host].full_name_eng: Extra inputs are not permitted" in message


def test_a_wrong_value_names_file_place_and_value(content_copy):
    replace_in(content_copy / "history" / "pmo.yaml", "kind: agreement", "kind: agreemnt")
    message = load_error(content_copy)
    assert message.startswith("history/pmo.yaml: decisions[0: publish_summaries].kind: Input should be")
    assert "'agreemnt'" in message


def test_a_key_that_names_nothing_suggests_what_was_meant(content_copy):
    replace_in(content_copy / "seats.yaml", "stakeholder: ilana_shmueli,", "stakeholder: ilana_shmeli,")
    message = load_error(content_copy)
    assert "seats.yaml: pmo[3].stakeholder: no stakeholder 'ilana_shmeli' (closest: ilana_shmueli" in message


def test_a_history_reference_is_checked_too(content_copy):
    replace_in(content_copy / "history" / "pmo.yaml", "goal: decision_3190", "goal: decision_3191")
    assert "history/pmo.yaml: topics[0].goal: no goal of pmo 'decision_3191'" in load_error(content_copy)


def test_broken_yaml_gives_the_line(content_copy):
    replace_in(content_copy / "goals.yaml", "  - key: working_model", "  - key: [working_model")
    message = load_error(content_copy)
    assert message.startswith("goals.yaml: not valid YAML:")
    assert "line" in message


def test_a_key_given_twice_is_refused(content_copy):
    replace_in(content_copy / "sectors.yaml", "  name_he: ממשלה\n", "  name_he: ממשלה\n  name_he: ממשל\n")
    message = load_error(content_copy)
    assert message.startswith("sectors.yaml: not valid YAML:") and "duplicate key 'name_he'" in message


def test_a_missing_file_is_named(content_copy):
    (content_copy / "history" / "economy.yaml").unlink()
    assert load_error(content_copy).startswith("history/economy.yaml: cannot be read")


# --- the seeded world --------------------------------------------------------------------------------


async def test_the_seeded_world_has_five_roundtables_in_every_state(db):
    statuses = (await db.scalars(select(Roundtable.status))).all()
    assert len(statuses) == 5
    assert {RoundtableStatus(s) for s in statuses} >= {
        RoundtableStatus.active,
        RoundtableStatus.paused,
        RoundtableStatus.concluded,
    }


async def test_the_pmo_roundtable_has_three_years_of_history(db, world):
    pmo = world.roundtables["pmo"]
    starts = (await db.scalars(select(Meeting.starts_at).where(Meeting.roundtable_id == pmo))).all()
    first, last = min(starts), max(starts)
    assert timedelta(days=3 * 365 - 45) <= last - first <= timedelta(days=3 * 365 + 45)
    assert len(starts) >= 30


async def test_the_seeded_world_shows_the_lifecycle_states(db):
    """Every decision and action state; the meeting and minutes states a past and a next meeting have.
    Not seeded (yet): a forming roundtable, a planned meeting, draft or circulated minutes, a declined
    agenda item; tighten these when the content adds them."""

    async def states(column) -> set[str]:
        return {str(s) for s in (await db.scalars(select(column).distinct())).all()}

    assert await states(Meeting.status) >= {MeetingStatus.held, MeetingStatus.cancelled, MeetingStatus.confirmed}
    assert await states(Minutes.status) >= {MinutesStatus.approved, MinutesStatus.locked}
    assert await states(Decision.status) == {s.value for s in DecisionStatus}
    assert await states(ActionItem.status) == {s.value for s in ActionItemStatus}
    assert await db.scalar(select(func.count()).select_from(Minutes).where(Minutes.public_summary.is_not(None)))
