"""The demo world's content, read from the YAML files in `content/` and checked before anything is built.

Every file is read with `yaml.safe_load` and validated against the models below; a misspelt field, a
wrong value or a key that names nothing raises `ContentError` naming the file and the place in it.
`content/README.md` describes the files for someone adding content.
"""

from datetime import date
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, model_validator

from shulchan.core.models import Language
from shulchan.decisions.models import ActionItemStatus, DecisionKind, DecisionStatus, EndorsementPosition
from shulchan.knowledge.models import KnowledgeKind, KnowledgeVisibility
from shulchan.organisations.models import OrganisationKind
from shulchan.roundtables.models import GoalStatus, Role, RoundtableStatus, Visibility

CONTENT_DIR = Path(__file__).parent / "content"
Key = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class ContentError(ValueError):
    """The demo content is malformed: the message names the file and the place in it."""


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- the world ---------------------------------------------------------------------------------------


class Sector(Record):
    key: Key
    name_he: str
    name_en: str
    colour: Annotated[str, Field(pattern=r"^#[0-9a-f]{6}$")]
    position: int


class Organisation(Record):
    key: Key
    name: Annotated[str, Field(min_length=1, max_length=200)]
    name_en: Annotated[str, Field(max_length=200)] | None = None
    sector: Key
    kind: OrganisationKind
    website: str | None = None


class Stakeholder(Record):
    key: Key
    full_name: Annotated[str, Field(min_length=1)]
    full_name_en: Annotated[str, Field(min_length=1)]
    organisation: Key
    title: Annotated[str, Field(max_length=200)] | None = None
    email: str | None = None
    phone: Annotated[str, Field(max_length=40)] | None = None


class Roundtable(Record):
    key: Key
    title: Annotated[str, Field(max_length=300)]
    title_en: str | None = None
    host: Key
    status: RoundtableStatus
    visibility: Visibility
    policy_area: Annotated[str, Field(max_length=200)]
    founding_reference: Annotated[str, Field(max_length=300)]
    started_on: date
    ended_on: date | None = None
    description: str


class Goal(Record):
    key: Key  # names the goal in the history files; not stored
    title: Annotated[str, Field(min_length=1, max_length=300)]
    description: str
    status: GoalStatus
    target_date: date | None = None


class SeatRow(Record):
    stakeholder: Key
    role: Role
    started_on: date | None = None  # default: the roundtable's first day
    ended_on: date | None = None  # default: the roundtable's last day, if it ended
    alternate: Key | None = None


class Admin(Record):
    email: str
    full_name: str


class SignIn(Record):
    email: str
    role: str  # how `shulchan serve` describes this sign-in in demo mode


class Users(Record):
    admin: Admin
    sign_ins: list[SignIn]


# --- the history -------------------------------------------------------------------------------------


class Topic(Record):
    """Something a roundtable discusses: agenda title, who presents it, and what the minutes say of it."""

    key: Key
    title: str
    presenters: Annotated[list[Key], Field(min_length=1)]
    points: Annotated[list[str], Field(min_length=2, max_length=2)]
    concern: str  # a definite noun phrase: "הצורך ב..."
    outcome: str
    goal: Key | None = None
    knowledge: list[Key] = []  # the briefing pack


class Step(Record):
    """One status change of a decision: at a later held meeting (`meeting` offset) or `days` later."""

    status: DecisionStatus
    meeting: int | None = None
    days: int | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _one_of(self) -> "Step":
        if (self.meeting is None) == (self.days is None):
            raise ValueError("a step has either `meeting` (held meetings later) or `days` (days later)")
        return self


class Endorsement(Record):
    seat: Key  # the stakeholder holding the seat
    position: EndorsementPosition
    comment: str | None = None


class DecisionSpec(Record):
    key: Key
    topic: Key
    kind: DecisionKind
    title: str
    text: str
    proposer: Key  # a user
    at: int  # index into the roundtable's held meetings (negative: from the end)
    proposed_after_days: int = 0  # 0: proposed at the meeting itself
    steps: list[Step] = []
    goals: list[Key] = []
    reference: str | None = None  # adoption reference; "{date}" becomes the adoption date
    endorsements: list[Endorsement] = []


class ActionSpec(Record):
    title: str
    owner: Key  # a stakeholder
    status: ActionItemStatus
    due: int | None  # days from the roundtable's anchor day; null: no due date
    decision: Key | None = None
    meeting: int | None = None  # held-meeting index it came from, when not from a decision
    description: str = ""

    @model_validator(mode="after")
    def _source(self) -> "ActionSpec":
        if (self.decision is None) == (self.meeting is None):
            raise ValueError("an action comes from either a `decision` or a held `meeting`")
        return self


class Monthly(Record):
    every_month_for: int  # months back from the anchor month
    except_: Annotated[list[Annotated[int, Field(ge=1, le=12)]], Field(alias="except")] = []


class UpcomingItem(Record):
    topic: Key
    title: str


class ProposedItem(Record):
    title: str
    presenter: Key
    description: str
    minutes: int
    by: Key


class Upcoming(Record):
    description: str
    agenda: list[UpcomingItem]
    proposed: ProposedItem


Clock = Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")]


class Plan(Record):
    """How one roundtable's history is drawn."""

    roundtable: Key
    name: str  # "השולחן הממשקי": the meeting series and public summaries are named after it
    facilitator: Key  # user key of the facilitator (writes, records, steers)
    approver: Key  # user key approving minutes
    adopter: Key | None = None  # user key adopting decisions (the host, where the host has an account)
    adopter_phrase: str
    weekday: Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    months: list[int] | Monthly  # months before the anchor month, oldest first
    start: Clock = "10:00"
    end: Clock = "12:30"
    venue: str
    address: str | None = None
    online_url: str
    topics_per_meeting: list[int] = [2, 2, 3]
    cancellations: list[str] = []
    final_note: str | None = None  # closes the last minutes of a roundtable that stopped meeting
    public_summaries: int = 0
    corrections: int = 0
    comments: int = 0
    process_notes: int = 0
    guests: bool = False
    closing_topics: list[Key] = []  # discussed at the last meeting only
    topics: list[Topic]
    decisions: list[DecisionSpec] = []
    actions: list[ActionSpec] = []
    upcoming: Upcoming | None = None  # the next meeting, already on the calendar

    @property
    def key(self) -> str:
        return self.roundtable

    @property
    def weekday_number(self) -> int:
        return WEEKDAYS.index(self.weekday)

    @property
    def hours(self) -> tuple[int, int, int]:
        """Start hour, end hour, end minute (Jerusalem time)."""
        start_hour, _ = self.start.split(":")
        end_hour, end_minute = self.end.split(":")
        return int(start_hour), int(end_hour), int(end_minute)


class KnowledgeSpec(Record):
    key: Key
    scope: Key  # a roundtable key, or "library"
    kind: KnowledgeKind
    language: Language
    title: str
    summary: str
    points: Annotated[list[str], Field(min_length=1)]
    tags: list[str] = []
    authors: list[str]  # stakeholder keys or plain names
    age: int  # days before the anchor day it was added
    visibility: KnowledgeVisibility = KnowledgeVisibility.roundtable
    revisions: Annotated[int, Field(ge=1, le=3)] = 1
    by: Key = "facilitator"  # a user
    url: str | None = None
    decisions: list[Key] = []  # decisions of the same roundtable it is linked to


class Guest(Record):
    name: str
    organisation: str


class Correction(Record):
    reason: str
    added: str  # appended to the first topic's paragraph


class Comment(Record):
    by: Key  # a user
    text: str


class MeetingPhrases(Record):
    series: str
    title: str
    agenda: str
    first_opening: str
    opening: str
    rsvp_notes: dict[Literal["yes", "maybe", "no"], list[str | None]]
    guests: list[Guest]


class MinutesPhrases(Record):
    attendance: str
    attendance_part: str
    excused: str
    guests: str
    guest: str
    openings: list[str]
    previous_minutes: list[str]
    intros: list[str]
    intros_with_pack: list[str]
    reactions: list[str]
    follow_up_intros: list[str]
    progress: list[str]
    follow_up_outcomes: list[str]
    closings: list[str]
    next_meeting: list[str]
    decision_notes: dict[Literal["proposed", "in_discussion", "agreed", "back", "rejected"], str]
    corrections: list[Correction]
    comments: list[Comment]
    public_summary: str
    process_notes: list[str]


class DecisionPhrases(Record):
    adoption_reference: str


class KnowledgePhrases(Record):
    headings: dict[Language, Annotated[list[str], Field(min_length=2, max_length=2)]]
    draft: dict[Language, str]
    closing: dict[Language, dict[KnowledgeKind, str]]


class Phrases(Record):
    months: Annotated[list[str], Field(min_length=12, max_length=12)]
    date: str
    and_: Annotated[str, Field(alias="and")]
    sector_people: dict[str, str]
    sector_from: dict[str, str]
    meeting: MeetingPhrases
    minutes: MinutesPhrases
    decisions: DecisionPhrases
    knowledge: KnowledgePhrases


class HistoryIndex(Record):
    plans: list[Key]


class Content(Record):
    """Everything in `content/`, validated and cross-checked."""

    sectors: list[Sector]
    organisations: list[Organisation]
    stakeholders: list[Stakeholder]
    users: Users
    roundtables: list[Roundtable]
    goals: dict[str, list[Goal]]
    seats: dict[str, list[SeatRow]]
    plans: list[Plan]
    knowledge: list[KnowledgeSpec]
    phrases: Phrases

    def roundtable(self, key: str) -> Roundtable:
        return next(r for r in self.roundtables if r.key == key)

    def user_keys(self) -> set[str]:
        """The keys of the people who can sign in: "admin", and the stakeholders with a sign-in email."""
        emails = {sign_in.email for sign_in in self.users.sign_ins}
        return {"admin"} | {p.key for p in self.stakeholders if p.email in emails}


# --- reading -----------------------------------------------------------------------------------------


class _UniqueKeyLoader(yaml.SafeLoader):
    """safe_load that refuses a mapping with the same key twice (the second would silently win)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _where(loc: tuple[int | str, ...], raw: Any) -> str:
    """`decisions[3: support_criteria].kind`: the path, with the key of each keyed list item on the way."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            item = raw[part] if isinstance(raw, list) and part < len(raw) else None
            key = item.get("key") if isinstance(item, dict) else None
            text += f"[{part}: {key}]" if isinstance(key, str) else f"[{part}]"
            raw = item
        else:
            text += f".{part}"
            raw = raw.get(part) if isinstance(raw, dict) else None
    return text.lstrip(".") or "(top)"


def read(path: Path, shape: Any, root: Path = CONTENT_DIR) -> Any:
    """One file, parsed and validated against `shape` (a model or a type pydantic understands)."""
    name = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)  # noqa: S506 -- a SafeLoader
    except OSError as exc:
        raise ContentError(f"{name}: cannot be read: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise ContentError(f"{name}: not valid YAML: {exc}") from exc
    try:
        return TypeAdapter(shape).validate_python(raw)
    except ValidationError as exc:
        problems = [
            f"{name}: {_where(error['loc'], raw)}: {error['msg']}"
            + (f" (got {error['input']!r})" if not isinstance(error["input"], dict | list) else "")
            for error in exc.errors()
        ]
        raise ContentError("\n".join(problems)) from exc


def load_content(root: Path = CONTENT_DIR) -> Content:
    """Reads and checks every content file under `root`."""
    history = root / "history"
    index: HistoryIndex = read(history / "index.yaml", HistoryIndex, root)
    content = Content(
        sectors=read(root / "sectors.yaml", list[Sector], root),
        organisations=read(root / "organisations.yaml", list[Organisation], root),
        stakeholders=read(root / "stakeholders.yaml", list[Stakeholder], root),
        users=read(root / "users.yaml", Users, root),
        roundtables=read(root / "roundtables.yaml", list[Roundtable], root),
        goals=read(root / "goals.yaml", dict[str, list[Goal]], root),
        seats=read(root / "seats.yaml", dict[str, list[SeatRow]], root),
        plans=[read(history / f"{key}.yaml", Plan, root) for key in index.plans],
        knowledge=read(history / "knowledge.yaml", list[KnowledgeSpec], root),
        phrases=read(history / "phrases.yaml", Phrases, root),
    )
    _check_references(content)
    return content


@cache
def demo_content() -> Content:
    """The shipped content, read once per process."""
    return load_content()


# --- cross-references --------------------------------------------------------------------------------


class _Checker:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def unique(self, where: str, keys: list[str]) -> set[str]:
        seen: set[str] = set()
        for index, key in enumerate(keys):
            if key in seen:
                self.problems.append(f"{where}[{index}].key: {key!r} is used twice")
            seen.add(key)
        return seen

    def known(self, where: str, value: str | None, known: set[str], what: str) -> None:
        if value is not None and value not in known:
            close = sorted(known, key=lambda k: _distance(k, value))[:3]
            self.problems.append(f"{where}: no {what} {value!r} (closest: {', '.join(close)})")


def _distance(a: str, b: str) -> int:
    """Levenshtein distance, to suggest what a misspelt key meant."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        previous, row[0] = row[0], i
        for j, cb in enumerate(b, start=1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (ca != cb))
    return row[-1]


def _check_references(content: Content) -> None:
    """Every key a file uses names something that exists; raises ContentError listing what does not."""
    check = _Checker()
    sectors = check.unique("sectors.yaml", [s.key for s in content.sectors])
    organisations = check.unique("organisations.yaml", [o.key for o in content.organisations])
    people = check.unique("stakeholders.yaml", [p.key for p in content.stakeholders])
    roundtables = check.unique("roundtables.yaml", [r.key for r in content.roundtables])
    for i, o in enumerate(content.organisations):
        check.known(f"organisations.yaml: [{i}].sector", o.sector, sectors, "sector")
    for i, p in enumerate(content.stakeholders):
        check.known(f"stakeholders.yaml: [{i}].organisation", p.organisation, organisations, "organisation")
    emails = {p.email for p in content.stakeholders}
    for i, sign_in in enumerate(content.users.sign_ins):
        if sign_in.email != content.users.admin.email and sign_in.email not in emails:
            check.problems.append(f"users.yaml: sign_ins[{i}].email: no stakeholder has {sign_in.email!r}")
    for i, r in enumerate(content.roundtables):
        check.known(f"roundtables.yaml: [{i}].host", r.host, organisations, "organisation")
    goals: dict[str, set[str]] = {}
    for file, by_roundtable in (("goals.yaml", content.goals), ("seats.yaml", content.seats)):
        for key in by_roundtable:
            check.known(f"{file}: {key}", key, roundtables, "roundtable")
        for key in roundtables - set(by_roundtable):
            check.problems.append(f"{file}: no entry for roundtable {key!r}")
    for rt, rows in content.goals.items():
        goals[rt] = check.unique(f"goals.yaml: {rt}", [g.key for g in rows])
    for rt, seats in content.seats.items():
        for i, seat in enumerate(seats):
            check.known(f"seats.yaml: {rt}[{i}].stakeholder", seat.stakeholder, people, "stakeholder")
            check.known(f"seats.yaml: {rt}[{i}].alternate", seat.alternate, people, "stakeholder")

    users = content.user_keys()
    knowledge = check.unique("history/knowledge.yaml", [k.key for k in content.knowledge])
    decisions: dict[str, set[str]] = {}
    for plan in content.plans:
        file = f"history/{plan.key}.yaml"
        check.known(f"{file}: roundtable", plan.key, roundtables, "roundtable")
        rt_goals = goals.get(plan.key, set())
        seated = {s.stakeholder for s in content.seats.get(plan.key, [])}
        for field in ("facilitator", "approver", "adopter"):
            check.known(f"{file}: {field}", getattr(plan, field), users, "user")
        topics = check.unique(f"{file}: topics", [t.key for t in plan.topics])
        decisions[plan.key] = check.unique(f"{file}: decisions", [d.key for d in plan.decisions])
        for key in plan.closing_topics:
            check.known(f"{file}: closing_topics", key, topics, "topic")
        for i, topic in enumerate(plan.topics):
            for presenter in topic.presenters:
                check.known(f"{file}: topics[{i}].presenters", presenter, people, "stakeholder")
            check.known(f"{file}: topics[{i}].goal", topic.goal, rt_goals, f"goal of {plan.key}")
            for key in topic.knowledge:
                check.known(f"{file}: topics[{i}].knowledge", key, knowledge, "knowledge item")
        for i, decision in enumerate(plan.decisions):
            check.known(f"{file}: decisions[{i}].topic", decision.topic, topics, "topic")
            check.known(f"{file}: decisions[{i}].proposer", decision.proposer, users, "user")
            for key in decision.goals:
                check.known(f"{file}: decisions[{i}].goals", key, rt_goals, f"goal of {plan.key}")
            for j, endorsement in enumerate(decision.endorsements):
                where = f"{file}: decisions[{i}].endorsements[{j}].seat"
                check.known(where, endorsement.seat, seated, f"seat at {plan.key} held by")
        for i, action in enumerate(plan.actions):
            check.known(f"{file}: actions[{i}].owner", action.owner, people, "stakeholder")
            check.known(f"{file}: actions[{i}].decision", action.decision, decisions[plan.key], "decision")
        if plan.upcoming:
            for i, entry in enumerate(plan.upcoming.agenda):
                check.known(f"{file}: upcoming.agenda[{i}].topic", entry.topic, topics, "topic")
            check.known(f"{file}: upcoming.proposed.presenter", plan.upcoming.proposed.presenter, people, "stakeholder")
            check.known(f"{file}: upcoming.proposed.by", plan.upcoming.proposed.by, users, "user")
    for i, spec in enumerate(content.knowledge):
        where = f"history/knowledge.yaml: [{i}]"
        check.known(f"{where}.scope", spec.scope, roundtables | {"library"}, "roundtable")
        check.known(f"{where}.by", spec.by, users, "user")
        for key in spec.decisions:
            check.known(f"{where}.decisions", key, decisions.get(spec.scope, set()), f"decision of {spec.scope}")
    for i, comment in enumerate(content.phrases.minutes.comments):
        check.known(f"history/phrases.yaml: minutes.comments[{i}].by", comment.by, users, "user")
    for field, mapping in (
        ("sector_people", content.phrases.sector_people),
        ("sector_from", content.phrases.sector_from),
    ):
        if set(mapping) != sectors:
            check.problems.append(f"history/phrases.yaml: {field}: needs exactly the sectors {sorted(sectors)}")
    if check.problems:
        raise ContentError("\n".join(check.problems))
