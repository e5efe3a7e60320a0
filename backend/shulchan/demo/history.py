"""The demo world's past: three years in the life of the PMO roundtable, a lighter history elsewhere, and
the next meeting, so that a newcomer opens a roundtable that has been working for years.

Everything is made from the topic lists and templates below with a fixed random seed, relative to `today`
(the concluded economy roundtable: relative to its last day), straight into the ORM models in a few
flushes. Seeding is not a user action, so nothing goes to the audit trail; the search index is kept in
step through the very helpers the services use.
"""

import random
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.core.models import Language, uuid7
from shulchan.decisions.models import (
    ActionItem,
    ActionItemStatus,
    Decision,
    DecisionEvent,
    DecisionGoal,
    DecisionKind,
    DecisionStatus,
    Endorsement,
    EndorsementPosition,
)
from shulchan.decisions.service import index_decision
from shulchan.demo import data
from shulchan.knowledge.models import (
    AgendaItemKnowledge,
    KnowledgeItem,
    KnowledgeKind,
    KnowledgeLink,
    KnowledgeRevision,
    KnowledgeVisibility,
)
from shulchan.knowledge.service import index_item as index_knowledge_item
from shulchan.meetings.models import (
    DEFAULT_TIMEZONE,
    AgendaItem,
    AgendaItemStatus,
    Attendance,
    AttendanceStatus,
    Invitation,
    Meeting,
    MeetingMode,
    MeetingStatus,
    ProcessNote,
    RsvpResponse,
    SpeakingTurn,
)
from shulchan.minutes.models import Minutes, MinutesComment, MinutesRevision, MinutesStatus
from shulchan.minutes.service import index_minutes
from shulchan.roundtables.models import Goal, Role, Seat

JERUSALEM = ZoneInfo(DEFAULT_TIMEZONE)
SEED = 2009
LOCK_AFTER_DAYS = 180  # approved minutes older than this are locked
HEBREW_MONTHS = (
    "ינואר",
    "פברואר",
    "מרץ",
    "אפריל",
    "מאי",
    "יוני",
    "יולי",
    "אוגוסט",
    "ספטמבר",
    "אוקטובר",
    "נובמבר",
    "דצמבר",
)
SECTOR_PEOPLE = {
    "government": "נציגי הממשלה",
    "business_philanthropy": "נציגי המגזר העסקי-פילנתרופי",
    "civil_society": "נציגי החברה האזרחית",
}
SECTOR_FROM = {
    "government": "מהממשלה",
    "business_philanthropy": "מהמגזר העסקי-פילנתרופי",
    "civil_society": "מהחברה האזרחית",
}
# Chance that a seat holder comes to a meeting, by sector; hosts and facilitators come more often.
PRESENCE = {"government": 0.78, "business_philanthropy": 0.72, "civil_society": 0.87}
# How much a seat holder of each sector tends to talk, relative to the others.
TALK = {"government": 1.25, "business_philanthropy": 0.8, "civil_society": 1.0}


# --- the shapes of the data ------------------------------------------------------------------------


@dataclass(frozen=True)
class Topic:
    """Something a roundtable discusses: agenda title, who presents it, and what the minutes say of it."""

    key: str
    title: str
    presenters: tuple[str, ...]
    points: tuple[str, str]
    concern: str  # a definite noun phrase: "הצורך ב..."
    outcome: str
    goal: int | None = None  # index into the roundtable's goals in demo/data.py
    knowledge: tuple[str, ...] = ()  # the briefing pack


@dataclass(frozen=True)
class Step:
    """One status change of a decision: at a later meeting ("m", index offset) or some days later ("d")."""

    status: str
    unit: str
    offset: int
    note: str | None = None


@dataclass(frozen=True)
class DecisionSpec:
    key: str
    topic: str
    kind: str
    title: str
    text: str
    proposer: str  # user key
    at: int  # index into the roundtable's held meetings (negative: from the end)
    steps: tuple[Step, ...] = ()
    goals: tuple[int, ...] = ()
    reference: str | None = None  # adoption reference; "{date}" becomes the adoption date
    endorsements: tuple[tuple[str, str, str | None], ...] = ()  # (stakeholder key, s|r|o, comment)
    proposed_after_days: int = 0  # 0: proposed at the meeting itself


@dataclass(frozen=True)
class ActionSpec:
    title: str
    owner: str  # stakeholder key
    status: str
    due: int | None  # days from the roundtable's anchor day
    decision: str | None = None
    meeting: int | None = None  # held-meeting index it came from, when not from a decision
    description: str = ""


@dataclass(frozen=True)
class KnowledgeSpec:
    key: str
    scope: str  # a roundtable key, or "library"
    kind: str
    language: str
    title: str
    summary: str
    points: tuple[str, ...]
    tags: tuple[str, ...]
    authors: tuple[str, ...]  # stakeholder keys or plain names
    age: int  # days before the anchor day it was added
    visibility: str = "roundtable"
    revisions: int = 1
    by: str = "facilitator"
    url: str | None = None
    decisions: tuple[str, ...] = ()  # decisions it is linked to


@dataclass(frozen=True)
class Plan:
    """How one roundtable's history is drawn."""

    key: str
    series: str
    facilitator: str  # user key of the facilitator (writes, records, steers)
    approver: str  # user key approving minutes
    adopter: str | None  # user key adopting decisions (the host, where the host has an account)
    adopter_phrase: str
    weekday: int
    months: tuple[int, ...]  # months before the anchor month, oldest first
    venue: str
    address: str | None
    online_url: str
    topics: tuple[Topic, ...]
    decisions: tuple[DecisionSpec, ...]
    actions: tuple[ActionSpec, ...]
    hours: tuple[int, int, int] = (10, 12, 30)  # start hour, end hour, end minute (Jerusalem time)
    topics_per_meeting: tuple[int, ...] = (2, 2, 3)
    cancellations: tuple[str, ...] = ()
    final_note: str | None = None  # closes the last minutes of a roundtable that stopped meeting
    public_summaries: int = 0
    corrections: int = 0
    comments: int = 0
    process_notes: int = 0
    guests: bool = False
    closing_topics: tuple[str, ...] = ()  # discussed at the last meeting only


@dataclass
class _Seat:
    row: Seat
    key: str
    name: str
    organisation: str
    sector: str

    def holds_on(self, day: date) -> bool:
        return self.row.started_on <= day and (self.row.ended_on is None or self.row.ended_on >= day)


@dataclass
class _MeetingPlan:
    plan: Plan
    day: date
    cancelled: str | None = None
    topics: list[Topic] = field(default_factory=list)
    meeting: Meeting | None = None
    held_index: int | None = None
    settled: set[str] = field(default_factory=set)  # topics whose proposal was turned down at this meeting


# --- the builder ------------------------------------------------------------------------------------


def _month_start(day: date, months_back: int) -> date:
    index = day.year * 12 + day.month - 1 - months_back
    return date(index // 12, index % 12 + 1, 1)


def _nth_weekday(first: date, weekday: int, n: int = 2) -> date:
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), JERUSALEM).astimezone(UTC)


def hebrew_date(day: date) -> str:
    return f"{day.day} ב{HEBREW_MONTHS[day.month - 1]} {day.year}"


def _and_list(parts: list[str]) -> str:
    if len(parts) < 2:
        return "".join(parts)
    last = parts[-1]
    joiner = " ו-" if last[:1].isdigit() else " ו"
    return ", ".join(parts[:-1]) + joiner + last


class _History:
    def __init__(self, world: dict[str, dict[str, Any]], seats: list[Seat], goals: list[Goal], today: date) -> None:
        self.rng = random.Random(SEED)  # noqa: S311 -- demo data wants a fixed sequence, not secrecy
        self.today = today
        self.now = _local(today, 0)  # everything in the history happened before today began
        self.users = world["users"]
        self.stakeholders = world["stakeholders"]
        self.roundtables = world["roundtables"]
        sector_keys = {sector.id: key for key, sector in world["sectors"].items()}
        organisation_names = {org.id: org.name for org in world["organisations"].values()}
        stakeholder_keys = {s.id: key for key, s in self.stakeholders.items()}
        self.seats: dict[str, list[_Seat]] = defaultdict(list)
        roundtable_keys = {rt.id: key for key, rt in self.roundtables.items()}
        for seat in seats:
            stakeholder = self.stakeholders[stakeholder_keys[seat.stakeholder_id]]
            self.seats[roundtable_keys[seat.roundtable_id]].append(
                _Seat(
                    row=seat,
                    key=stakeholder_keys[seat.stakeholder_id],
                    name=stakeholder.full_name,
                    organisation=organisation_names.get(stakeholder.organisation_id, ""),
                    sector=sector_keys[seat.sector_id],
                )
            )
        goal_by_title = {(goal.roundtable_id, goal.title): goal for goal in goals}
        self.goals: dict[str, list[Goal]] = {
            row["key"]: [goal_by_title[(self.roundtables[row["key"]].id, g["title"])] for g in row["goals"]]
            for row in data.ROUNDTABLES
        }
        ended: dict[str, date | None] = {row["key"]: row.get("ended_on") for row in data.ROUNDTABLES}
        self.anchor: dict[str, date] = {}
        self.horizon: dict[str, datetime] = {}
        for key in self.roundtables:
            last_day = ended[key]
            self.anchor[key] = last_day or today
            self.horizon[key] = min(self.now, _local(last_day, 23)) if last_day else self.now
        # Rows by flush stage: each stage refers only to rows of earlier stages (or of the world).
        self.stages: list[list[Any]] = [[], [], []]
        self.knowledge: dict[str, KnowledgeItem] = {}
        self.indexed_decisions: list[Decision] = []
        self.indexed_minutes: list[tuple[Minutes, MinutesRevision]] = []
        self.decisions: dict[tuple[str, str], Decision] = {}
        self.decision_notes: dict[uuid.UUID, list[str]] = defaultdict(list)
        self.meetings: dict[str, list[_MeetingPlan]] = {}
        self.discussed: dict[tuple[str, str], int] = defaultdict(int)

    # helpers

    def user_id(self, key: str | None) -> uuid.UUID | None:
        return self.users[key].id if key else None

    def clamp(self, moment: datetime, roundtable: str) -> datetime:
        return min(moment, self.horizon[roundtable] - timedelta(hours=1))

    def seat(self, roundtable: str, key: str) -> _Seat:
        """The stakeholder's seat at this roundtable: the current one if they hold one."""
        matches = [s for s in self.seats[roundtable] if s.key == key]
        return next((s for s in matches if s.row.ended_on is None), matches[0])

    def held(self, roundtable: str) -> list[_MeetingPlan]:
        return [m for m in self.meetings[roundtable] if m.cancelled is None]

    def held_at(self, roundtable: str, index: int) -> _MeetingPlan:
        held = self.held(roundtable)
        return held[index if index >= 0 else len(held) + index]

    def recorder(self, plan: Plan, stakeholder_key: str) -> uuid.UUID | None:
        """Who records a seat's word: its holder if they have an account, else the facilitator."""
        user = self.users.get(stakeholder_key)
        return user.id if user is not None else self.user_id(plan.facilitator)

    # 1. calendars and topics

    def plan_meetings(self, plan: Plan) -> None:
        anchor = self.anchor[plan.key]
        days = [_nth_weekday(_month_start(anchor, months), plan.weekday) for months in plan.months]
        meetings = [_MeetingPlan(plan=plan, day=day) for day in days]
        if plan.cancellations:
            for index, reason in zip(
                sorted(self.rng.sample(range(4, len(meetings) - 4), len(plan.cancellations))),
                plan.cancellations,
                strict=True,
            ):
                meetings[index].cancelled = reason
        self.meetings[plan.key] = meetings
        held = self.held(plan.key)
        for index, meeting in enumerate(held):
            meeting.held_index = index
        topics = {topic.key: topic for topic in plan.topics}
        forced: dict[int, list[Topic]] = defaultdict(list)
        retired: dict[str, int] = {}  # a topic whose proposal was turned down leaves the agenda after that
        for spec in plan.decisions:
            at = spec.at if spec.at >= 0 else len(held) + spec.at
            indexes = [at] if spec.proposed_after_days == 0 else []
            last = at
            for step in spec.steps:
                if step.unit == "m":
                    last = at + step.offset
                    indexes.append(last)
                if step.status in ("rejected", "withdrawn"):
                    retired[spec.topic] = min(retired.get(spec.topic, len(held)), last + 1)
                    if step.unit == "m":
                        held[last].settled.add(spec.topic)
            for index in indexes:
                if topics[spec.topic] not in forced[index]:
                    forced[index].append(topics[spec.topic])
        for key in plan.closing_topics:
            forced[len(held) - 1].append(topics[key])
        recent: list[Topic] = []
        held_so_far = 0
        for meeting in meetings:
            chosen = list(forced.get(meeting.held_index, [])) if meeting.held_index is not None else []
            wanted = max(len(chosen), self.rng.choice(plan.topics_per_meeting))
            pool = [
                t
                for t in plan.topics
                if t not in chosen
                and t not in recent
                and t.key not in plan.closing_topics
                and retired.get(t.key, len(held)) > held_so_far
            ]
            chosen += self.rng.sample(pool, min(len(pool), wanted - len(chosen)))
            held_so_far += meeting.cancelled is None
            meeting.topics = chosen
            recent = (recent + chosen)[-(len(plan.topics) // 3 + 1) :]

    # 2. knowledge

    def build_knowledge(self, specs: Iterable[KnowledgeSpec]) -> None:
        first_use: dict[str, datetime] = {}
        for meetings in self.meetings.values():
            for meeting in meetings:
                start = _local(meeting.day, meeting.plan.hours[0])
                for topic in meeting.topics:
                    for key in topic.knowledge:
                        first_use[key] = min(first_use.get(key, start), start)
        dated = []
        for spec in specs:
            anchor_scope = spec.scope if spec.scope in self.anchor else "pmo"
            created = _local(self.anchor[anchor_scope] - timedelta(days=spec.age), 9) + timedelta(
                minutes=self.rng.randrange(0, 8 * 60)
            )
            if spec.key in first_use:
                ahead = timedelta(days=7 + self.rng.randrange(0, 10), hours=self.rng.randrange(0, 7))
                created = min(created, first_use[spec.key] - ahead)
            dated.append((created, spec))
        dated.sort(key=lambda pair: pair[0])
        for created, spec in dated:
            self._knowledge_item(spec, created)

    def _knowledge_item(self, spec: KnowledgeSpec, created: datetime) -> None:
        english = spec.language == "en"
        paragraphs = [" ".join(spec.points[:2])]
        closing = KIND_CLOSING_EN[spec.kind] if english else KIND_CLOSING_HE[spec.kind]
        paragraphs.append(" ".join([*spec.points[2:], closing]))
        heading = ("## Background", "## Main points") if english else ("## רקע", "## עיקרי הדברים")
        body = f"{heading[0]}\n\n{paragraphs[0]}\n\n{heading[1]}\n\n{paragraphs[1]}"
        horizon = self.horizon.get(spec.scope, self.now)
        span = max(1, min(150, int((horizon - created).days * 0.6)))
        updated = created + timedelta(days=span if spec.revisions > 1 else 0)
        authors = []
        for author in spec.authors:
            person = self.stakeholders.get(author)
            if person is None:
                authors.append(author)
            else:
                authors.append((person.full_name_en or person.full_name) if english else person.full_name)
        item = KnowledgeItem(
            id=uuid7(),
            roundtable_id=None if spec.scope == "library" else self.roundtables[spec.scope].id,
            kind=KnowledgeKind(spec.kind),
            title=spec.title,
            body=body,
            summary=spec.summary,
            tags=list(spec.tags),
            language=Language(spec.language),
            authors=authors,
            url=spec.url,
            visibility=KnowledgeVisibility(spec.visibility),
            created_by_user_id=self.user_id(spec.by),
            revision=spec.revisions,
            created_at=created,
            updated_at=updated,
        )
        self.stages[0].append(item)
        self.knowledge[spec.key] = item
        draft = " (draft)" if english else " – טיוטה"
        versions: list[tuple[str, str]] = {
            1: [(spec.title, body)],
            2: [(spec.title + draft, f"{heading[0]}\n\n{paragraphs[0]}"), (spec.title, body)],
            3: [
                (spec.title + draft, f"{heading[0]}\n\n{paragraphs[0]}"),
                (
                    spec.title,
                    f"{heading[0]}\n\n{paragraphs[0]}\n\n{heading[1]}\n\n{' '.join(spec.points[2:]) or closing}",
                ),
                (spec.title, body),
            ],
        }[spec.revisions]
        for number, (title, text) in enumerate(versions, start=1):
            at = created + (updated - created) * (number - 1) / max(1, spec.revisions - 1)
            self.stages[1].append(
                KnowledgeRevision(
                    id=uuid7(),
                    knowledge_item_id=item.id,
                    number=number,
                    title=title,
                    body=text,
                    summary=spec.summary,
                    created_by_user_id=item.created_by_user_id,
                    created_at=at,
                )
            )

    def link_knowledge(self, specs: Iterable[KnowledgeSpec]) -> None:
        for spec in specs:
            for decision_key in spec.decisions:
                decision = self.decisions[(spec.scope, decision_key)]
                self.stages[2].append(
                    KnowledgeLink(
                        id=uuid7(),
                        knowledge_item_id=self.knowledge[spec.key].id,
                        target_type="decision",
                        target_id=decision.id,
                    )
                )

    # 3. meetings

    def create_meetings(self) -> None:
        everything = sorted(
            (m for meetings in self.meetings.values() for m in meetings), key=lambda m: (m.day, m.plan.key)
        )
        for plan_meeting in everything:
            plan = plan_meeting.plan
            start = _local(plan_meeting.day, plan.hours[0])
            mode = self.rng.choices([MeetingMode.in_person, MeetingMode.hybrid, MeetingMode.online], weights=[6, 3, 1])[
                0
            ]
            titles = "; ".join(t.title for t in plan_meeting.topics)
            plan_meeting.meeting = Meeting(
                id=uuid7(),
                roundtable_id=self.roundtables[plan.key].id,
                title=f"{plan.series} – {HEBREW_MONTHS[plan_meeting.day.month - 1]} {plan_meeting.day.year}",
                description=f"על סדר היום: {titles}.",
                starts_at=start,
                ends_at=_local(plan_meeting.day, plan.hours[1], plan.hours[2]),
                timezone=DEFAULT_TIMEZONE,
                mode=mode,
                venue_name=None if mode == MeetingMode.online else plan.venue,
                venue_address=None if mode == MeetingMode.online else plan.address,
                online_url=None if mode == MeetingMode.in_person else plan.online_url,
                status=MeetingStatus.cancelled if plan_meeting.cancelled else MeetingStatus.held,
                cancellation_reason=plan_meeting.cancelled,
                created_at=start - timedelta(days=28),
                updated_at=start - timedelta(days=6) if plan_meeting.cancelled else start + timedelta(hours=4),
            )
            self.stages[0].append(plan_meeting.meeting)

    # 4. decisions

    def build_decisions(self, plans: Iterable[Plan]) -> None:
        drafts = []
        for plan in plans:
            for spec in plan.decisions:
                meeting = self.held_at(plan.key, spec.at)
                assert meeting.meeting is not None
                if spec.proposed_after_days:
                    created = meeting.meeting.starts_at + timedelta(days=spec.proposed_after_days, hours=-1)
                else:
                    created = meeting.meeting.starts_at + timedelta(hours=1, minutes=self.rng.randrange(0, 90))
                drafts.append((created, plan, spec, meeting))
        drafts.sort(key=lambda draft: draft[0])
        for created, plan, spec, meeting in drafts:
            self._decision(plan, spec, meeting, created)

    def _decision(self, plan: Plan, spec: DecisionSpec, meeting: _MeetingPlan, created: datetime) -> None:
        assert meeting.meeting is not None and meeting.held_index is not None
        decision = Decision(
            id=uuid7(),
            roundtable_id=meeting.meeting.roundtable_id,
            meeting_id=meeting.meeting.id,
            kind=DecisionKind(spec.kind),
            title=spec.title,
            text=spec.text,
            status=DecisionStatus.proposed,
            proposed_by_user_id=self.user_id(spec.proposer),
            created_at=created,
        )
        self.decisions[(plan.key, spec.key)] = decision
        self.stages[1].append(decision)
        self.indexed_decisions.append(decision)
        for goal_index in spec.goals:
            self.stages[2].append(DecisionGoal(decision_id=decision.id, goal_id=self.goals[plan.key][goal_index].id))
        events = [
            DecisionEvent(
                id=uuid7(),
                decision_id=decision.id,
                from_status=None,
                to_status=DecisionStatus.proposed.value,
                actor_user_id=decision.proposed_by_user_id,
                created_at=created,
            )
        ]
        if spec.proposed_after_days == 0 and not any(s.unit == "m" and s.offset == 0 for s in spec.steps):
            self.decision_notes[meeting.meeting.id].append(NOTES["proposed"].format(title=spec.title))
        moment, closed = created, None
        for step in spec.steps:
            target = DecisionStatus(step.status)
            if step.unit == "m":
                at = self.held(plan.key)[meeting.held_index + step.offset]
                assert at.meeting is not None
                moment = max(moment + timedelta(minutes=5), at.meeting.starts_at + timedelta(hours=2, minutes=20))
                note_key = "back" if decision.status == DecisionStatus.agreed else target.value
                if note_key in NOTES:
                    self.decision_notes[at.meeting.id].append(
                        NOTES[note_key].format(title=spec.title, adopter=plan.adopter_phrase)
                    )
            else:
                moment = moment + timedelta(days=step.offset, hours=self.rng.randrange(1, 6))
            moment = self.clamp(moment, plan.key)
            if target in (DecisionStatus.adopted, DecisionStatus.implemented):
                actor = plan.adopter
            elif target == DecisionStatus.withdrawn and spec.proposer != plan.facilitator:
                actor = spec.proposer
            else:
                actor = plan.facilitator
            events.append(
                DecisionEvent(
                    id=uuid7(),
                    decision_id=decision.id,
                    from_status=decision.status.value,
                    to_status=target.value,
                    actor_user_id=self.user_id(actor),
                    note=step.note,
                    created_at=moment,
                )
            )
            decision.status = target
            if target == DecisionStatus.adopted:
                decision.adopted_at = moment
                decision.adopted_by_user_id = self.user_id(plan.adopter)
                reference = spec.reference or "סיכום דיון מיום {date}"
                decision.adoption_reference = reference.format(date=moment.astimezone(JERUSALEM).strftime("%d.%m.%Y"))
            if closed is None and target in (
                DecisionStatus.adopted,
                DecisionStatus.rejected,
                DecisionStatus.withdrawn,
            ):
                closed = moment
        decision.updated_at = moment
        self.stages[2].extend(events)
        last_word = closed or self.horizon[plan.key]
        for stakeholder_key, position, comment in spec.endorsements:
            seat = self.seat(plan.key, stakeholder_key)
            said = min(
                created + timedelta(days=self.rng.randrange(1, 20), hours=self.rng.randrange(0, 9)),
                last_word - timedelta(hours=2),
            )
            said = max(said, created + timedelta(minutes=10))
            self.stages[2].append(
                Endorsement(
                    id=uuid7(),
                    decision_id=decision.id,
                    seat_id=seat.row.id,
                    position=ENDORSEMENT[position],
                    comment=comment,
                    recorded_by_user_id=self.recorder(plan, stakeholder_key),
                    created_at=said,
                    updated_at=said,
                )
            )

    # 5. what happens at each meeting

    def build_meeting_records(self) -> None:
        everything = sorted(
            (m for meetings in self.meetings.values() for m in meetings), key=lambda m: (m.day, m.plan.key)
        )
        for plan_meeting in everything:
            self._meeting_records(plan_meeting)
        for plan_key, meetings in self.meetings.items():
            self._minutes_extras(plan_key, meetings)

    def _meeting_records(self, plan_meeting: _MeetingPlan) -> None:
        plan, meeting = plan_meeting.plan, plan_meeting.meeting
        assert meeting is not None
        rng = self.rng
        seats = [s for s in self.seats[plan.key] if s.holds_on(plan_meeting.day)]
        facilitator = next(s for s in seats if s.row.role == Role.facilitator)
        # Who comes: decided first, so that the RSVP, the attendance and the minutes agree.
        present: list[_Seat] = []
        excused: list[_Seat] = []
        for seat in seats:
            chance = {Role.facilitator: 1.0, Role.host: 0.93, Role.observer: 0.6}.get(
                seat.row.role, PRESENCE[seat.sector]
            )
            comes = rng.random() < chance
            if comes:
                response = RsvpResponse.yes if rng.random() < 0.9 else RsvpResponse.maybe
                status = AttendanceStatus.present if rng.random() < 0.97 else AttendanceStatus.absent
            else:
                response = RsvpResponse.no if rng.random() < 0.7 else RsvpResponse.maybe
                status = AttendanceStatus.excused if response == RsvpResponse.no else AttendanceStatus.absent
            answered = meeting.starts_at - timedelta(days=rng.randrange(1, 15), hours=rng.randrange(0, 10))
            self.stages[1].append(
                Invitation(
                    id=uuid7(),
                    meeting_id=meeting.id,
                    seat_id=seat.row.id,
                    response=response,
                    note=rng.choice(RSVP_NOTES[response.value]),
                    responded_at=answered,
                    created_at=meeting.created_at + timedelta(days=2),
                    updated_at=answered,
                )
            )
            if plan_meeting.cancelled:
                continue
            self.stages[1].append(
                Attendance(
                    id=uuid7(),
                    meeting_id=meeting.id,
                    seat_id=seat.row.id,
                    status=status,
                    created_at=meeting.ends_at,
                    updated_at=meeting.ends_at,
                )
            )
            if status == AttendanceStatus.present:
                present.append(seat)
            elif status == AttendanceStatus.excused:
                excused.append(seat)
        guests: list[tuple[str, str]] = []
        if plan.guests and not plan_meeting.cancelled and rng.random() < 0.25:
            guests = [rng.choice(GUESTS)]
            for name, organisation in guests:
                self.stages[1].append(
                    Attendance(
                        id=uuid7(),
                        meeting_id=meeting.id,
                        guest_name=name,
                        guest_organisation=organisation,
                        status=AttendanceStatus.present,
                        created_at=meeting.ends_at,
                        updated_at=meeting.ends_at,
                    )
                )

        # The agenda: an opening item, then the topics, with briefing packs and presenters.
        speakers = [s for s in (present or seats) if s.row.role in (Role.host, Role.member)] or [facilitator]
        first = plan_meeting is self.meetings[plan.key][0]
        opening = AgendaItem(
            id=uuid7(),
            meeting_id=meeting.id,
            position=1,
            title="פתיחה ועדכונים" if first else "פתיחה, עדכונים ואישור פרוטוקול המפגש הקודם",
            presenter_stakeholder_id=facilitator.row.stakeholder_id,
            planned_minutes=15,
            status=AgendaItemStatus.accepted,
            proposed_by_user_id=self.user_id(plan.facilitator),
            created_at=meeting.created_at + timedelta(days=1),
            updated_at=meeting.created_at + timedelta(days=1),
        )
        self.stages[1].append(opening)
        total = (plan.hours[1] - plan.hours[0]) * 60 + plan.hours[2]
        each = max(20, ((total - 25) // max(1, len(plan_meeting.topics))) // 5 * 5)
        items: list[tuple[AgendaItem, Topic, _Seat, bool]] = []
        for position, topic in enumerate(plan_meeting.topics, start=2):
            candidates = [s for s in present if s.key in topic.presenters] or (
                [] if present else [s for s in seats if s.key in topic.presenters]
            )
            presenter = candidates[0] if candidates else rng.choice(speakers)
            pack = [
                self.knowledge[key]
                for key in topic.knowledge
                if key in self.knowledge
                and self.knowledge[key].created_at < meeting.starts_at
                and self.knowledge[key].visibility != KnowledgeVisibility.facilitators
            ]
            by_member = topic.presenters[:1] == ("member",)
            item = AgendaItem(
                id=uuid7(),
                meeting_id=meeting.id,
                position=position,
                title=topic.title,
                description=topic.points[0],
                presenter_stakeholder_id=presenter.row.stakeholder_id,
                planned_minutes=min(60, each),
                goal_id=self.goals[plan.key][topic.goal].id if topic.goal is not None else None,
                status=AgendaItemStatus.accepted,
                proposed_by_user_id=self.user_id("member" if by_member and plan.key == "pmo" else plan.facilitator),
                created_at=meeting.created_at + timedelta(days=position),
                updated_at=meeting.created_at + timedelta(days=position + 1),
            )
            self.stages[1].append(item)
            for order, knowledge in enumerate(pack):
                self.stages[2].append(
                    AgendaItemKnowledge(agenda_item_id=item.id, knowledge_item_id=knowledge.id, position=order)
                )
            items.append((item, topic, presenter, bool(pack)))
        if plan_meeting.cancelled:
            return

        self._speaking_turns(plan, meeting, present, [opening, *(i[0] for i in items)])
        self._minutes(plan_meeting, present, excused, guests, items)

    def _speaking_turns(self, plan: Plan, meeting: Meeting, present: list[_Seat], items: list[AgendaItem]) -> None:
        rng = self.rng
        talkers = [s for s in present if s.row.role != Role.observer]
        if not talkers:
            return
        weights = [
            {Role.facilitator: 2.2, Role.host: 1.8}.get(s.row.role, 1.0) * TALK[s.sector] * rng.uniform(0.5, 1.5)
            for s in talkers
        ]
        count = rng.randint(8, 20)
        clock = meeting.starts_at + timedelta(minutes=rng.randrange(3, 10))
        for number in range(count):
            seat = rng.choices(talkers, weights=weights)[0]
            if seat.row.role == Role.facilitator:
                seconds = rng.randint(30, 150)
            else:
                seconds = int(rng.randint(60, 330) * TALK[seat.sector] * (1.3 if seat.row.role == Role.host else 1))
            item = items[0] if number < 2 else items[1 + (number - 2) * (len(items) - 1) // max(1, count - 2)]
            self.stages[2].append(
                SpeakingTurn(
                    id=uuid7(),
                    meeting_id=meeting.id,
                    seat_id=seat.row.id,
                    agenda_item_id=item.id,
                    seconds=seconds,
                    started_at=clock,
                    recorded_by_user_id=self.user_id(plan.facilitator),
                )
            )
            clock += timedelta(seconds=seconds + rng.randrange(20, 400))

    def _minutes(
        self,
        plan_meeting: _MeetingPlan,
        present: list[_Seat],
        excused: list[_Seat],
        guests: list[tuple[str, str]],
        items: list[tuple[AgendaItem, Topic, _Seat, bool]],
    ) -> None:
        plan, meeting = plan_meeting.plan, plan_meeting.meeting
        assert meeting is not None
        rng = self.rng
        counts = {sector: sum(1 for s in present if s.sector == sector) for sector in SECTOR_FROM}
        parts = [f"{n} {SECTOR_FROM[sector]}" for sector, n in counts.items() if n]
        sentences = [f"במפגש השתתפו {len(present)} מחברי השולחן: {_and_list(parts)}."]
        if excused:
            sentences.append("נעדרו בהודעה מראש: " + ", ".join(s.name for s in excused) + ".")
        if guests:
            sentences.append("אורחי המפגש: " + ", ".join(f"{n} ({o})" for n, o in guests) + ".")
        if plan_meeting is not self.meetings[plan.key][0]:
            sentences.append(rng.choice(PREVIOUS_MINUTES))
        lead = rng.choice(OPENINGS)
        paragraphs = [
            " ".join([lead, *sentences]) if rng.random() < 0.7 else " ".join([*sentences[:1], lead, *sentences[1:]])
        ]
        sectors_present = [sector for sector, n in counts.items() if n]
        for _item, topic, presenter, has_pack in items:
            # The first discussion of a topic gives its substance; later ones report progress on it.
            times = self.discussed[(plan.key, topic.key)]
            self.discussed[(plan.key, topic.key)] += 1
            if times == 0:
                intro = rng.choice(INTRO_WITH_PACK if has_pack and rng.random() < 0.5 else INTROS)
                substance = list(topic.points)
                outcome = topic.outcome
            else:
                intro = rng.choice(FOLLOW_UP_INTROS)
                substance = [rng.choice(topic.points), rng.choice(PROGRESS)]
                outcome = topic.outcome if rng.random() < 0.4 else rng.choice(FOLLOW_UP_OUTCOMES)
            if topic.key in plan_meeting.settled:
                outcome = ""  # the closing paragraph records the proposal's fate
            sector = rng.choice(sectors_present or list(SECTOR_FROM))
            reaction = rng.choice(REACTIONS).format(
                people=SECTOR_PEOPLE[sector], sector_from=SECTOR_FROM[sector], concern=topic.concern
            )
            intro = intro.format(title=topic.title, name=presenter.name, org=presenter.organisation)
            paragraphs.append(" ".join(part for part in [intro, *substance, reaction, outcome] if part))
        meetings = self.meetings[plan.key]
        position = meetings.index(plan_meeting)
        closing = [rng.choice(CLOSINGS), *self.decision_notes.get(meeting.id, [])]
        if position + 1 < len(meetings):
            closing.append(rng.choice(NEXT_MEETING).format(date=hebrew_date(meetings[position + 1].day)))
        elif plan.key == "pmo":
            closing.append(rng.choice(NEXT_MEETING).format(date=hebrew_date(self.upcoming_day())))
        elif plan.final_note:
            closing.append(plan.final_note)
        paragraphs.append(" ".join(closing))
        body = "\n\n".join(paragraphs)

        written = meeting.starts_at + timedelta(days=rng.randint(1, 3), hours=rng.randrange(2, 8))
        circulated = written + timedelta(days=rng.randint(2, 5))
        following = meetings[position + 1] if position + 1 < len(meetings) else None
        approved = (
            _local(following.day, plan.hours[0], 20)
            if following and following.cancelled is None
            else circulated + timedelta(days=rng.randint(6, 14))
        )
        approved = self.clamp(approved, plan.key)
        locked = (self.now - meeting.starts_at).days > LOCK_AFTER_DAYS
        final = MinutesStatus.locked if locked else MinutesStatus.approved
        minutes = Minutes(
            id=uuid7(),
            meeting_id=meeting.id,
            roundtable_id=meeting.roundtable_id,
            status=final,
            revision=1,
            created_at=written,
            updated_at=approved,
        )
        self.stages[1].append(minutes)
        revision = MinutesRevision(
            id=uuid7(),
            minutes_id=minutes.id,
            number=1,
            body=body,
            status=final,
            created_by_user_id=self.user_id(plan.facilitator),
            created_at=written,
            circulated_at=circulated,
            approved_by_user_id=self.user_id(plan.approver),
            approved_at=approved,
        )
        self.stages[2].append(revision)
        self.indexed_minutes.append((minutes, revision))

    def _minutes_extras(self, plan_key: str, meetings: list[_MeetingPlan]) -> None:
        """Corrections, comments, public summaries and the facilitator's notes, on some of the minutes."""
        plan = meetings[0].plan
        rng = self.rng
        by_meeting = {
            minutes.meeting_id: (minutes, revision)
            for minutes, revision in self.indexed_minutes
            if minutes.roundtable_id == self.roundtables[plan_key].id
        }
        held = [m for m in meetings if m.cancelled is None and m.meeting is not None]
        records = [(m, *by_meeting[m.meeting.id]) for m in held if m.meeting is not None]
        if not records:
            return
        # Corrections: an approved revision 1, then revision 2 with the fix, circulated and approved again.
        corrected = rng.sample(records[1:-2], max(0, min(plan.corrections, len(records) - 3)))
        for _plan_meeting, minutes, first in corrected:
            assert first.approved_at is not None
            reason, added = rng.choice(CORRECTIONS)
            paragraphs = first.body.split("\n\n")
            paragraphs[1] = f"{paragraphs[1]} {added}"
            opened = self.clamp(first.approved_at + timedelta(days=rng.randint(5, 15)), plan_key)
            recirculated = self.clamp(opened + timedelta(days=2), plan_key)
            reapproved = self.clamp(opened + timedelta(days=rng.randint(8, 14)), plan_key)
            second = MinutesRevision(
                id=uuid7(),
                minutes_id=minutes.id,
                number=2,
                body="\n\n".join(paragraphs),
                status=first.status,
                reason=reason,
                created_by_user_id=self.user_id(plan.facilitator),
                created_at=opened,
                circulated_at=recirculated,
                approved_by_user_id=self.user_id(plan.approver),
                approved_at=reapproved,
            )
            first.status = MinutesStatus.approved
            minutes.revision = 2
            minutes.updated_at = reapproved
            self.stages[2].append(second)
            self.indexed_minutes = [(m, second if m is minutes else r) for m, r in self.indexed_minutes]
        # Comments made while revision 1 was circulated.
        for _plan_meeting, minutes, first in rng.sample(records, min(plan.comments, len(records))):
            paragraph_count = first.body.count("\n\n") + 1
            for author, text in rng.sample(COMMENTS, 2):
                assert first.circulated_at is not None and first.approved_at is not None
                said = first.circulated_at + (first.approved_at - first.circulated_at) * rng.uniform(0.1, 0.6)
                self.stages[2].append(
                    MinutesComment(
                        id=uuid7(),
                        minutes_id=minutes.id,
                        revision=1,
                        paragraph=rng.randrange(1, paragraph_count),
                        author_user_id=self.user_id(author),
                        body=text,
                        created_at=said,
                    )
                )
        # Public summaries of some recent minutes (public roundtables only).
        if plan.public_summaries:
            for plan_meeting, minutes, revision in records[-plan.public_summaries :]:
                assert plan_meeting.meeting is not None and revision.approved_at is not None
                topics = plan_meeting.topics
                minutes.public_summary = " ".join(
                    [
                        f"{plan.series.replace('מפגש ', '', 1)} התכנס ב-{hebrew_date(plan_meeting.day)} "
                        "בהשתתפות נציגים משלושת המגזרים.",
                        "על סדר היום: " + "; ".join(t.title for t in topics) + ".",
                        *(t.outcome for t in topics[:2]),
                    ]
                )
                published = self.clamp(revision.approved_at + timedelta(days=2), plan_key)
                minutes.public_summary_published_at = published
                minutes.updated_at = max(minutes.updated_at, published)
        # The facilitator's private journal on some meetings.
        for (plan_meeting, _minutes, _revision), note in zip(
            rng.sample(records, min(plan.process_notes, len(records))), PROCESS_NOTES, strict=False
        ):
            assert plan_meeting.meeting is not None
            written = plan_meeting.meeting.ends_at + timedelta(hours=3)
            self.stages[1].append(
                ProcessNote(
                    id=uuid7(),
                    meeting_id=plan_meeting.meeting.id,
                    author_user_id=self.user_id(plan.facilitator),
                    body=note,
                    created_at=written,
                    updated_at=written,
                )
            )

    # 6. action items

    def build_actions(self, plans: Iterable[Plan]) -> None:
        drafts = []
        for plan in plans:
            for spec in plan.actions:
                decision = self.decisions[(plan.key, spec.decision)] if spec.decision else None
                meeting = self.held_at(plan.key, spec.meeting).meeting if spec.meeting is not None else None
                if decision is not None:
                    created = (decision.adopted_at or decision.updated_at) + timedelta(days=1)
                    meeting_id = decision.meeting_id
                else:
                    assert meeting is not None
                    created = meeting.ends_at + timedelta(hours=2)
                    meeting_id = meeting.id
                drafts.append((self.clamp(created, plan.key), plan, spec, decision, meeting_id))
        drafts.sort(key=lambda draft: draft[0])
        for created, plan, spec, decision, meeting_id in drafts:
            status = ActionItemStatus(spec.status)
            if spec.due is not None:
                due: date | None = self.anchor[plan.key] + timedelta(days=spec.due)
            elif status in (ActionItemStatus.done, ActionItemStatus.dropped):
                due = (created + timedelta(days=30)).astimezone(JERUSALEM).date()  # past items had deadlines too
            else:
                due = None
            completed = None
            updated = created
            if status == ActionItemStatus.done:
                target = _local(due, 15) if due else created + timedelta(days=20)
                completed = self.clamp(max(created + timedelta(days=1), target - timedelta(days=3)), plan.key)
                updated = completed
            elif status != ActionItemStatus.open:
                updated = self.clamp(created + timedelta(days=self.rng.randint(3, 30)), plan.key)
            self.stages[2].append(
                ActionItem(
                    id=uuid7(),
                    roundtable_id=self.roundtables[plan.key].id,
                    decision_id=decision.id if decision else None,
                    meeting_id=meeting_id,
                    title=spec.title,
                    description=spec.description,
                    owner_stakeholder_id=self.stakeholders[spec.owner].id,
                    due_date=due,
                    status=status,
                    completed_at=completed,
                    created_at=created,
                    updated_at=updated,
                )
            )

    # 7. the next PMO meeting

    def upcoming_day(self) -> date:
        day = self.today + timedelta(days=10)
        return day + timedelta(days={4: 2, 5: 1}.get(day.weekday(), 0))  # not on Friday or Saturday

    def build_upcoming(self, plan: Plan) -> None:
        day = self.upcoming_day()
        start = _local(day, 10)
        meeting = Meeting(
            id=uuid7(),
            roundtable_id=self.roundtables[plan.key].id,
            title=f"{plan.series} – {HEBREW_MONTHS[day.month - 1]} {day.year}",
            description="המפגש הקרוב של השולחן. חומרי הרקע מצורפים לסעיפי סדר היום; נא לאשר השתתפות.",
            starts_at=start,
            ends_at=_local(day, 13),
            timezone=DEFAULT_TIMEZONE,
            mode=MeetingMode.hybrid,
            venue_name=plan.venue,
            venue_address=plan.address,
            online_url=plan.online_url,
            status=MeetingStatus.confirmed,
            created_at=self.now - timedelta(days=20),
            updated_at=self.now - timedelta(days=8),
        )
        self.stages[0].append(meeting)
        facilitator = next(s for s in self.seats[plan.key] if s.row.role == Role.facilitator)
        topics = {t.key: t for t in plan.topics}
        rows: list[tuple[str, str | None, str, str, int, AgendaItemStatus, str, tuple[str, ...]]] = [
            (
                "פתיחה, עדכונים ואישור פרוטוקול המפגש הקודם",
                None,
                facilitator.key,
                "",
                15,
                AgendaItemStatus.accepted,
                plan.facilitator,
                (),
            ),
        ]
        for key, title in UPCOMING:
            topic = topics[key]
            rows.append(
                (
                    title,
                    key,
                    topic.presenters[0],
                    topic.points[0],
                    40,
                    AgendaItemStatus.accepted,
                    plan.facilitator,
                    topic.knowledge,
                )
            )
        rows.append(UPCOMING_PROPOSED)
        for position, (title, topic_key, presenter, description, minutes, status, by, pack) in enumerate(rows, start=1):
            topic_goal = topics[topic_key].goal if topic_key else None
            item = AgendaItem(
                id=uuid7(),
                meeting_id=meeting.id,
                position=position,
                title=title,
                description=description,
                presenter_stakeholder_id=self.stakeholders[presenter].id,
                planned_minutes=minutes,
                goal_id=self.goals[plan.key][topic_goal].id if topic_goal is not None else None,
                status=status,
                proposed_by_user_id=self.user_id(by),
                created_at=meeting.created_at + timedelta(days=position),
                updated_at=meeting.created_at + timedelta(days=position),
            )
            self.stages[1].append(item)
            visible = [k for k in pack if self.knowledge[k].visibility != KnowledgeVisibility.facilitators]
            for order, key in enumerate(visible):
                self.stages[2].append(
                    AgendaItemKnowledge(
                        agenda_item_id=item.id, knowledge_item_id=self.knowledge[key].id, position=order
                    )
                )
        for seat in self.seats[plan.key]:
            if seat.holds_on(self.today):
                self.stages[1].append(
                    Invitation(
                        id=uuid7(),
                        meeting_id=meeting.id,
                        seat_id=seat.row.id,
                        response=RsvpResponse.pending,
                        created_at=self.now - timedelta(days=7),
                        updated_at=self.now - timedelta(days=7),
                    )
                )


async def build_history(session: AsyncSession, world: dict[str, dict[str, Any]], today: date) -> None:
    """Adds the demo world's past (and next meeting) to the session and indexes it for search."""
    roundtable_ids = [rt.id for rt in world["roundtables"].values()]
    seats = list((await session.scalars(select(Seat).where(Seat.roundtable_id.in_(roundtable_ids)))).all())
    goals = list((await session.scalars(select(Goal).where(Goal.roundtable_id.in_(roundtable_ids)))).all())
    history = _History(world, seats, goals, today)
    plans = [replace(PMO, months=pmo_months(today)), *LIGHT]
    for plan in plans:
        history.plan_meetings(plan)
    history.build_knowledge(KNOWLEDGE)
    history.create_meetings()
    history.build_decisions(plans)
    history.build_meeting_records()
    history.build_actions(plans)
    history.link_knowledge(KNOWLEDGE)
    history.build_upcoming(plans[0])
    for rows in history.stages:
        session.add_all(rows)
        await session.flush()
    for item in history.knowledge.values():
        await index_knowledge_item(session, item)
    for decision in history.indexed_decisions:
        await index_decision(session, decision)
    for minutes, revision in history.indexed_minutes:
        await index_minutes(session, minutes, revision)


# --- templates ---------------------------------------------------------------------------------------

ENDORSEMENT = {
    "s": EndorsementPosition.supports,
    "r": EndorsementPosition.reservations,
    "o": EndorsementPosition.objects,
}
KIND_CLOSING_HE = {
    "background_paper": "המסמך הוכן כחומר רקע לדיון בשולחן, ואינו משקף עמדה רשמית של מי מהגופים המשתתפים.",
    "research": "המחקר נשען על ראיונות עומק, על ניתוח מסמכים ועל סקר מקוון בקרב חברי השולחן.",
    "position_paper": "נייר העמדה מוגש לדיון בשולחן ומשקף את עמדת הגופים החתומים עליו.",
    "presentation": "המצגת הוצגה באחד ממפגשי השולחן, והיא מובאת כאן לעיון חברי השולחן.",
    "data": "הנתונים מתעדכנים אחת לרבעון; הערות ותיקונים יש להעביר לצוות ההנחיה.",
    "protocol": "המסמך מתעדכן מעת לעת בהתאם להחלטות השולחן.",
    "summary": "הסיכום נכתב על ידי צוות ההנחיה ומופץ לחברי השולחן.",
    "link": "קישור למקור חיצוני; התקציר נכתב על ידי צוות ההנחיה.",
}
KIND_CLOSING_EN = {
    "background_paper": "This paper was prepared as background for the roundtable and states no member's position.",
    "research": "The study draws on in-depth interviews, document analysis and an online survey of members.",
    "position_paper": "The paper is submitted for discussion and reflects the position of its signatories only.",
    "presentation": "The slides were shown at a roundtable meeting and are shared here for members.",
    "data": "The data is updated every quarter; please send corrections to the facilitation team.",
    "protocol": "This document is updated from time to time as the roundtable decides.",
    "summary": "The summary was written by the facilitation team and shared with members.",
    "link": "An external source; the abstract was written by the facilitation team.",
}
OPENINGS = (
    "המפגש נפתח בדברי פתיחה של צוות ההנחיה ובסבב עדכונים קצר מאז המפגש הקודם.",
    "בפתח המפגש הוצגו סדר היום והמשימות שנותרו פתוחות מהמפגש הקודם.",
    "המפגש החל בברכת המשרד המארח ובהצגת סדר היום.",
    "המפגש נפתח בעדכונים של חברי השולחן על התפתחויות בתחומם מאז המפגש הקודם.",
    "בפתח המפגש נערכה סקירה קצרה של מצב המשימות הפתוחות, ולאחריה הוצג סדר היום.",
)
PREVIOUS_MINUTES = (
    "פרוטוקול המפגש הקודם אושר ללא הערות.",
    "פרוטוקול המפגש הקודם אושר בכפוף לתיקונים קלים שהועברו בכתב.",
    "פרוטוקול המפגש הקודם אושר, והסיכום הציבורי שלו יועבר לפרסום.",
)
INTROS = (
    'הנושא "{title}" הוצג על ידי {name} ({org}).',
    'את הדיון בנושא "{title}" פתחה סקירה של {name} ({org}).',
    'בנושא "{title}" נשמעה סקירה מפי {name} ({org}).',
    'הדיון בנושא "{title}" נפתח בהצגת הדברים על ידי {name} ({org}).',
)
INTRO_WITH_PACK = (
    'לקראת הדיון בנושא "{title}" הופצו מראש חומרי רקע, והדיון נפתח בדברי {name} ({org}).',
    'חומרי הרקע לנושא "{title}" צורפו לסדר היום, ועיקריהם הוצגו על ידי {name} ({org}).',
)
REACTIONS = (
    "בדיון שהתפתח הדגישו {people} את {concern}.",
    "חברי השולחן {sector_from} העלו שאלות בעניין {concern}.",
    "עלו עמדות שונות בין המגזרים, בעיקר בעניין {concern}.",
    "{people} ביקשו לתת את הדעת על {concern}.",
)
FOLLOW_UP_INTROS = (
    'השולחן חזר לדון בנושא "{title}", בהצגת {name} ({org}).',
    'בהמשך לדיונים הקודמים בנושא "{title}" נשמע עדכון מפי {name} ({org}).',
    'הנושא "{title}" שב לסדר היום, והעדכון הוצג על ידי {name} ({org}).',
)
PROGRESS = (
    "הוצג עדכון על ההתקדמות מאז הדיון הקודם בנושא.",
    "צוות העבודה עדכן על ההערות שהתקבלו מחברי השולחן מאז המפגש הקודם.",
    "עלה כי חלק מהמשימות שנקבעו בדיון הקודם הושלמו, ואחרות מתעכבות.",
    "חברי השולחן ביקשו להקדיש לנושא מפגש עומק נפרד.",
    "הודגש כי ההתקדמות תלויה בהחלטות שיתקבלו במשרדי הממשלה בחודשים הקרובים.",
)
FOLLOW_UP_OUTCOMES = (
    "סוכם להמשיך את הדיון באחד המפגשים הבאים.",
    "הוחלט להעביר את ההערות לצוות הכתיבה ולהציג נוסח מעודכן.",
    "צוות ההנחיה יעדכן את חברי השולחן בכתב על ההתקדמות.",
)
CLOSINGS = (
    "בסיום המפגש סוכמו משימות ההמשך והאחראים לביצוען.",
    "לסיום נערך סבב קצר של תובנות מהדיון.",
    "בסיכום המפגש הודגשו ההסכמות שהושגו והנושאים שיידונו בהמשך.",
    "משימות ההמשך יופצו לחברי השולחן יחד עם הפרוטוקול.",
)
NEXT_MEETING = ("המפגש הבא ייערך ב-{date}.", "המפגש הבא נקבע ל-{date}.")
NOTES = {
    "proposed": 'הוצגה הצעה חדשה: "{title}". ההצעה תופץ להתייחסות חברי השולחן.',
    "in_discussion": 'הונחה על השולחן הצעה בנושא "{title}", והיא תידון במפגשים הבאים.',
    "agreed": 'הושגה הסכמה על נוסח "{title}", והוא יועבר לאימוץ {adopter}.',
    "back": 'הוחלט להחזיר את "{title}" לדיון נוסף בעקבות הערות שהתקבלו.',
    "rejected": 'ההצעה "{title}" לא התקבלה, לאחר שלא נמצאה לה הסכמה בין המגזרים.',
}
CORRECTIONS = (
    (
        "הוספת הסתייגות שביקשו נציגי המגזר העסקי-פילנתרופי לרשום בפרוטוקול",
        "נציגי המגזר העסקי-פילנתרופי ביקשו לרשום הסתייגות מלוח הזמנים המוצע.",
    ),
    (
        "השלמת עמדת משרד האוצר שהושמטה מהנוסח שאושר",
        "נציג משרד האוצר הבהיר כי כל התחייבות תקציבית כפופה לאישור אגף התקציבים.",
    ),
    (
        "תיקון תיאור ההסכמה לבקשת ארגוני החברה האזרחית",
        "ארגוני החברה האזרחית הבהירו כי הסכמתם מותנית בפרסום הנוסח המלא לציבור.",
    ),
)
COMMENTS = (
    ("member", "מבקשת להוסיף לפסקה זו את ההסתייגות שהעליתי בעניין לוח הזמנים."),
    ("member", "הסיכום בפסקה זו מדויק, תודה. כדאי לצרף את המסמך שהוצג."),
    ("host", "יש לתקן את שם היחידה: אגף בכיר לתכנון מדיניות."),
    ("host", "נא לציין שהנתונים יופצו רק לאחר אישור הלשכה המשפטית."),
    ("member", "האם אפשר לצרף לפרוטוקול את המצגת שהוצגה בסעיף זה?"),
)
PROCESS_NOTES = (
    "נציגי המגזר העסקי-פילנתרופי דיברו מעט בדיון על עקרונות התמיכה. לשקול סבב פתיחה מובנה בפעם הבאה.",
    "מתח מורגש בין נציגי האוצר לנציגי החברה האזרחית סביב המימון הרב-שנתי. לקיים שיחה מקדימה עם שני "
    "הצדדים לפני המפגש הבא.",
    "הדיון בסעיף הראשון חרג מהזמן שהוקצב לו. לקצר את סבב העדכונים ולשלוח אותו בכתב מראש.",
    "נציגה חדשה מהמגזר העסקי – לקבוע שיחת היכרות ולשלוח לה את אמנת העבודה.",
    "המשרד המארח ביקש לדחות את הדיון בדוח המעקב. לברר בשיחה אישית אם יש רגישות מיוחדת.",
    "אווירה טובה; ההסכמה על אמנת העבודה חיזקה את תחושת השותפות. לתעד את התהליך כמקרה לימוד.",
)
RSVP_NOTES = {
    "yes": (None, None, None, "אגיע", "אשתתף בזום"),
    "maybe": (None, "תלוי בלוח הזמנים של הלשכה", "אנסה להגיע לחלק השני"),
    "no": (None, "בחופשה", "מילואים", "חופף לדיון בוועדת הכספים", 'נסיעה לחו"ל'),
}
GUESTS = (
    ('ד"ר מיכל אבירם', "אוניברסיטת חיפה"),
    ("יונתן שגב", "מרכז השלטון המקומי"),
    ("סאמי עבאס", "פורום ראשי הרשויות הערביות"),
    ("רונה אלון", "הרשות להגנת הפרטיות"),
)
UPCOMING = (
    ("multi_year", "עקרונות למימון רב-שנתי – המשך דיון"),
    ("data_sharing", "פרוטוקול לשיתוף נתונים – טיוטה ראשונה"),
    ("employment", "קול קורא משותף לתוכניות לתעסוקה בפריפריה"),
)
UPCOMING_PROPOSED = (
    "עדכון מהשטח: ארגונים קהילתיים בנגב",
    None,
    "mazal_assulin",
    "הצעה לסעיף קצר על המצב בארגונים הקהילתיים בנגב, לבקשת ארגוני החברה האזרחית.",
    20,
    AgendaItemStatus.proposed,
    "member",
    (),
)


# --- the PMO roundtable -------------------------------------------------------------------------------

PMO_TOPICS = (
    Topic(
        key="monitoring",
        title="מעקב שנתי אחר יישום החלטה 3190",
        presenters=("host", "ilana_shmueli"),
        points=(
            "הוצגו ממצאי המעקב השנתי: ברוב משרדי הממשלה מונה גורם אחראי לקשר עם החברה האזרחית, אך ההיוועצות "
            "נעשית עדיין לרוב בשלבים מאוחרים של גיבוש המדיניות.",
            "הודגש כי במשרדים שבהם פועל שולחן עגול משרדי, ההיוועצות המוקדמת שכיחה יותר באופן ניכר.",
        ),
        concern="הצורך במנגנון מעקב קבוע ולא חד-פעמי",
        outcome="סוכם שצוות ההנחיה יגבש, יחד עם המשרד המארח, טיוטת דוח מעקב שתוצג להנהלת המשרד.",
        goal=2,
        knowledge=("p_3190_status", "lib_3190"),
    ),
    Topic(
        key="support",
        title="עקרונות לתמיכה שקופה בארגוני החברה האזרחית",
        presenters=("member", "rania_haj_yahya"),
        points=(
            "נייר העמדה של ארגוני החברה האזרחית מציע מבחני תמיכה אחידים, פרסום מראש של לוחות הזמנים והסבר "
            "מנומק לכל החלטת הקצאה.",
            "נציגי משרדי הממשלה ציינו כי חלק מההמלצות כבר מיושמות, וכי אחרות מחייבות תיקון של נוהלי התמיכה.",
        ),
        concern="הוודאות התקציבית של ארגונים קטנים",
        outcome="סוכם להקים צוות כתיבה משותף לשלושת המגזרים שיגבש נוסח המלצה מוסכם.",
        goal=3,
        knowledge=("p_support_position", "p_support_map", "p_transparency_review"),
    ),
    Topic(
        key="multi_year",
        title="מימון רב-שנתי לתוכניות משותפות",
        presenters=("ido_landau", "yoav_kramer"),
        points=(
            "נציג משרד האוצר פירט את המגבלות על התחייבויות רב-שנתיות ואת האפשרויות הקיימות במסגרת הרשאה להתחייב.",
            "הקרנות הציגו מודלים של מימון תואם, שבהם התחייבות פילנתרופית לשלוש שנים מותנית בהתחייבות ממשלתית מקבילה.",
        ),
        concern="הסיכון שתוכניות מוצלחות ייעצרו בסוף שנת התקציב",
        outcome="הוחלט לגבש עקרונות למימון רב-שנתי ולהביאם לדיון בשולחן.",
        goal=3,
        knowledge=("p_multi_year", "p_treasury", "p_matching"),
    ),
    Topic(
        key="employment",
        title="תעסוקה בפריפריה – שיתופי פעולה בין המגזרים",
        presenters=("mazal_assulin", "roni_livne", "shlomi_dahan"),
        points=(
            "הוצגו החסמים המרכזיים לתעסוקה איכותית בפריפריה: תחבורה ציבורית חסרה, מיעוט מעונות יום ופערי הכשרה.",
            "נציגי התעשייה הביעו נכונות לשלב את המפעלים בתוכניות הכשרה משותפות, בתנאי שיובטח רצף תקציבי.",
        ),
        concern="שילוב הרשויות המקומיות כבר בשלב התכנון",
        outcome="סוכם לבחון קול קורא משותף לתוכניות לתעסוקה בפריפריה.",
        knowledge=("p_employment", "p_volunteering"),
    ),
    Topic(
        key="charter",
        title="אמנת העבודה של השולחן – עדכון",
        presenters=("facilitator",),
        points=(
            "הוצג נוסח מעודכן של אמנת העבודה, הכולל תורנות בהצגת נושאים, הפצת סדר היום שבוע מראש וכללים לשקיפות הדיון.",
            "עלתה השאלה כיצד לאזן בין שקיפות כלפי הציבור לבין מרחב דיון פתוח ובטוח בין חברי השולחן.",
        ),
        concern="השמירה על מרחב בטוח לדיון",
        outcome="הנוסח המעודכן יופץ להערות בכתב ויובא לאישור.",
        knowledge=("p_charter", "lib_meeting_guide"),
    ),
    Topic(
        key="publishing",
        title="פרסום תוצרי השולחן לציבור",
        presenters=("host", "osnat_lavi"),
        points=(
            "נבחנו דרכים להנגיש לציבור את סיכומי הדיונים ואת ההסכמות שהושגו, ובהן עמוד ייעודי באתר המשרד.",
            "הוצע לפרסם סיכום ציבורי קצר לאחר אישור כל פרוטוקול, ובנוסף דוח שנתי.",
        ),
        concern="הפרסום בשפה נגישה, גם בערבית",
        outcome="סוכם כי צוות ההנחיה יכין סיכום ציבורי לכל מפגש, והמשרד המארח יאשר את פרסומו.",
        goal=4,
        knowledge=("p_public_year", "p_public_guide"),
    ),
    Topic(
        key="consultation",
        title="היוועצות עם החברה האזרחית בתזכירי חוק",
        presenters=("ilana_shmueli", "lia_karmi"),
        points=(
            "הוצג הניסיון שנצבר בהיוועצות עם ארגונים בשלב תזכיר החוק, והודגש כי פרק הזמן להגשת הערות קצר מדי "
            "עבור ארגונים קטנים.",
            "נבחנו מודלים ממדינות ה-OECD, שבהן ההיוועצות מתחילה כבר בשלב זיהוי הבעיה.",
        ),
        concern="הארכת פרק הזמן להערות הציבור",
        outcome="הוחלט לנסח המלצה לשילוב שלב היוועצות מוקדם בתזכירי חוק.",
        goal=2,
        knowledge=("p_consultation_bg", "p_consultation_oecd", "lib_participation"),
    ),
    Topic(
        key="indicators",
        title="מדדים משותפים להערכת שיתופי פעולה",
        presenters=("osnat_lavi", "liat_sasson"),
        points=(
            "הוצגה מסגרת מדדים אחידה למדידת שיתופי פעולה בין-מגזריים, הכוללת מדדי תהליך ומדדי תוצאה.",
            "נציגי הקרנות ציינו כי מדדים משותפים יקלו על תיאום ההשקעות ויפחיתו את עומס הדיווח על הארגונים.",
        ),
        concern="הימנעות מעומס דיווח על ארגונים קטנים",
        outcome="סוכם להמשיך בגיבוש המדדים בצוות עבודה מצומצם.",
        knowledge=("p_indicator_slides", "lib_shared_measurement", "p_evaluation"),
    ),
    Topic(
        key="local",
        title="הרחבת מודל השולחנות העגולים לרשויות מקומיות",
        presenters=("facilitator", "shlomi_dahan"),
        points=(
            "הוצגו לקחים מהפעלת שולחנות עגולים במשרדי ממשלה והאופן שבו אפשר להתאימם לרשויות מקומיות, ובעיקר "
            "לרשויות בפריפריה.",
            "נציגי רשויות שהשתתפו במפגש ההיוועצות ביקשו ליווי מקצועי בשנה הראשונה להפעלת השולחן.",
        ),
        concern="הקצאת משאבי הנחיה לרשויות קטנות",
        outcome="סוכם לגבש המלצה על מודל ליווי לרשויות מקומיות.",
        goal=0,
        knowledge=("p_model_slides", "p_local_consultation"),
    ),
    Topic(
        key="data_sharing",
        title="שיתוף נתונים בין הממשלה לארגונים",
        presenters=("walid_odeh", "ido_landau"),
        points=(
            "נדונו עקרונות לשיתוף נתונים מנהליים עם ארגונים הפועלים בשטח, תוך שמירה על פרטיות ואבטחת מידע.",
            "ארגוני החברה האזרחית הדגישו כי נתונים ברמת היישוב חיוניים לתכנון תוכניות בחברה הערבית ובפריפריה.",
        ),
        concern="השמירה על פרטיות המשתתפים בתוכניות",
        outcome="הוחלט לגבש פרוטוקול לשיתוף נתונים ולהביאו לדיון.",
        knowledge=("p_data_sharing", "p_calls_data"),
    ),
    Topic(
        key="philanthropy",
        title="שותפויות עם הפילנתרופיה – מימון תואם",
        presenters=("yoav_kramer", "ella_almog", "ruth_gabay"),
        points=(
            "הוצגו שלוש שותפויות קיימות בין משרדי ממשלה לקרנות, והלקחים העיקריים מהן: הגדרה מוקדמת של יעדים, "
            "חלוקת אחריות ברורה ותוכנית יציאה.",
            "נציגי הממשלה הזכירו כי שותפות עם קרן אינה פוטרת את המדינה מאחריותה לשירות.",
        ),
        concern="הבהירות לגבי האחריות הממשלתית לאורך זמן",
        outcome="סוכם לרכז את הלקחים במסמך קצר שיופץ לכל המשרדים.",
        goal=3,
        knowledge=("p_business_position", "p_matching"),
    ),
    Topic(
        key="survey",
        title="סקר חברי השולחן – הערכת תהליכי העבודה",
        presenters=("osnat_lavi", "facilitator"),
        points=(
            "ממצאי הסקר מלמדים על שביעות רצון גבוהה מאיכות הדיון, לצד תחושה שההחלטות אינן מיושמות בקצב מספק.",
            "חברי השולחן ביקשו לקצר את שלב ההצגות ולהקדיש זמן רב יותר לדיון לעומק.",
        ),
        concern="המעקב ההדוק אחר יישום ההחלטות",
        outcome="סוכם להוסיף לכל מפגש סקירת מעקב קצרה אחר המשימות הפתוחות.",
        knowledge=("p_member_survey", "p_attendance_data"),
    ),
    Topic(
        key="informal_education",
        title="שיתופי פעולה בחינוך הבלתי פורמלי בפריפריה",
        presenters=("lia_karmi", "ruth_gabay"),
        points=(
            "הוצגו תוכניות משותפות לקרנות, לרשויות ולעמותות בתחום החינוך הבלתי פורמלי ביישובי הפריפריה.",
            "עלה הצורך בתיאום מול השולחן העגול במשרד החינוך, כדי למנוע כפילויות בין התוכניות.",
        ),
        concern="התיאום בין השולחנות המשרדיים",
        outcome="סוכם להזמין את נציגי השולחן במשרד החינוך למפגש משותף.",
        knowledge=("p_informal_education",),
    ),
    Topic(
        key="work_plan",
        title="תכנון שנת העבודה",
        presenters=("facilitator", "host"),
        points=(
            "נקבעו שלושה נושאי מוקד לשנת העבודה: עקרונות התמיכה, מימון רב-שנתי והנגשת תוצרי השולחן לציבור.",
            "הוסכם על לוח מפגשים חודשי ועל שני מפגשי עומק בני יום שלם.",
        ),
        concern="האיזון בין נושאי עומק לבין נושאים אקטואליים",
        outcome="תוכנית העבודה תופץ לחברי השולחן בצירוף לוח המפגשים.",
        knowledge=("p_workshop", "p_task_board"),
    ),
    Topic(
        key="arab_society",
        title="נגישות ארגוני החברה הערבית למשאבים ולמידע",
        presenters=("rania_haj_yahya", "walid_odeh"),
        points=(
            "נייר העמדה מצביע על חסמי שפה, מידע ונגישות דיגיטלית בהשתתפות ארגונים מהחברה הערבית בקולות קוראים "
            "ממשלתיים.",
            "נציגי הממשלה התחייבו לבדוק תרגום של הקולות הקוראים המרכזיים לערבית.",
        ),
        concern="התרגום והנגישות של הקולות הקוראים",
        outcome="סוכם לבחון את ההמלצות מול היחידות הרלוונטיות במשרדי הממשלה.",
        knowledge=("p_arab_society", "p_calls_data"),
    ),
    Topic(
        key="transparency",
        title="שקיפות בהתקשרויות עם ארגונים – סקירה השוואתית",
        presenters=("osnat_lavi", "ido_landau"),
        points=(
            "הסקירה ההשוואתית מראה כי במדינות רבות מתפרסמים כל הסכמי ההתקשרות עם ארגונים במאגר פתוח ונגיש.",
            "נדונה האפשרות להרחיב את מאגר מבחני התמיכה כך שיכלול גם את תוצאות ההקצאה.",
        ),
        concern="פרסום תוצאות ההקצאה ולא רק המבחנים",
        outcome="הנושא ישולב בטיוטת ההמלצה על עקרונות התמיכה.",
        goal=3,
        knowledge=("p_transparency_review", "p_support_registry"),
    ),
    Topic(
        key="volunteering",
        title="התנדבות ותעסוקה – תוכניות משותפות",
        presenters=("ruth_gabay", "mazal_assulin"),
        points=(
            "הוצגו תוכניות המשלבות התנדבות בקהילה עם הכשרה מקצועית, בעיקר לצעירים ולגמלאים.",
            "עלה כי רוב התוכניות ממומנות לשנה אחת בלבד, ולכן קשה למדוד את השפעתן לאורך זמן.",
        ),
        concern="מדידת ההשפעה לטווח ארוך",
        outcome="הנושא יועבר לצוות המדדים המשותפים.",
        knowledge=("p_volunteering",),
    ),
    Topic(
        key="trust",
        title="אמון בין המגזרים – ממצאי ראיונות",
        presenters=("osnat_lavi",),
        points=(
            "ממצאי הראיונות מלמדים כי האמון בין המגזרים נבנה בעיקר דרך עבודה משותפת על משימות מוגדרות.",
            "מרואיינים מכל המגזרים ציינו את חשיבותו של גורם מנחה ניטרלי.",
        ),
        concern="שימור הידע המוסדי בעת חילופי נציגים",
        outcome="סוכם לקיים מפגש היכרות לנציגים חדשים לפני כניסתם לשולחן.",
        knowledge=("p_trust", "lib_decade"),
    ),
)

PMO_DECISIONS = (
    DecisionSpec(
        key="publish_summaries",
        topic="publishing",
        kind="agreement",
        title="נוהל לפרסום סיכומי דיון של השולחן לציבור",
        text="השולחן מסכים כי לאחר אישור כל פרוטוקול יתפרסם לציבור סיכום קצר של הדיון, בתוך 30 יום מהמפגש. "
        "הסיכום יכלול את הנושאים שנדונו, את ההסכמות שהושגו ואת המשימות להמשך, ולא יכלול ציטוטים המיוחסים "
        "לחברי השולחן. המשרד המארח אחראי לפרסום באתר המשרד.",
        proposer="facilitator",
        at=1,
        steps=(
            Step("in_discussion", "m", 0),
            Step("agreed", "m", 2),
            Step("adopted", "d", 21),
            Step("implemented", "d", 150, "עמוד תוצרי השולחן עלה לאוויר באתר המשרד."),
        ),
        goals=(4,),
        reference="סיכום ישיבת הנהלת משרד ראש הממשלה מיום {date}",
        endorsements=(
            ("host", "s", None),
            ("ilana_shmueli", "s", None),
            ("ido_landau", "s", "בכפוף לאישור הלשכה המשפטית לנוסח הסיכומים."),
            ("yoav_kramer", "s", None),
            ("ruth_gabay", "s", None),
            ("liat_sasson", "r", "מבקשת שהסיכום יועבר לעיון חברי השולחן לפני פרסומו."),
            ("member", "s", None),
            ("rania_haj_yahya", "s", "חשוב לפרסם גם בערבית."),
            ("osnat_lavi", "s", None),
            ("lia_karmi", "s", None),
        ),
    ),
    DecisionSpec(
        key="monitoring_team",
        topic="monitoring",
        kind="policy_decision",
        title="הקמת צוות משותף למעקב אחר יישום החלטה 3190",
        text="יוקם צוות מעקב בהשתתפות נציג אחד מכל מגזר ונציג המשרד המארח. הצוות יאסוף אחת לשנה נתונים על "
        "יישום עקרונות ההחלטה במשרדי הממשלה ויגיש דוח מעקב להנהלת משרד ראש הממשלה ולשולחן.",
        proposer="host",
        at=3,
        steps=(
            Step("in_discussion", "m", 0),
            Step("agreed", "m", 1),
            Step("adopted", "d", 14),
            Step("implemented", "d", 240, "הצוות הוקם והגיש את דוח המעקב הראשון."),
        ),
        goals=(2,),
        reference='החלטת מנכ"ל משרד ראש הממשלה מיום {date}',
        endorsements=(
            ("host", "s", None),
            ("ilana_shmueli", "s", None),
            ("shlomi_dahan", "s", None),
            ("yoav_kramer", "s", None),
            ("roni_livne", "r", "יש להבטיח שהדוח לא יטיל עומס דיווח נוסף על המשרדים."),
            ("member", "s", None),
            ("osnat_lavi", "s", "המרכז לחקר המגזר השלישי יסייע באיסוף הנתונים."),
            ("mazal_assulin", "s", None),
        ),
    ),
    DecisionSpec(
        key="support_criteria",
        topic="support",
        kind="recommendation",
        title="המלצה למבחני תמיכה אחידים ושקופים לארגוני החברה האזרחית",
        text="השולחן ממליץ למשרדי הממשלה לפרסם את מבחני התמיכה בלוח זמנים קבוע ומוקדם, לנמק כל החלטת הקצאה "
        "ולפרסם את תוצאותיה במאגר פתוח אחד. עוד מומלץ לאפשר תמיכה רב-שנתית בארגונים המפעילים שירותים "
        "חיוניים.",
        proposer="member",
        at=8,
        steps=(
            Step("in_discussion", "m", 0),
            Step("agreed", "m", 2),
            Step("in_discussion", "m", 3, "הוחזר לדיון לבקשת משרד האוצר, לצורך התאמת הסעיף על תמיכה רב-שנתית."),
            Step("agreed", "m", 5),
            Step("adopted", "d", 30),
        ),
        goals=(3,),
        reference='מכתב מנכ"ל משרד ראש הממשלה למשרדי הממשלה מיום {date}',
        endorsements=(
            ("host", "s", None),
            ("ido_landau", "r", "הסעיף על תמיכה רב-שנתית מחייב תיאום עם אגף התקציבים."),
            ("ilana_shmueli", "s", None),
            ("yoav_kramer", "s", None),
            ("ruth_gabay", "s", None),
            ("ella_almog", "s", None),
            ("member", "s", "הצעה של ארגוני החברה האזרחית בשולחן."),
            ("rania_haj_yahya", "s", None),
            ("lia_karmi", "s", None),
            ("walid_odeh", "s", None),
        ),
    ),
    DecisionSpec(
        key="charter",
        topic="charter",
        kind="agreement",
        title="אמנת עבודה מעודכנת לשולחן",
        text="השולחן מאמץ את הנוסח המעודכן של אמנת העבודה: קבלת החלטות בהסכמה רחבה, תיעוד עמדות המגזרים "
        "כשאין הסכמה, הפצת סדר היום וחומרי הרקע שבוע מראש, ופרסום סיכום ציבורי לאחר אישור כל פרוטוקול.",
        proposer="facilitator",
        at=11,
        steps=(Step("in_discussion", "m", 0), Step("agreed", "m", 1), Step("adopted", "d", 10)),
        reference="אישור המשרד המארח מיום {date}",
        endorsements=(
            ("host", "s", None),
            ("shlomi_dahan", "s", None),
            ("ido_landau", "s", None),
            ("yoav_kramer", "s", None),
            ("liat_sasson", "s", None),
            ("roni_livne", "r", "מבקשים לקצר את פרק הזמן לאישור הפרוטוקול."),
            ("member", "s", None),
            ("mazal_assulin", "s", None),
            ("osnat_lavi", "s", None),
            ("walid_odeh", "r", "יש להוסיף התחייבות לתרגום הסיכום הציבורי לערבית."),
        ),
    ),
    DecisionSpec(
        key="early_consultation",
        topic="consultation",
        kind="policy_decision",
        title="שילוב שלב היוועצות מוקדם עם הציבור בתזכירי חוק",
        text="משרדי הממשלה יקיימו היוועצות עם ארגוני החברה האזרחית ועם בעלי עניין כבר בשלב זיהוי הבעיה, לפני "
        "גיבוש תזכיר החוק, ויאריכו את פרק הזמן להערות הציבור ל-45 יום לפחות. המשרדים יפרסמו משוב מנומק על "
        "ההערות שהתקבלו.",
        proposer="facilitator",
        at=14,
        steps=(Step("in_discussion", "m", 0), Step("agreed", "m", 2), Step("adopted", "d", 40)),
        goals=(2,),
        reference="החלטת הנהלת משרד ראש הממשלה מיום {date}",
        endorsements=(
            ("host", "s", None),
            ("ilana_shmueli", "s", None),
            ("ido_landau", "r", "הארכת פרק הזמן אינה מתאימה להצעות חוק דחופות."),
            ("shlomi_dahan", "s", None),
            ("roni_livne", "r", "חשוב שההיוועצות תכלול גם את המגזר העסקי."),
            ("liat_sasson", "r", None),
            ("member", "s", None),
            ("lia_karmi", "s", None),
            ("rania_haj_yahya", "s", None),
        ),
    ),
    DecisionSpec(
        key="outsourcing",
        topic="survey",
        kind="policy_decision",
        title="העברת ריכוז השולחן לגוף חיצוני שייבחר במכרז",
        text="מוצע להעביר את ריכוז השולחן ואת הנחייתו לגוף חיצוני שייבחר במכרז, כדי להפחית את העומס על המשרד המארח.",
        proposer="host",
        at=17,
        steps=(
            Step("in_discussion", "m", 0),
            Step("rejected", "m", 1, "לא נמצאה הסכמה בין המגזרים; השולחן ימשיך לפעול במתכונת הקיימת."),
        ),
        endorsements=(
            ("host", "s", None),
            ("ido_landau", "s", None),
            ("yoav_kramer", "r", "חשוב לשמור על ניטרליות ההנחיה."),
            ("rania_haj_yahya", "o", "הנחיה ניטרלית ורציפה היא תנאי לאמון; מכרז תקופתי יפגע בה."),
            ("member", "r", None),
            ("osnat_lavi", "r", None),
        ),
    ),
    DecisionSpec(
        key="emergency_fund",
        topic="philanthropy",
        kind="recommendation",
        title="הקמת קרן חירום משותפת לממשלה ולקרנות",
        text="מוצע להקים קרן משותפת שתאפשר העברת סיוע מהיר לארגונים בשעת חירום, במימון משותף לממשלה ולקרנות.",
        proposer="facilitator",
        at=20,
        steps=(
            Step("in_discussion", "m", 0),
            Step("withdrawn", "d", 25, "ההצעה הוסרה לבקשת נציגי הקרנות, לאחר שהוקם מנגנון תיאום חלופי."),
        ),
        goals=(3,),
        endorsements=(
            ("yoav_kramer", "s", None),
            ("ruth_gabay", "s", None),
            ("ido_landau", "r", "אין מקור תקציבי בשנה הנוכחית."),
        ),
    ),
    DecisionSpec(
        key="shared_indicators",
        topic="indicators",
        kind="understanding",
        title="הבנות לגבי מסגרת מדדים משותפת לשיתופי פעולה בין-מגזריים",
        text="חברי השולחן מסכימים לאמץ מסגרת מדדים משותפת לתוכניות הבין-מגזריות: מדדי תהליך אחידים לכל "
        "התוכניות ותפריט מדדי תוצאה שמתוכו ייבחרו המדדים של כל תוכנית. המסגרת תיבחן מחדש בתום שנה.",
        proposer="facilitator",
        at=-8,
        steps=(Step("in_discussion", "m", 0), Step("agreed", "m", 3)),
        endorsements=(
            ("host", "s", None),
            ("ido_landau", "s", None),
            ("liat_sasson", "s", None),
            ("yoav_kramer", "s", None),
            ("ella_almog", "s", None),
            ("osnat_lavi", "s", None),
            ("member", "s", None),
            ("walid_odeh", "r", "חשוב שהמדדים יאפשרו פילוח לפי אוכלוסיות."),
        ),
    ),
    DecisionSpec(
        key="local_roundtables",
        topic="local",
        kind="recommendation",
        title="המלצה להרחבת מודל השולחנות העגולים לרשויות מקומיות בפריפריה",
        text="השולחן ממליץ להקים שולחנות עגולים בין-מגזריים בחמש רשויות מקומיות בפריפריה כפיילוט, בליווי "
        "מקצועי של צוות הנחיה בשנה הראשונה, ולהעריך את הפיילוט בתום שנתיים.",
        proposer="facilitator",
        at=-6,
        steps=(Step("in_discussion", "m", 0), Step("agreed", "m", 2)),
        goals=(0,),
        endorsements=(
            ("shlomi_dahan", "s", None),
            ("host", "s", None),
            ("roni_livne", "s", None),
            ("ruth_gabay", "s", None),
            ("mazal_assulin", "s", None),
            ("member", "s", None),
            ("lia_karmi", "r", "יש להבטיח ייצוג לארגונים קטנים ברשויות."),
        ),
    ),
    DecisionSpec(
        key="multi_year",
        topic="multi_year",
        kind="recommendation",
        title="עקרונות למימון רב-שנתי של תוכניות משותפות לממשלה ולקרנות",
        text="מוצע כי תוכניות המשותפות לממשלה ולקרנות יתוכננו מראש לשלוש עד חמש שנים, עם חלוקת מימון מוגדרת "
        "לכל שנה, מדדי הצלחה מוסכמים ותוכנית להמשך התוכנית בתקציב הממשלתי לאחר תקופת השותפות.",
        proposer="host",
        at=-5,
        steps=(Step("in_discussion", "m", 1),),
        goals=(3,),
        endorsements=(
            ("yoav_kramer", "s", None),
            ("ella_almog", "s", "קרן משפחת אלמוג מוכנה להצטרף לפיילוט ראשון."),
            ("ido_landau", "r", "בכפוף לאפשרויות ההרשאה להתחייב."),
            ("rania_haj_yahya", "s", None),
        ),
    ),
    DecisionSpec(
        key="data_sharing",
        topic="data_sharing",
        kind="agreement",
        title="פרוטוקול לשיתוף נתונים בין משרדי הממשלה לארגונים",
        text="הצדדים יגבשו פרוטוקול לשיתוף נתונים מנהליים ברמת יישוב ושכונה עם ארגונים הפועלים בשטח, ללא "
        "פרטים מזהים, לצורך תכנון תוכניות והערכתן. הפרוטוקול יגדיר את מטרות השימוש, את האחריות לאבטחת המידע "
        "ואת מועד מחיקתו.",
        proposer="facilitator",
        at=-3,
        steps=(Step("in_discussion", "m", 0),),
        endorsements=(
            ("walid_odeh", "s", None),
            ("ido_landau", "r", "נדרשת חוות דעת של הרשות להגנת הפרטיות."),
            ("liat_sasson", "s", None),
        ),
    ),
    DecisionSpec(
        key="employment_call",
        topic="employment",
        kind="recommendation",
        title="קול קורא משותף לתוכניות לתעסוקה בפריפריה",
        text="מוצע לפרסם קול קורא משותף לממשלה ולקרנות לתוכניות לתעסוקה בפריפריה, בשיתוף מעסיקים מקומיים "
        "ורשויות, עם מימון לשלוש שנים ומדדי השמה מוסכמים.",
        proposer="member",
        at=-1,
        endorsements=(
            ("member", "s", "הצעה של ארגוני החברה האזרחית בשולחן."),
            ("mazal_assulin", "s", None),
        ),
    ),
    DecisionSpec(
        key="annual_report",
        topic="publishing",
        kind="understanding",
        title="מתכונת לדוח שנתי פומבי על פעילות השולחן",
        text="מוצע לפרסם אחת לשנה דוח פומבי קצר על פעילות השולחן: הנושאים שנדונו, ההסכמות שאומצו, מצב "
        "יישומן ושיעורי ההשתתפות לפי מגזר.",
        proposer="host",
        at=-1,
        goals=(4,),
        endorsements=(("host", "s", None),),
        proposed_after_days=9,
    ),
)

PMO_ACTIONS = (
    ActionSpec("הקמת עמוד תוצרי השולחן באתר המשרד", "host", "done", None, decision="publish_summaries"),
    ActionSpec("כינוס ראשון של צוות המעקב ליישום החלטה 3190", "ilana_shmueli", "done", None, "monitoring_team"),
    ActionSpec(
        "הכנת דוח המעקב השנתי להנהלת המשרד",
        "host",
        "in_progress",
        -12,
        "monitoring_team",
        description="הדוח יכלול את ממצאי השאלון למשרדים ואת המלצות צוות המעקב.",
    ),
    ActionSpec("הפצת ההמלצה על מבחני התמיכה למשרדי הממשלה", "host", "done", None, "support_criteria"),
    ActionSpec(
        "איסוף התייחסויות הארגונים ליישום מבחני התמיכה",
        "member",
        "open",
        -18,
        "support_criteria",
        description="ריכוז התייחסויות של ארגוני החברה האזרחית ליישום ההמלצה במשרדים, לקראת דיון מעקב בשולחן.",
    ),
    ActionSpec(
        "הכנת רשימת תזכירי חוק לפיילוט היוועצות מוקדמת", "ilana_shmueli", "in_progress", 14, "early_consultation"
    ),
    ActionSpec("ריכוז הערות חברי השולחן לטיוטת מסגרת המדדים", "osnat_lavi", "open", -5, meeting=-2),
    ActionSpec("מיפוי רשויות מקומיות המעוניינות בליווי להקמת שולחן", "shlomi_dahan", "open", 20, "local_roundtables"),
    ActionSpec("בדיקת האפשרות להרשאה להתחייב לשלוש שנים", "ido_landau", "in_progress", 30, "multi_year"),
    ActionSpec("טיוטה ראשונה של פרוטוקול לשיתוף נתונים", "walid_odeh", "open", 10, "data_sharing"),
    ActionSpec(
        "הכנת טיוטת קול קורא לתוכניות תעסוקה בפריפריה",
        "member",
        "in_progress",
        12,
        "employment_call",
        description="טיוטה ראשונה להצגה במפגש הקרוב, בתיאום עם נציגי התעשייה והקרנות.",
    ),
    ActionSpec("בדיקת היתכנות לתרגום הקולות הקוראים המרכזיים לערבית", "rania_haj_yahya", "open", -30, meeting=-3),
    ActionSpec("עדכון אמנת העבודה באתר ובחומרי הקליטה לנציגים חדשים", "facilitator", "done", None, "charter"),
    ActionSpec("בחינת מנגנון חירום משותף עם הקרנות", "yoav_kramer", "dropped", None, "emergency_fund"),
    ActionSpec("הכנת הסיכום הציבורי של שנת העבודה", "facilitator", "open", 5, meeting=-2),
    ActionSpec("שליחת סיכום מפגש ההיוועצות לרשויות המקומיות", "member", "done", None, meeting=-6),
    ActionSpec("הכנת מצגת ממצאי הסקר להנהלת המשרד", "liat_sasson", "open", -8, meeting=-2),
)

PMO = Plan(
    key="pmo",
    series="מפגש השולחן הממשקי",
    facilitator="facilitator",
    approver="host",
    adopter="host",
    adopter_phrase="הנהלת משרד ראש הממשלה",
    weekday=1,  # Tuesday
    months=(),  # every month of the last three years but August: see pmo_months()
    venue="משרד ראש הממשלה, ירושלים",
    address="רחוב קפלן 3, ירושלים",
    online_url="https://meet.example.org/pmo-roundtable",
    topics=PMO_TOPICS,
    decisions=PMO_DECISIONS,
    actions=PMO_ACTIONS,
    hours=(10, 13, 0),
    topics_per_meeting=(2, 3, 3, 4),
    cancellations=(
        "המפגש בוטל בשל המצב הביטחוני ובהתאם להנחיות פיקוד העורף; הנושאים הועברו למפגש הבא.",
        "המפגש בוטל לבקשת המשרד המארח בשל חפיפה עם דיוני התקציב בממשלה.",
    ),
    public_summaries=5,
    corrections=3,
    comments=4,
    process_notes=6,
    guests=True,
)


def pmo_months(today: date) -> tuple[int, ...]:
    """Monthly over the last three years, with a summer break in August."""
    return tuple(months for months in range(36, 0, -1) if _month_start(today, months).month != 8)


# --- lighter histories of the other roundtables ----------------------------------------------------

EDUCATION = Plan(
    key="education",
    series="מפגש השולחן במשרד החינוך",
    facilitator="facilitator2",
    approver="facilitator2",
    adopter=None,
    adopter_phrase="הנהלת משרד החינוך",
    weekday=2,
    months=(13, 11, 9, 7, 4, 2),
    venue="משרד החינוך, ירושלים",
    address="רחוב דבורה הנביאה 2, ירושלים",
    online_url="https://meet.example.org/education-roundtable",
    topics=(
        Topic(
            key="programme_map",
            title="מיפוי התוכניות החיצוניות בבתי הספר",
            presenters=("maya_horowitz", "shani_malka"),
            points=(
                "הוצגו ממצאי המיפוי הראשוני: בחלק מבתי הספר פועלות יותר מעשר תוכניות חיצוניות במקביל, ובאחרים "
                "כמעט אין תוכניות.",
                "הוסכם כי המאגר יתעדכן פעמיים בשנה על ידי הארגונים והקרנות עצמם.",
            ),
            concern="הכפילויות בין תוכניות הפועלות באותו בית ספר",
            outcome="סוכם להשלים את המיפוי במחוז הדרום ולהציג את ממצאיו במפגש הבא.",
            goal=1,
            knowledge=("e_programme_map",),
        ),
        Topic(
            key="gaps",
            title="צמצום פערים בפריפריה ובחברה הערבית",
            presenters=("samah_khatib", "samer_nassar"),
            points=(
                "נבחנה חלוקת ההשקעות של הקרנות בין בתי הספר לפי מדד הטיפוח, ועלה כי יישובים קטנים בפריפריה "
                "מקבלים מענה חלקי בלבד.",
                "נציגי החברה האזרחית הציעו לשתף את הרשויות המקומיות בבחירת התוכניות המופעלות ביישוב.",
            ),
            concern="מעורבות הרשויות המקומיות בבחירת התוכניות",
            outcome="סוכם לנסח עקרונות לתיאום השקעות הקרנות ולהביאם לדיון.",
            goal=2,
        ),
        Topic(
            key="indicators",
            title="מדדים משותפים להערכת השפעה",
            presenters=("naama_klein", "dafna_oren"),
            points=(
                "הוצגה טיוטת מסגרת מדדים שתאפשר למשרד, לקרנות ולעמותות להעריך יחד את תוצאות התוכניות.",
                "המשרד ביקש שהמדדים יתבססו ככל האפשר על נתונים שכבר נאספים בבתי הספר.",
            ),
            concern="העומס על צוותי בתי הספר",
            outcome="צוות מצומצם ימשיך בגיבוש המדדים.",
            goal=3,
            knowledge=("e_impact",),
        ),
        Topic(
            key="procedure",
            title="עדכון נוהל שיתופי הפעולה עם ארגונים וקרנות",
            presenters=("avi_mizrahi", "gil_amar"),
            points=(
                "הוצגו נקודות לעדכון הנוהל, ובהן הליך אישור מקוצר לתוכניות שכבר נבחנו ופרסום שנתי של רשימת "
                "התוכניות המאושרות.",
                "נציגי הקרנות ביקשו להבהיר את כללי השימוש בנתוני התלמידים לצורכי הערכה.",
            ),
            concern="הבהירות בכללי השימוש בנתונים",
            outcome="הערות חברי השולחן יועברו ללשכה המשפטית של המשרד.",
            goal=0,
            knowledge=("e_procedure",),
        ),
        Topic(
            key="recovery",
            title="חיזוק הלמידה לאחר תקופת החירום",
            presenters=("uri_peleg", "idan_shavit"),
            points=(
                "נסקרו התוכניות שהפעילו הארגונים והקרנות לצמצום פערי הלמידה שנוצרו בתקופת החירום.",
                "עלה הצורך בתיאום בין מענים רגשיים ולימודיים בבתי ספר שקלטו תלמידים מפונים.",
            ),
            concern="התיאום בין המענים הרגשיים והלימודיים",
            outcome="סוכם לרכז את המידע במאגר התוכניות.",
        ),
    ),
    decisions=(
        DecisionSpec(
            key="annual_update",
            topic="programme_map",
            kind="policy_decision",
            title="נוהל עדכון שנתי של מאגר התוכניות החיצוניות",
            text="המשרד, הקרנות והעמותות יעדכנו את מאגר התוכניות החיצוניות פעמיים בשנה, לפני תחילת שנת "
            "הלימודים ובאמצעה. המשרד יפיץ את המאגר למנהלי בתי הספר ולרשויות המקומיות.",
            proposer="facilitator2",
            at=0,
            steps=(Step("in_discussion", "m", 0), Step("agreed", "m", 1), Step("adopted", "d", 20)),
            goals=(1,),
            reference='הודעת המנכ"ל למנהלי בתי הספר מיום {date}',
            endorsements=(
                ("avi_mizrahi", "s", None),
                ("maya_horowitz", "s", None),
                ("dafna_oren", "s", None),
                ("gil_amar", "r", "יש לפשט את טופס העדכון לארגונים קטנים."),
                ("shani_malka", "s", None),
                ("samer_nassar", "s", None),
            ),
        ),
        DecisionSpec(
            key="funder_coordination",
            topic="gaps",
            kind="recommendation",
            title="עקרונות לתיאום השקעות הקרנות ביישובי הפריפריה",
            text="השולחן ממליץ שהקרנות יתאמו את השקעותיהן בבתי הספר עם המשרד ועם הרשות המקומית, ויעדיפו "
            "יישובים שבהם המענה הקיים חלקי, לפי מאגר התוכניות ומדד הטיפוח.",
            proposer="facilitator2",
            at=2,
            steps=(Step("in_discussion", "m", 0), Step("agreed", "m", 2)),
            goals=(2,),
            endorsements=(
                ("samah_khatib", "s", None),
                ("naama_klein", "s", None),
                ("uri_peleg", "s", None),
                ("idan_shavit", "s", None),
                ("oz_ben_haim", "r", "יש לשתף גם את ועדי ההורים."),
            ),
        ),
        DecisionSpec(
            key="school_indicators",
            topic="indicators",
            kind="understanding",
            title="מסגרת מדדים משותפת להערכת תוכניות בבתי הספר",
            text="מוצע שכל תוכנית חיצונית תדווח על שני מדדים משותפים ועל עד שלושה מדדים משלה, על בסיס נתונים "
            "שכבר נאספים בבתי הספר.",
            proposer="facilitator2",
            at=-1,
            goals=(3,),
            endorsements=(("naama_klein", "s", None),),
        ),
    ),
    actions=(
        ActionSpec("השלמת המיפוי במחוז הדרום", "orna_maman", "open", 30, meeting=-1),
        ActionSpec("הפצת המאגר המעודכן למנהלי בתי הספר", "avi_mizrahi", "done", None, "annual_update"),
    ),
)

HOLOCAUST = Plan(
    key="holocaust",
    series="מפגש השולחן ברשות לזכויות ניצולי השואה",
    facilitator="facilitator2",
    approver="facilitator2",
    adopter=None,
    adopter_phrase="הנהלת הרשות",
    weekday=0,
    months=(12, 10, 8, 6, 4, 1),
    venue="הרשות לזכויות ניצולי השואה, תל אביב",
    address=None,
    online_url="https://meet.example.org/survivors-roundtable",
    topics=(
        Topic(
            key="outreach",
            title="איתור יזום של ניצולים שאינם ממצים זכויות",
            presenters=("hana_weissman", "shula_gross"),
            points=(
                "הוצגו ממצאי פיילוט לאיתור יזום של ניצולים באמצעות רשויות מקומיות ועמותות.",
                "עלה כי ניצולים רבים אינם מכירים את זכויותיהם, ובעיקר את ההטבות שנוספו בשנים האחרונות.",
            ),
            concern="השמירה על פרטיות הניצולים בעת העברת מידע",
            outcome="סוכם לבחון שיתוף נתוני זכאות עם העמותות הפועלות בשטח.",
            goal=0,
            knowledge=("h_rights",),
        ),
        Topic(
            key="services_map",
            title="מפת שירותים משותפת לניצולים",
            presenters=("sigal_mor", "david_abramovich"),
            points=(
                "הוצג מבנה מוצע למפת שירותים שתרכז את השירותים שמעניקים הממשלה, הקרנות והעמותות.",
                "הודגש כי המידע צריך להיות נגיש גם לבני משפחה ולעובדים סוציאליים, ולא רק באינטרנט.",
            ),
            concern="הנגישות של המידע לניצולים שאינם משתמשים באינטרנט",
            outcome="צוות עבודה יגבש הצעה למבנה המפה.",
            goal=2,
            knowledge=("h_services",),
        ),
        Topic(
            key="volunteers",
            title="רשת המתנדבים לליווי ניצולים בודדים – לקחים",
            presenters=("zehava_shemesh", "ruth_gabay"),
            points=(
                "נסקרו לקחי רשת המתנדבים שהורחבה בתקופת הקורונה: הכשרה מוקדמת, ליווי מקצועי למתנדבים ורציפות בקשר.",
                "הוצע להפוך את המודל למודל קבע בשיתוף הרשויות המקומיות.",
            ),
            concern="שימור המתנדבים לאורך זמן",
            outcome="סוכם לעגן את המודל בהסכם בין השותפים.",
            goal=1,
            knowledge=("h_volunteers",),
        ),
        Topic(
            key="heritage",
            title="שילוב ניצולים בהעברת המורשת בקהילה",
            presenters=("avraham_roth", "lia_karmi"),
            points=(
                "הוצגו יוזמות למפגשי ניצולים עם תלמידים ועם קהילות ברחבי הארץ.",
                "הודגש הצורך להתאים את המפגשים למצבם הבריאותי של הניצולים.",
            ),
            concern="ההתאמה למצבם הבריאותי של הניצולים",
            outcome="סוכם לגבש תוכנית משותפת לשנה הבאה.",
            goal=3,
        ),
        Topic(
            key="winter",
            title="מענים לבדידות ולמצוקה כלכלית בחורף",
            presenters=("svetlana_kogan", "ilana_shmueli"),
            points=(
                "נסקרו המענים לחורף: סיוע בחימום, חלוקת מזון וביקורי בית.",
                "עלה הצורך בתיאום בין העמותות, כדי למנוע כפילויות ולהגיע לניצולים שאינם מוכרים לשירותים.",
            ),
            concern="התיאום בין העמותות",
            outcome="סוכם להקים קו תיאום משותף לתקופת החורף.",
        ),
    ),
    decisions=(
        DecisionSpec(
            key="volunteer_model",
            topic="volunteers",
            kind="agreement",
            title="מודל משותף לליווי ניצולים בודדים על ידי מתנדבים",
            text="השותפים מסכימים להפעיל את רשת המתנדבים כמודל קבע: הכשרה לפני הביקור הראשון, איש מקצוע מלווה "
            "לכל קבוצת מתנדבים וקשר קבוע עם כל ניצול, בשיתוף הרשויות המקומיות.",
            proposer="facilitator2",
            at=0,
            steps=(
                Step("in_discussion", "m", 0),
                Step("agreed", "m", 1),
                Step("adopted", "d", 14),
                Step("implemented", "d", 90, "המודל פועל בשלושה מחוזות."),
            ),
            goals=(1,),
            reference="החלטת הנהלת הרשות מיום {date}",
            endorsements=(
                ("hana_weissman", "s", None),
                ("david_abramovich", "s", None),
                ("ruth_gabay", "s", None),
                ("sigal_mor", "s", None),
                ("zehava_shemesh", "s", None),
                ("shula_gross", "s", None),
                ("avraham_roth", "r", "יש להבטיח ליווי גם בשפות נוספות."),
            ),
        ),
        DecisionSpec(
            key="data_for_outreach",
            topic="outreach",
            kind="policy_decision",
            title="שיתוף נתוני זכאות עם עמותות לצורך איתור יזום של ניצולים",
            text="הרשות תעביר לעמותות הפועלות בשטח רשימות של ניצולים שאינם ממצים את זכויותיהם, בהסכמתם ובכפוף "
            "להסדרי אבטחת מידע, לצורך פנייה יזומה וליווי במימוש הזכויות.",
            proposer="facilitator2",
            at=2,
            steps=(Step("in_discussion", "m", 0), Step("agreed", "m", 1), Step("adopted", "d", 30)),
            goals=(0,),
            reference="החלטת הנהלת הרשות מיום {date}",
            endorsements=(
                ("hana_weissman", "s", None),
                ("ilana_shmueli", "s", None),
                ("limor_ben_shoshan", "r", "נדרש אישור הלשכה המשפטית לפני העברת הנתונים."),
                ("amit_vaknin", "s", None),
                ("shula_gross", "s", None),
                ("svetlana_kogan", "s", None),
            ),
        ),
        DecisionSpec(
            key="services_map",
            topic="services_map",
            kind="recommendation",
            title="מבנה מפת השירותים המשותפת לניצולים",
            text="מוצע לבנות את מפת השירותים לפי תחום, אזור וגוף מפעיל, כשכל גוף מעדכן בעצמו את השירותים שלו, "
            "ולהפיק ממנה גם חוברת מודפסת.",
            proposer="facilitator2",
            at=4,
            steps=(Step("in_discussion", "m", 0),),
            goals=(2,),
            endorsements=(("sigal_mor", "s", None), ("lia_karmi", "s", None)),
        ),
    ),
    actions=(
        ActionSpec("גיוס מתנדבים לליווי ניצולים בודדים בצפון", "shula_gross", "in_progress", 40, "volunteer_model"),
        ActionSpec("העברת רשימות הזכאות הראשונות לעמותות", "david_abramovich", "open", -7, "data_for_outreach"),
    ),
    public_summaries=2,
)

ECONOMY = Plan(
    key="economy",
    series="מפגש השולחן לפיתוח כלכלי-אזורי",
    facilitator="facilitator",
    approver="facilitator",
    adopter=None,
    adopter_phrase="הנהלת המשרד",
    weekday=6,  # Sunday
    months=(6, 5, 3, 2, 1),  # before the month the roundtable ended
    venue="משרד הכלכלה, ירושלים",
    address=None,
    online_url="https://meet.example.org/economy-roundtable",
    topics=(
        Topic(
            key="forums",
            title="פורומים אזוריים לפיתוח כלכלי – סיכום פעילות",
            presenters=("alexander_gurevich", "shimon_biton"),
            points=(
                "הוצג סיכום פעילות הפורומים האזוריים בנגב ובגליל מאז הקמתם.",
                "נציגי הרשויות ביקשו להבטיח את המשך פעילות הפורומים גם לאחר סיום עבודת השולחן.",
            ),
            concern="המשכיות הפורומים לאחר סיום עבודת השולחן",
            outcome="סוכם לכלול המלצה בנושא במסמך המסכם.",
            goal=0,
        ),
        Topic(
            key="youth",
            title="שילוב צעירים בתעסוקה איכותית – ממצאי הפיילוט",
            presenters=("walid_odeh", "efrat_suissa"),
            points=(
                "ממצאי הפיילוט מראים שיעורי השמה גבוהים בקרב משתתפים שהוכשרו בשיתוף מעסיקים מקומיים.",
                "עלה הצורך בפתרונות תחבורה למשתתפים מיישובים מרוחקים.",
            ),
            concern="פתרונות התחבורה ליישובים מרוחקים",
            outcome="סוכם להמליץ על הרחבת התוכנית.",
            goal=1,
            knowledge=("c_youth",),
        ),
        Topic(
            key="final_report",
            title="מסמך ההמלצות המסכם",
            presenters=("moshe_azoulay", "facilitator"),
            points=(
                "הוצגה טיוטת מסמך ההמלצות המסכם של השולחן.",
                "חברי השולחן העבירו הערות לפרקים על תעסוקה ועל פיתוח עסקים קטנים.",
            ),
            concern="הבהירות של ההמלצות לגבי האחריות לביצוען",
            outcome="הנוסח הסופי יוגש להנהלת המשרד.",
            goal=3,
            knowledge=("c_recommendations",),
        ),
        Topic(
            key="loan_fund",
            title="קרן הלוואות לעסקים קטנים בפריפריה",
            presenters=("tal_rosen", "zvi_greenberg"),
            points=(
                "נבחנו חלופות למימון קרן הלוואות משותפת לממשלה ולפילנתרופיה.",
                "נציגי המשרד עדכנו כי לא נמצא מקור תקציבי לחלק הממשלתי.",
            ),
            concern="מקורות המימון החלופיים",
            outcome="סוכם להביא את ההצעה להכרעה במפגש הבא.",
            goal=2,
        ),
    ),
    decisions=(
        DecisionSpec(
            key="youth_programme",
            topic="youth",
            kind="recommendation",
            title="תוכנית הכשרה והשמה משותפת לצעירים בפריפריה",
            text="השולחן ממליץ להרחיב את תוכנית ההכשרה וההשמה לצעירים מהחברה הערבית, מהחברה הבדואית ומיוצאי "
            "אתיופיה, בשיתוף מעסיקים מקומיים ובמימון משותף לממשלה ולקרנות.",
            proposer="facilitator",
            at=0,
            steps=(Step("in_discussion", "m", 0), Step("agreed", "m", 1), Step("adopted", "d", 21)),
            goals=(1,),
            reference="החלטת הנהלת המשרד מיום {date}",
            endorsements=(
                ("alexander_gurevich", "s", None),
                ("shimon_biton", "s", None),
                ("efrat_suissa", "s", None),
                ("george_haddad", "s", None),
                ("walid_odeh", "s", None),
                ("berhanu_tegenya", "s", None),
            ),
        ),
        DecisionSpec(
            key="loan_fund",
            topic="loan_fund",
            kind="policy_decision",
            title="הקמת קרן הלוואות משותפת לעסקים קטנים בפריפריה",
            text="מוצע להקים קרן הלוואות משותפת לממשלה ולפילנתרופיה, שתעניק הלוואות בתנאים מועדפים לעסקים "
            "קטנים בנגב ובגליל.",
            proposer="facilitator",
            at=0,
            steps=(
                Step("in_discussion", "m", 0),
                Step("rejected", "m", 2, "לא נמצא מקור תקציבי לחלק הממשלתי; היעד הוסר מתוכנית העבודה."),
            ),
            goals=(2,),
            endorsements=(
                ("tal_rosen", "r", None),
                ("nidal_othman", "r", None),
                ("sharon_tal", "s", None),
                ("amir_shalev", "s", None),
                ("mazal_assulin", "r", "בלי ליווי עסקי ההלוואות לא יגיעו לעסקים הקטנים באמת."),
            ),
        ),
        DecisionSpec(
            key="final_report",
            topic="final_report",
            kind="agreement",
            title="הגשת מסמך ההמלצות המסכם להנהלת המשרד",
            text="השולחן מאשר את מסמך ההמלצות המסכם ומגיש אותו להנהלת המשרד, בצירוף עמדות המיעוט שנרשמו בדיונים.",
            proposer="facilitator",
            at=2,
            steps=(
                Step("in_discussion", "m", 0),
                Step("agreed", "m", 1),
                Step("adopted", "d", 10),
                Step("implemented", "d", 30, "המסמך הוגש להנהלת המשרד ופורסם לציבור."),
            ),
            goals=(3,),
            reference="מכתב הגשה להנהלת המשרד מיום {date}",
            endorsements=(
                ("moshe_azoulay", "s", None),
                ("tal_rosen", "s", None),
                ("efrat_suissa", "s", None),
                ("zvi_greenberg", "s", None),
                ("walid_odeh", "s", None),
                ("mazal_assulin", "s", None),
            ),
        ),
    ),
    actions=(ActionSpec("הפצת מסמך ההמלצות לרשויות המקומיות", "moshe_azoulay", "done", None, "final_report"),),
    final_note="זהו המפגש האחרון של השולחן; מסמך ההמלצות המסכם יוגש להנהלת המשרד.",
    public_summaries=1,
    closing_topics=("final_report",),
)

CIVIL_SERVICE = Plan(
    key="civil_service",
    series="מפגש שולחן הרפורמה בשירות המדינה",
    facilitator="facilitator",
    approver="facilitator",
    adopter=None,
    adopter_phrase="נציבות שירות המדינה",
    weekday=3,
    months=(31, 28, 25, 22),
    venue="נציבות שירות המדינה, ירושלים",
    address=None,
    online_url="https://meet.example.org/civil-service-roundtable",
    topics=(
        Topic(
            key="representation",
            title="ייצוג הולם בדרגים הבכירים",
            presenters=("yael_friedman", "itamar_weiss"),
            points=(
                "הוצגה תמונת מצב של הייצוג ההולם בשירות המדינה, ובעיקר בדרגים הבכירים.",
                "ארגוני החברה האזרחית הציעו תוכניות הכנה ייעודיות למכרזים בכירים.",
            ),
            concern="מדידת הייצוג בדרגים הבכירים",
            outcome="סוכם לנסח המלצות משותפות.",
            goal=0,
            knowledge=("s_representation",),
        ),
        Topic(
            key="mobility",
            title="תוכנית ניידות בין-מגזרית לעובדי מדינה",
            presenters=("talia_shachar", "asaf_neumann"),
            points=(
                "נבחן מודל להשאלת עובדים בין שירות המדינה, המגזר העסקי והחברה האזרחית לתקופות קצובות.",
                "עלו שאלות בנוגע לניגוד עניינים ולכללי האתיקה.",
            ),
            concern="כללי האתיקה וניגוד העניינים",
            outcome="סוכם לבקש חוות דעת משפטית.",
            goal=2,
        ),
        Topic(
            key="participation",
            title="לקחים משיתוף הציבור בתכנון הרפורמה",
            presenters=("noga_frenkel", "eran_halevi"),
            points=(
                "נסקרו לקחי סבב ההיוועצות שנערך בתכנון הרפורמה.",
                "המשתתפים המליצו לשלב היוועצות גם בשלב ההטמעה.",
            ),
            concern="המשך ההיוועצות בשלב ההטמעה",
            outcome="הלקחים ירוכזו במסמך קצר.",
            goal=1,
        ),
        Topic(
            key="renewal",
            title="מתווה לחידוש פעילות השולחנות",
            presenters=("merav_ohayon", "facilitator"),
            points=(
                "נדון הצורך בעדכון הרכב השולחנות ונושאי העבודה.",
                "הוחלט להקפיא זמנית את הפעילות עד לגיבוש מתווה מעודכן.",
            ),
            concern="שמירת הקשר עם חברי השולחנות בתקופת ההקפאה",
            outcome="הנציבות תגבש מתווה לחידוש הפעילות.",
            goal=3,
        ),
    ),
    decisions=(
        DecisionSpec(
            key="representation",
            topic="representation",
            kind="recommendation",
            title="המלצות לקידום ייצוג הולם בדרגים הבכירים בשירות המדינה",
            text="השולחן ממליץ על תוכניות הכנה למכרזים בכירים בשיתוף ארגוני החברה האזרחית, על פרסום שנתי של "
            "נתוני הייצוג לפי דרגה ועל יעדים מדידים לכל משרד.",
            proposer="facilitator",
            at=0,
            steps=(Step("in_discussion", "m", 0), Step("agreed", "m", 2), Step("adopted", "d", 30)),
            goals=(0,),
            reference="מכתב נציב שירות המדינה מיום {date}",
            endorsements=(
                ("eran_halevi", "s", None),
                ("yael_friedman", "s", None),
                ("talia_shachar", "s", None),
                ("asaf_neumann", "r", "יש לשתף גם את המעסיקים בתוכניות ההכנה."),
                ("itamar_weiss", "s", None),
                ("noga_frenkel", "s", None),
                ("berhanu_tegenya", "s", None),
            ),
        ),
        DecisionSpec(
            key="mobility",
            topic="mobility",
            kind="recommendation",
            title="מודל ניסיוני לניידות בין-מגזרית של עובדי מדינה",
            text="מוצע פיילוט של השאלת עובדים בין שירות המדינה לבין המגזר העסקי והחברה האזרחית לתקופות של עד "
            "שנתיים, בכפוף לכללי אתיקה שייקבעו מראש.",
            proposer="facilitator",
            at=2,
            steps=(Step("in_discussion", "m", 0),),
            goals=(2,),
            endorsements=(("talia_shachar", "s", None), ("yonatan_rivivo", "r", None)),
        ),
    ),
    actions=(ActionSpec("גיבוש טיוטת מתווה לחידוש פעילות השולחנות", "merav_ohayon", "in_progress", 45, meeting=-1),),
    final_note="פעילות השולחן תוקפא זמנית עד לגיבוש מתווה מעודכן לחידושה.",
    closing_topics=("renewal",),
)

LIGHT = (EDUCATION, HOLOCAUST, ECONOMY, CIVIL_SERVICE)


# --- the knowledge library ---------------------------------------------------------------------------

FACILITATION_HE = "צוות ההנחיה – שיתופים"
FACILITATION_EN = "Shitufim facilitation team"

KNOWLEDGE = (
    # The shared library (no roundtable): what every roundtable draws on.
    KnowledgeSpec(
        key="lib_3190",
        scope="library",
        kind="background_paper",
        language="he",
        title="החלטת ממשלה 3190: הממשלה, החברה האזרחית והמגזר העסקי – שותפות, העצמה ושקיפות",
        summary="תקציר ההחלטה שעיגנה את יחסי הגומלין בין הממשלה לבין החברה האזרחית והמגזר העסקי, ועיקרי "
        "הכלים שהיא מציעה.",
        points=(
            "ההחלטה התקבלה בשנת 2008 וקבעה לראשונה מסגרת מדיניות כוללת ליחסים בין הממשלה, החברה האזרחית והמגזר העסקי.",
            "בין הכלים שנקבעו: שולחן עגול קבוע במשרד ראש הממשלה, היוועצות בשלבים מוקדמים של גיבוש מדיניות "
            "והרחבת השקיפות בהקצאת תמיכות.",
            "המסמך מרכז את עיקרי ההחלטה ואת שאלות היישום שעלו מאז בשולחנות המשרדיים.",
        ),
        tags=("3190", "מדיניות", "שותפות"),
        authors=(FACILITATION_HE,),
        age=1090,
        visibility="public",
    ),
    KnowledgeSpec(
        key="lib_decade",
        scope="library",
        kind="research",
        language="en",
        title="Cross-sector collaboration in Israel: lessons from a decade of roundtables",
        summary="A review of how government-initiated roundtables in Israel have worked since 2009: who takes "
        "part, what they produced and what held them back.",
        points=(
            "The study draws on minutes, interviews with members from all three sectors and a survey of former "
            "participants.",
            "Roundtables that produced lasting results had a clear mandate from the host ministry, a neutral "
            "facilitator and a regular rhythm of meetings.",
            "The most common obstacles were turnover of government representatives and the lack of a budget "
            "line for joint programmes.",
        ),
        tags=("cross-sector", "roundtables", "evaluation"),
        authors=("osnat_lavi", "Israeli Center for Third Sector Research"),
        age=1000,
        by="admin",
    ),
    KnowledgeSpec(
        key="lib_collective",
        scope="library",
        kind="link",
        language="en",
        title="Collective Impact (Stanford Social Innovation Review)",
        summary="The classic article on the conditions for collective impact: a common agenda, shared "
        "measurement, mutually reinforcing activities, continuous communication and backbone support.",
        points=(
            "Kania and Kramer argue that large-scale social change requires broad cross-sector coordination "
            "rather than isolated interventions.",
            "The five conditions they describe are often used as a checklist when a roundtable moves from "
            "dialogue to joint work.",
        ),
        tags=("collective-impact", "cross-sector"),
        authors=("John Kania", "Mark Kramer"),
        age=980,
        visibility="public",
        url="https://ssir.org/articles/entry/collective_impact",
    ),
    KnowledgeSpec(
        key="lib_meeting_guide",
        scope="library",
        kind="protocol",
        language="he",
        title="מדריך להכנת מפגש שולחן עגול",
        summary="רשימת תיוג לצוות ההנחיה ולמשרד המארח: מהגדרת מטרות המפגש ועד הפצת הפרוטוקול.",
        points=(
            "סדר היום מופץ לחברי השולחן שבוע לפני המפגש, יחד עם חומרי הרקע לכל נושא.",
            "לכל נושא נקבעים מציג, זמן מוקצב ושאלה מרכזית לדיון.",
            "טיוטת הפרוטוקול מופצת בתוך שבוע, וחברי השולחן מתבקשים להעיר עליה לפני אישורה.",
        ),
        tags=("הנחיה", "נהלים"),
        authors=(FACILITATION_HE,),
        age=950,
        revisions=2,
    ),
    KnowledgeSpec(
        key="lib_open_gov",
        scope="library",
        kind="research",
        language="en",
        title="Open government policies and public participation: an international review",
        summary="How governments in OECD countries involve civil society in shaping policies, from "
        "consultation portals to standing advisory councils.",
        points=(
            "Most countries publish draft regulations for comment, but few involve civil society before a "
            "policy problem has been defined.",
            "Standing cross-sector bodies are rarer, and they work best when their advice receives a formal, "
            "public response.",
            "The review ends with a set of questions for the Israeli context.",
        ),
        tags=("open-government", "participation", "oecd"),
        authors=("itamar_weiss", "noga_frenkel"),
        age=700,
        revisions=2,
    ),
    KnowledgeSpec(
        key="lib_third_sector_data",
        scope="library",
        kind="data",
        language="he",
        title="נתוני המגזר השלישי בישראל – לוח מרכזי",
        summary="ריכוז נתונים על היקף הפעילות, מקורות המימון והתעסוקה במגזר השלישי, לפי תחומי פעילות ואזורים.",
        points=(
            "הלוח מרכז נתונים ממקורות פומביים ומתעדכן פעם בשנה.",
            "הנתונים מוצגים בפילוח לפי תחומי פעילות – רווחה, תעסוקה, בריאות ובחינוך – ולפי מחוזות.",
        ),
        tags=("נתונים", "מגזר-שלישי"),
        authors=("osnat_lavi",),
        age=400,
        by="admin",
    ),
    KnowledgeSpec(
        key="lib_funding_models",
        scope="library",
        kind="background_paper",
        language="en",
        title="Funding programmes for civil society: models of multi-year government support",
        summary="Compares annual grants, multi-year agreements and outcome-based funding programmes for "
        "non-profit organisations.",
        points=(
            "Multi-year agreements reduce administrative load and let organisations plan, but require legal "
            "authority to commit future budgets.",
            "Outcome-based funding programmes shift risk to organisations and suit only those with strong "
            "measurement capacity.",
        ),
        tags=("funding", "multi-year", "policies"),
        authors=(FACILITATION_EN,),
        age=820,
    ),
    KnowledgeSpec(
        key="lib_first_years",
        scope="library",
        kind="summary",
        language="he",
        title="סיכום שלוש השנים הראשונות של השולחן הממשקי (2009–2011)",
        summary="המסמך המסכם את שלוש שנות הפעילות הראשונות של השולחן: התהליך, התוצרים והלקחים.",
        points=(
            "בשנים הראשונות התמקד השולחן בבניית אמון ובגיבוש שפה משותפת בין המגזרים.",
            "בין התוצרים: מודל להקמת שולחנות משרדיים, עקרונות להיוועצות ומסמכי מדיניות בנושאי מימון ושקיפות.",
        ),
        tags=("סיכום", "היסטוריה"),
        authors=(FACILITATION_HE,),
        age=1060,
        visibility="public",
    ),
    KnowledgeSpec(
        key="lib_participation",
        scope="library",
        kind="position_paper",
        language="he",
        title="עקרונות לשיתוף הציבור בתהליכי מדיניות – מסמך עמדה",
        summary="מסמך עמדה המציע עקרונות לשיתוף הציבור ובעלי העניין בשלבי גיבוש מדיניות, יישומה והערכתה.",
        points=(
            "שיתוף הציבור צריך להתחיל בשלב הגדרת הבעיה ולא רק בשלב ההערות לנוסח מוגמר.",
            "יש לפרסם משוב לציבור: אילו הערות התקבלו, אילו נדחו ומדוע.",
            "שיתוף משמעותי מחייב הקצאת זמן ומשאבים גם לארגונים קטנים ולקהילות מוחלשות.",
        ),
        tags=("שיתוף-ציבור", "היוועצות"),
        authors=("itamar_weiss",),
        age=760,
        revisions=2,
    ),
    KnowledgeSpec(
        key="lib_shared_measurement",
        scope="library",
        kind="presentation",
        language="en",
        title="Shared measurement: building indicators across sectors",
        summary="Slides from a workshop on designing a small set of indicators that government, funders and "
        "NGOs can all report on.",
        points=(
            "Start from the outcomes the partners already share, not from the data each of them happens to collect.",
            "A short list of indicators, reviewed every year, works better than a comprehensive framework that "
            "no one maintains.",
        ),
        tags=("indicators", "measurement"),
        authors=(FACILITATION_EN,),
        age=300,
    ),
    KnowledgeSpec(
        key="lib_conflict",
        scope="library",
        kind="protocol",
        language="he",
        title="כלים להנחיית דיון בשולחן בין-מגזרי: התמודדות עם מחלוקות",
        summary="ערכת כלים פנימית לצוות ההנחיה: זיהוי מוקדי מחלוקת, הפרדה בין עמדות לאינטרסים ותיעוד הוגן של "
        "אי-הסכמות.",
        points=(
            "מומלץ לקיים שיחות מקדימות עם נציגי המגזרים לפני דיון שצפויה בו מחלוקת.",
            "בפרוטוקול יש לתעד גם עמדות מיעוט, כדי לשמר את האמון בתהליך.",
        ),
        tags=("הנחיה", "קונפליקטים"),
        authors=(FACILITATION_HE,),
        age=600,
        visibility="facilitators",
    ),
    # The PMO roundtable's own library.
    KnowledgeSpec(
        key="p_3190_status",
        scope="pmo",
        kind="background_paper",
        language="he",
        title="תמונת מצב: יישום החלטה 3190 במשרדי הממשלה",
        summary="סקירת מצב היישום של עקרונות החלטה 3190 במשרדי הממשלה, על בסיס שאלון שהופץ למשרדים ולארגונים.",
        points=(
            "ברוב המשרדים מונה גורם אחראי לקשר עם החברה האזרחית, אך היקף הסמכויות שלו משתנה מאוד בין משרד למשרד.",
            "היוועצות עם הציבור נעשית לרוב בשלב מאוחר, לאחר שהחלופות כבר גובשו.",
            "המסמך מציע מדדים למעקב שנתי אחר יישום ההחלטה.",
        ),
        tags=("3190", "יישום", "מעקב"),
        authors=("host", "shira_ben_david"),
        age=1030,
        revisions=2,
        by="host",
    ),
    KnowledgeSpec(
        key="p_support_position",
        scope="pmo",
        kind="position_paper",
        language="he",
        title="נייר עמדה: עקרונות לתמיכה שקופה ושוויונית בארגוני החברה האזרחית",
        summary="עמדת ארגוני החברה האזרחית בשולחן בנוגע לכללי ההקצאה של תמיכות ממשלתיות ולהתקשרויות עם עמותות.",
        points=(
            "מבחני התמיכה צריכים להתפרסם מראש, בלוח זמנים קבוע ובשפה ברורה ונגישה.",
            "כל החלטת הקצאה צריכה להיות מנומקת ולהתפרסם במאגר פתוח.",
            "יש לאפשר תמיכה רב-שנתית לארגונים המפעילים שירותים חיוניים, כדי להבטיח רציפות.",
        ),
        tags=("תמיכות", "שקיפות", "חברה-אזרחית"),
        authors=("member", "rania_haj_yahya", "lia_karmi"),
        age=850,
        revisions=3,
        by="member",
        decisions=("support_criteria",),
    ),
    KnowledgeSpec(
        key="p_business_position",
        scope="pmo",
        kind="position_paper",
        language="he",
        title="עמדת המגזר העסקי-פילנתרופי: שותפויות ארוכות טווח ומימון משותף",
        summary="עמדת הקרנות והארגונים העסקיים בשולחן בנוגע לתנאים לשותפות ארוכת טווח עם הממשלה.",
        points=(
            "הקרנות מוכנות להתחייב למימון משותף לשלוש עד חמש שנים, בתנאי שהממשלה תתחייב לתקציב מקביל ולהמשך "
            "התוכנית לאחר תקופת השותפות.",
            "יש להגדיר מראש יעדים, מדדים ותוכנית יציאה מוסכמת.",
        ),
        tags=("פילנתרופיה", "מימון-משותף"),
        authors=("yoav_kramer", "ella_almog"),
        age=700,
        revisions=2,
    ),
    KnowledgeSpec(
        key="p_support_map",
        scope="pmo",
        kind="data",
        language="he",
        title="מיפוי התמיכות הממשלתיות בעמותות לפי משרדים",
        summary="טבלת ריכוז של מבחני התמיכה וההתקשרויות של משרדי הממשלה עם עמותות, לפי משרד ותחום.",
        points=(
            "המיפוי נערך על בסיס מבחני התמיכה שפורסמו ונתוני ההתקשרויות הפומביים.",
            "הנתונים מאפשרים לזהות תחומים שבהם התמיכה מפוצלת בין משרדים רבים.",
        ),
        tags=("תמיכות", "נתונים"),
        authors=("osnat_lavi",),
        age=860,
    ),
    KnowledgeSpec(
        key="p_member_survey",
        scope="pmo",
        kind="research",
        language="he",
        title="סקר חברי השולחן: הערכת תהליכי העבודה",
        summary="ממצאי סקר שנתי בקרב חברי השולחן על איכות הדיון, הנחיית המפגשים ויישום ההחלטות.",
        points=(
            "רוב המשיבים מכל המגזרים דירגו את איכות הדיון כגבוהה.",
            "נקודת התורפה העיקרית שעלתה היא המעקב אחר יישום ההחלטות לאחר אימוצן.",
        ),
        tags=("סקר", "הערכה"),
        authors=("osnat_lavi", FACILITATION_HE),
        age=500,
    ),
    KnowledgeSpec(
        key="p_model_slides",
        scope="pmo",
        kind="presentation",
        language="he",
        title="מצגת: מודל השולחן העגול – ממשרד ראש הממשלה למשרדים נוספים",
        summary="המצגת שהוצגה לשולחן על התאמת המודל לשולחנות משרדיים ולרשויות מקומיות.",
        points=(
            "המצגת סוקרת את שלבי ההקמה: מיפוי בעלי עניין, הגדרת מנדט, בחירת נציגים וקביעת כללי עבודה.",
            "בסיומה מוצגות דוגמאות משולחנות שפעלו במשרדי החינוך, הכלכלה והרווחה.",
        ),
        tags=("מודל", "שולחנות-משרדיים"),
        authors=(FACILITATION_HE,),
        age=280,
    ),
    KnowledgeSpec(
        key="p_matching",
        scope="pmo",
        kind="research",
        language="en",
        title="Government–philanthropy partnerships: matching funds and shared programmes",
        summary="Case studies of matching-fund partnerships between ministries and foundations in Israel and abroad.",
        points=(
            "Matching arrangements attract philanthropic capital but can skew government priorities toward what "
            "funders like to support.",
            "Successful partnerships agreed in advance on an exit plan: who funds the programme once the pilot ends.",
        ),
        tags=("philanthropy", "matching", "programmes"),
        authors=("ruth_gabay", "yoav_kramer"),
        age=640,
    ),
    KnowledgeSpec(
        key="p_employment",
        scope="pmo",
        kind="background_paper",
        language="he",
        title="תעסוקה בפריפריה: חסמים והזדמנויות לשיתופי פעולה",
        summary="מסמך רקע על חסמי התעסוקה בפריפריה ועל תוכניות משותפות לתעסוקה בפריפריה שפועלות כיום.",
        points=(
            "החסמים המרכזיים לתעסוקה בפריפריה הם תחבורה ציבורית חסרה, מיעוט מעונות יום ופערי הכשרה.",
            "תוכניות שבהן שותפים מעסיקים מקומיים כבר משלב התכנון מציגות שיעורי השמה גבוהים יותר.",
            "המסמך מציע כיוונים לקול קורא משותף לממשלה, לקרנות ולעמותות לקידום הגישה לתעסוקה.",
        ),
        tags=("תעסוקה", "פריפריה"),
        authors=("mazal_assulin", "roni_livne"),
        age=240,
        decisions=("employment_call",),
    ),
    KnowledgeSpec(
        key="p_charter",
        scope="pmo",
        kind="protocol",
        language="he",
        title="אמנת העבודה של השולחן (נוסח מעודכן)",
        summary="כללי העבודה המוסכמים של השולחן: הרכב, קבלת החלטות, שקיפות ותיעוד.",
        points=(
            "השולחן מקבל החלטות בהסכמה רחבה; כשאין הסכמה, נרשמות בפרוטוקול עמדות כל המגזרים.",
            "סדר היום וחומרי הרקע מופצים שבוע לפני כל מפגש, והפרוטוקול מובא לאישור במפגש שאחריו.",
            "סיכום ציבורי של כל מפגש מתפרסם לאחר אישור הפרוטוקול.",
        ),
        tags=("אמנה", "נהלים"),
        authors=(FACILITATION_HE,),
        age=760,
        revisions=3,
        decisions=("charter",),
    ),
    KnowledgeSpec(
        key="p_workshop",
        scope="pmo",
        kind="summary",
        language="he",
        title="סיכום סדנת התכנון השנתית של השולחן",
        summary="תוצרי סדנת התכנון: נושאי המוקד לשנת העבודה, לוח המפגשים וחלוקת האחריות.",
        points=(
            "נבחרו שלושה נושאי מוקד: עקרונות התמיכה, מימון רב-שנתי והנגשת תוצרי השולחן לציבור.",
            "הוסכם על שני מפגשי עומק בשנה, בנוסף למפגשים החודשיים.",
        ),
        tags=("תכנון", "תוכנית-עבודה"),
        authors=(FACILITATION_HE,),
        age=900,
    ),
    KnowledgeSpec(
        key="p_multi_year",
        scope="pmo",
        kind="position_paper",
        language="en",
        title="Principles for multi-year funding of joint programmes",
        summary="A draft set of principles, prepared by the funders at the table, for programmes funded jointly "
        "by government and philanthropy over three to five years.",
        points=(
            "Joint programmes should have a multi-year budget plan from the start, with each partner's share "
            "stated for every year.",
            "Government should commit to continue successful programmes within its own budget after the joint "
            "period ends.",
            "Partners should agree on shared indicators and publish an annual progress report.",
        ),
        tags=("multi-year", "funding", "programmes"),
        authors=("yoav_kramer", "ella_almog", "liat_sasson"),
        age=200,
        revisions=2,
        decisions=("multi_year",),
    ),
    KnowledgeSpec(
        key="p_transparency_review",
        scope="pmo",
        kind="background_paper",
        language="he",
        title="שקיפות בהתקשרויות הממשלה עם ארגוני החברה האזרחית – סקירה השוואתית",
        summary="סקירה של הסדרי שקיפות בהתקשרויות ובתמיכות במדינות נבחרות, והשוואה למצב בישראל.",
        points=(
            "במדינות רבות מתפרסמים כל הסכמי ההתקשרות עם ארגונים במאגר פתוח ונגיש.",
            "בישראל מתפרסמים מבחני התמיכה, אך תוצאות ההקצאה אינן מרוכזות במקום אחד.",
        ),
        tags=("שקיפות", "סקירה-השוואתית"),
        authors=("osnat_lavi", "itamar_weiss"),
        age=800,
        revisions=2,
    ),
    KnowledgeSpec(
        key="p_support_registry",
        scope="pmo",
        kind="link",
        language="he",
        title="מאגר מבחני התמיכה של משרדי הממשלה",
        summary="קישור לאתר הממשלתי שבו מתפרסמים מבחני התמיכה והקולות הקוראים של משרדי הממשלה.",
        points=("המאגר מאפשר חיפוש לפי משרד, תחום ושנה.", "חברי השולחן נעזרים בו בהכנת מיפוי התמיכות הממשלתיות."),
        tags=("תמיכות", "קישור"),
        authors=(FACILITATION_HE,),
        age=780,
        url="https://www.gov.il",
    ),
    KnowledgeSpec(
        key="p_attendance_data",
        scope="pmo",
        kind="data",
        language="en",
        title="Roundtable attendance and participation, by sector (internal dataset)",
        summary="Attendance and speaking time at the roundtable's meetings, by sector, updated after every meeting.",
        points=(
            "The dataset is exported from the platform's attendance and speaking-turn records.",
            "It is used to spot imbalances between sectors and to follow up with members who miss several "
            "meetings in a row.",
        ),
        tags=("attendance", "data"),
        authors=(FACILITATION_EN,),
        age=120,
    ),
    KnowledgeSpec(
        key="p_evaluation",
        scope="pmo",
        kind="research",
        language="he",
        title="הערכה מעצבת: השפעת השולחן על תהליכי קבלת החלטות",
        summary="הערכה מעצבת של השולחן, הבוחנת אם וכיצד השפיעו הסכמות השולחן על החלטות במשרדי הממשלה.",
        points=(
            "ההערכה מצאה השפעה ברורה בתחומי השקיפות וההיוועצות, והשפעה מוגבלת בתחומי התקציב.",
            "ההמלצה המרכזית היא לקבוע לכל הסכמה גורם אחראי ולוח זמנים ליישום.",
        ),
        tags=("הערכה", "השפעה"),
        authors=("osnat_lavi",),
        age=450,
        revisions=2,
    ),
    KnowledgeSpec(
        key="p_consultation_bg",
        scope="pmo",
        kind="background_paper",
        language="he",
        title="היוועצות עם הציבור בתזכירי חוק – הניסיון עד כה",
        summary="מסמך רקע על הליך ההערות לתזכירי חוק ועל ניסיונם של ארגוני החברה האזרחית בהשתתפות בו.",
        points=(
            "ברוב המקרים ניתנים לציבור 21 ימים להערות, פרק זמן שארגונים קטנים מתקשים לעמוד בו.",
            "לעיתים רחוקות מתפרסם משוב על ההערות שהתקבלו.",
        ),
        tags=("היוועצות", "חקיקה"),
        authors=("lia_karmi", "ilana_shmueli"),
        age=720,
    ),
    KnowledgeSpec(
        key="p_consultation_oecd",
        scope="pmo",
        kind="background_paper",
        language="en",
        title="Public consultation policies in OECD countries: a short review",
        summary="A short review of consultation policies on draft legislation: timelines, formats and how "
        "feedback is reported.",
        points=(
            "Minimum consultation periods range from four to twelve weeks; shorter periods disadvantage small "
            "organisations.",
            "Several countries require ministries to publish a response explaining which comments were "
            "accepted and why.",
        ),
        tags=("consultation", "policies", "oecd"),
        authors=(FACILITATION_EN,),
        age=710,
    ),
    KnowledgeSpec(
        key="p_treasury",
        scope="pmo",
        kind="position_paper",
        language="he",
        title="עמדת משרד האוצר: תקצוב רב-שנתי ומגבלות חוק יסודות התקציב",
        summary="הבהרות אגף התקציבים בנוגע לאפשרויות להתחייבות רב-שנתית בתוכניות משותפות.",
        points=(
            "התחייבות לשנים הבאות אפשרית במסגרת הרשאה להתחייב, בכפוף לאישור ובהיקף מוגבל.",
            "מומלץ לתכנן תוכניות משותפות כך שההתחייבות הממשלתית תעוגן בבסיס התקציב של המשרד.",
        ),
        tags=("תקציב", "רב-שנתי"),
        authors=("ido_landau",),
        age=190,
        revisions=2,
        by="host",
        decisions=("multi_year",),
    ),
    KnowledgeSpec(
        key="p_task_board",
        scope="pmo",
        kind="data",
        language="he",
        title="לוח מעקב אחר משימות השולחן",
        summary="ריכוז המשימות שנקבעו במפגשי השולחן, האחראים לביצוען ומועדי היעד.",
        points=("הלוח מתעדכן לאחר כל מפגש ומוצג בפתח המפגש הבא.", "משימות שחלף מועד היעד שלהן מסומנות לדיון."),
        tags=("משימות", "מעקב"),
        authors=(FACILITATION_HE,),
        age=420,
    ),
    KnowledgeSpec(
        key="p_dynamics",
        scope="pmo",
        kind="summary",
        language="he",
        title="הערות מנחה: דינמיקה בין המגזרים בשולחן – תצפיות",
        summary="תצפיות צוות ההנחיה על דפוסי השתתפות, מוקדי מתח והזדמנויות לחיזוק השותפות.",
        points=(
            "נציגי המגזר העסקי-פילנתרופי משתתפים פחות בדיונים על תקציב, אך מובילים בדיונים על מדידה.",
            "כדאי לשקול סבב פתיחה מובנה כדי לאזן את זמן הדיבור בין המגזרים.",
        ),
        tags=("הנחיה", "דינמיקה"),
        authors=(FACILITATION_HE,),
        age=160,
        visibility="facilitators",
    ),
    KnowledgeSpec(
        key="p_stakeholder_map",
        scope="pmo",
        kind="protocol",
        language="he",
        title="תכנון תהליך: מפת בעלי עניין לקראת שנת העבודה",
        summary="מפת בעלי העניין בנושאי המוקד של השנה, לשימוש צוות ההנחיה בלבד.",
        points=(
            "המפה מזהה בעלי עניין שאינם מיוצגים בשולחן, ובהם רשויות מקומיות וארגוני צעירים.",
            "מוצע להזמין חלק מהם כאורחים למפגשי העומק.",
        ),
        tags=("הנחיה", "בעלי-עניין"),
        authors=(FACILITATION_HE,),
        age=330,
        visibility="facilitators",
    ),
    KnowledgeSpec(
        key="p_informal_education",
        scope="pmo",
        kind="background_paper",
        language="he",
        title="שיתופי פעולה בין-מגזריים ובחינוך הבלתי פורמלי בפריפריה",
        summary="מסמך רקע על תוכניות משותפות לרשויות, לקרנות ולעמותות בתחומי הקהילה ובחינוך הבלתי פורמלי בפריפריה.",
        points=(
            "בפריפריה פועלות תוכניות רבות במימון פילנתרופי, לרוב ללא תיאום עם הרשות המקומית.",
            "המסמך מציע מנגנון תיאום אזורי שיפעל לצד השולחן העגול במשרד החינוך.",
        ),
        tags=("חינוך", "פריפריה"),
        authors=("lia_karmi", "ruth_gabay"),
        age=560,
        revisions=2,
    ),
    KnowledgeSpec(
        key="p_indicator_slides",
        scope="pmo",
        kind="presentation",
        language="en",
        title="Measuring collaboration: a shared indicator framework for cross-sector programmes",
        summary="Proposed indicators for the roundtable's joint programmes: process indicators, outcome "
        "indicators and a short annual survey.",
        points=(
            "Process indicators cover joint planning, shared data and the regularity of meetings.",
            "Outcome indicators are chosen per programme, from a common menu agreed by all three sectors.",
        ),
        tags=("indicators", "programmes"),
        authors=("osnat_lavi", "liat_sasson"),
        age=260,
        decisions=("shared_indicators",),
    ),
    KnowledgeSpec(
        key="p_public_year",
        scope="pmo",
        kind="summary",
        language="he",
        title="תוצרי השולחן לציבור: סיכום שנת העבודה",
        summary="סיכום ציבורי של שנת העבודה: הנושאים שנדונו, ההסכמות שהושגו והמשימות להמשך.",
        points=(
            "במהלך השנה התכנס השולחן אחת לחודש, והשתתפו בו נציגים משלושת המגזרים.",
            "בין ההסכמות המרכזיות: נוהל לפרסום סיכומי דיון לציבור והמלצה למבחני תמיכה אחידים ושקופים.",
        ),
        tags=("סיכום-שנתי", "שקיפות"),
        authors=(FACILITATION_HE, "host"),
        age=330,
        visibility="public",
        revisions=2,
        decisions=("annual_report",),
    ),
    KnowledgeSpec(
        key="p_public_guide",
        scope="pmo",
        kind="background_paper",
        language="he",
        title="מדריך לציבור: מהו השולחן העגול הממשקי ואיך הוא עובד",
        summary="הסבר קצר לציבור על מטרות השולחן, הרכבו ודרכי עבודתו.",
        points=(
            "השולחן פועל במשרד ראש הממשלה מאז 2009, ומשתתפים בו נציגי הממשלה, המגזר העסקי-פילנתרופי והחברה האזרחית.",
            "סיכומי הדיונים וההסכמות של השולחן מתפרסמים לציבור לאחר אישורם.",
        ),
        tags=("הסבר-לציבור",),
        authors=(FACILITATION_HE,),
        age=880,
        visibility="public",
    ),
    KnowledgeSpec(
        key="p_trust",
        scope="pmo",
        kind="research",
        language="en",
        title="Trust between sectors: findings from interviews with roundtable members",
        summary="Twenty-four interviews with present and former members on what builds and what erodes trust "
        "across sectors.",
        points=(
            "Trust grew out of joint work on concrete tasks more than out of dialogue alone.",
            "Members from every sector stressed the value of a neutral facilitator and of minutes that record "
            "disagreement faithfully.",
        ),
        tags=("trust", "cross-sector", "interviews"),
        authors=("osnat_lavi",),
        age=610,
    ),
    KnowledgeSpec(
        key="p_arab_society",
        scope="pmo",
        kind="position_paper",
        language="he",
        title="נייר עמדה של ארגוני החברה הערבית: נגישות למשאבים ולמידע",
        summary="נייר עמדה על החסמים העומדים בפני ארגונים מהחברה הערבית בגישה לתמיכות, לקולות קוראים ולמידע ממשלתי.",
        points=(
            "רוב הקולות הקוראים מתפרסמים בעברית בלבד ובפרקי זמן קצרים.",
            "הנייר ממליץ על תרגום, על ימי הסברה אזוריים ועל ליווי ארגונים בהגשה הראשונה.",
        ),
        tags=("חברה-ערבית", "נגישות"),
        authors=("rania_haj_yahya", "walid_odeh"),
        age=540,
    ),
    KnowledgeSpec(
        key="p_calls_data",
        scope="pmo",
        kind="data",
        language="he",
        title="נתוני השתתפות ארגונים בקולות קוראים ממשלתיים לפי אזור",
        summary="נתונים על מספר ההגשות והזכיות בקולות קוראים ממשלתיים, לפי מחוז ולפי סוג הארגון.",
        points=(
            "הנתונים נאספו מפרסומי המשרדים ומדיווחי הארגונים.",
            "עולה מהם פער ניכר בין המרכז לבין הפריפריה במספר ההגשות.",
        ),
        tags=("נתונים", "קולות-קוראים"),
        authors=("osnat_lavi", "walid_odeh"),
        age=520,
    ),
    KnowledgeSpec(
        key="p_data_sharing",
        scope="pmo",
        kind="background_paper",
        language="he",
        title="עקרונות לשיתוף נתונים בין הממשלה לארגונים – פרטיות ואבטחת מידע",
        summary="מסמך רקע לדיון על פרוטוקול לשיתוף נתונים מנהליים עם ארגונים הפועלים בשטח.",
        points=(
            "שיתוף נתונים צריך להתבסס על מטרה מוגדרת ועל צמצום המידע למינימום הנדרש.",
            "מוצע לשתף נתונים ברמת יישוב או שכונה, ללא פרטים מזהים.",
            "יש להסדיר מראש את האחריות לאבטחת המידע ואת מחיקתו בתום השימוש.",
        ),
        tags=("נתונים", "פרטיות"),
        authors=("walid_odeh", "ido_landau"),
        age=150,
        revisions=3,
        decisions=("data_sharing",),
    ),
    KnowledgeSpec(
        key="p_codesign",
        scope="pmo",
        kind="link",
        language="en",
        title="Co-designing public services with civil society: a practical guide",
        summary="A practical guide to involving civil society organisations and service users in designing "
        "public services.",
        points=(
            "The guide walks through discovery, co-design workshops, prototyping and evaluation.",
            "It includes templates that roundtable members can adapt for their own joint programmes.",
        ),
        tags=("co-design", "public-services"),
        authors=(FACILITATION_EN,),
        age=90,
        url="https://oecd-opsi.org",
    ),
    KnowledgeSpec(
        key="p_local_consultation",
        scope="pmo",
        kind="summary",
        language="he",
        title="סיכום מפגש היוועצות עם רשויות מקומיות בפריפריה",
        summary="סיכום מפגש ההיוועצות עם נציגי רשויות מקומיות בנגב ובגליל על הקמת שולחנות עגולים מקומיים.",
        points=(
            "נציגי הרשויות הביעו עניין רב במודל, וביקשו ליווי מקצועי בשנה הראשונה.",
            "עלה הצורך להתאים את המודל לרשויות קטנות, שבהן מספר הארגונים הפעילים מצומצם.",
        ),
        tags=("רשויות-מקומיות", "פריפריה", "היוועצות"),
        authors=(FACILITATION_HE, "shlomi_dahan"),
        age=210,
    ),
    KnowledgeSpec(
        key="p_volunteering",
        scope="pmo",
        kind="background_paper",
        language="en",
        title="Volunteering and employment programmes: what works in peripheral regions",
        summary="Evidence on programmes that combine volunteering with job training for young people and older "
        "adults in peripheral regions.",
        points=(
            "Programmes that partner with local employers from the start show better placement rates.",
            "Transport and childcare remain the main barriers to employment in the periphery.",
        ),
        tags=("employment", "volunteering", "programmes"),
        authors=("ruth_gabay",),
        age=380,
    ),
    # The other roundtables: a few items each.
    KnowledgeSpec(
        key="e_programme_map",
        scope="education",
        kind="data",
        language="he",
        title="מיפוי התוכניות החיצוניות בבתי הספר – ממצאים ראשונים",
        summary="ממצאי המיפוי הראשוני של התוכניות החיצוניות הפועלות בבתי הספר, לפי מחוז ולפי תחום.",
        points=(
            "המיפוי כולל תוכניות של קרנות, עמותות וחברות עסקיות הפועלות בשעות הלימודים ולאחריהן.",
            "בחלק מבתי הספר פועלות תוכניות רבות במקביל, ובאחרים כמעט אין תוכניות חיצוניות.",
        ),
        tags=("מיפוי", "בתי-ספר"),
        authors=("maya_horowitz", "shani_malka"),
        age=420,
        by="facilitator2",
        decisions=("annual_update",),
    ),
    KnowledgeSpec(
        key="e_procedure",
        scope="education",
        kind="protocol",
        language="he",
        title="נוהל שיתופי פעולה עם ארגונים וקרנות – נקודות לעדכון",
        summary="ריכוז ההערות של חברי השולחן לנוהל שיתופי הפעולה של המשרד.",
        points=("מוצע הליך אישור מקוצר לתוכניות שכבר נבחנו בעבר.", "מוצע לפרסם אחת לשנה את רשימת התוכניות המאושרות."),
        tags=("נהלים", "שיתופי-פעולה"),
        authors=("avi_mizrahi",),
        age=260,
        revisions=2,
        by="facilitator2",
    ),
    KnowledgeSpec(
        key="e_impact",
        scope="education",
        kind="research",
        language="en",
        title="Impact measurement for school programmes: a shared framework",
        summary="A proposed framework for measuring the outcomes of external programmes in schools, shared by "
        "the ministry, funders and NGOs.",
        points=(
            "The framework relies on data schools already collect, to avoid adding to teachers' workload.",
            "Each programme reports on two common indicators and up to three of its own.",
        ),
        tags=("indicators", "schools", "programmes"),
        authors=("naama_klein", "dafna_oren"),
        age=200,
        by="facilitator2",
    ),
    KnowledgeSpec(
        key="h_rights",
        scope="holocaust",
        kind="background_paper",
        language="he",
        title="מיצוי זכויות ניצולי השואה: חסמים מרכזיים",
        summary="מסמך רקע על הסיבות לכך שניצולים רבים אינם ממצים את זכויותיהם.",
        points=(
            "החסמים העיקריים הם היעדר מידע, בירוקרטיה מורכבת ובדידות.",
            "איתור יזום בשיתוף רשויות ועמותות נמצא יעיל במיוחד בקרב ניצולים החיים לבדם.",
        ),
        tags=("זכויות", "ניצולים"),
        authors=("hana_weissman", "shula_gross"),
        age=380,
        visibility="public",
        by="facilitator2",
        decisions=("data_for_outreach",),
    ),
    KnowledgeSpec(
        key="h_services",
        scope="holocaust",
        kind="data",
        language="he",
        title="מפת שירותים לניצולים – מבנה מוצע",
        summary="מבנה מוצע לריכוז השירותים לניצולים לפי תחום, אזור וגוף מפעיל.",
        points=(
            "המפה תכלול שירותי רווחה, בריאות, סיוע משפטי ופעילות חברתית.",
            "המידע יתעדכן על ידי הגופים המפעילים עצמם.",
        ),
        tags=("מפת-שירותים",),
        authors=("sigal_mor",),
        age=150,
        by="facilitator2",
    ),
    KnowledgeSpec(
        key="h_volunteers",
        scope="holocaust",
        kind="summary",
        language="en",
        title="Volunteer networks for isolated survivors: lessons learned",
        summary="What the volunteer network built during the pandemic taught the partners about supporting "
        "survivors who live alone.",
        points=(
            "Training volunteers before their first visit, and giving them a professional to turn to, kept more "
            "of them in the network.",
            "Regular, predictable contact mattered more to survivors than the length of each visit.",
        ),
        tags=("volunteers", "loneliness"),
        authors=("zehava_shemesh",),
        age=400,
        visibility="public",
        by="facilitator2",
    ),
    KnowledgeSpec(
        key="c_recommendations",
        scope="economy",
        kind="summary",
        language="he",
        title="מסמך המלצות מסכם: פיתוח כלכלי אזורי ותעסוקה בפריפריה",
        summary="מסמך ההמלצות שהגיש השולחן להנהלת המשרד עם סיום פעילותו.",
        points=(
            "המסמך ממליץ להמשיך את פעילות הפורומים האזוריים ולהרחיב את תוכנית ההכשרה וההשמה לצעירים.",
            "עוד מומלץ לשלב את הרשויות המקומיות בתכנון תוכניות לתעסוקה בפריפריה.",
        ),
        tags=("המלצות", "פריפריה", "תעסוקה"),
        authors=("moshe_azoulay", FACILITATION_HE),
        age=40,
        visibility="public",
        decisions=("final_report",),
    ),
    KnowledgeSpec(
        key="c_youth",
        scope="economy",
        kind="research",
        language="he",
        title="שילוב צעירים מהפריפריה בתעסוקה איכותית – ממצאי הפיילוט",
        summary="ממצאי פיילוט ההכשרה וההשמה בשיתוף מעסיקים מקומיים בנגב ובגליל.",
        points=(
            "שיעורי ההשמה היו גבוהים יותר בקרב משתתפים שהוכשרו אצל מעסיקים מקומיים.",
            "התחבורה ליישובים מרוחקים נמצאה חסם מרכזי.",
        ),
        tags=("תעסוקה", "צעירים"),
        authors=("walid_odeh", "efrat_suissa"),
        age=200,
    ),
    KnowledgeSpec(
        key="s_representation",
        scope="civil_service",
        kind="background_paper",
        language="he",
        title="ייצוג הולם בשירות המדינה – תמונת מצב",
        summary="תמונת מצב של הייצוג ההולם בשירות המדינה לפי קבוצות אוכלוסייה ודרגים.",
        points=(
            "הייצוג בדרגים הבכירים נמוך באופן ניכר מהייצוג בכלל השירות.",
            "המסמך מציג את התוכניות שהופעלו עד כה ואת תוצאותיהן.",
        ),
        tags=("ייצוג-הולם", "גיוון"),
        authors=("yael_friedman",),
        age=980,
    ),
    KnowledgeSpec(
        key="s_renewal",
        scope="civil_service",
        kind="protocol",
        language="he",
        title="מתווה לחידוש פעילות השולחנות – טיוטה לדיון",
        summary="טיוטת מתווה לחידוש פעילות השולחנות: הרכב, נושאים ולוח זמנים.",
        points=(
            "מוצע לחדש את הפעילות בשולחן אחד מצומצם, שיתמקד בייצוג הולם ובניידות בין-מגזרית.",
            "המתווה יובא להערות חברי השולחנות לפני אישורו.",
        ),
        tags=("חידוש-פעילות",),
        authors=("merav_ohayon", FACILITATION_HE),
        age=50,
        revisions=2,
    ),
)
