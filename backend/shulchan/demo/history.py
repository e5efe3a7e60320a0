"""The demo world's past: three years in the life of the PMO roundtable, a lighter history elsewhere, and
the next meeting, so that a newcomer opens a roundtable that has been working for years.

The builder only: what is said comes from `content/history/*.yaml` (plans, topics, decisions, knowledge
and the phrases the minutes are written in). Everything is drawn from there with a fixed random seed,
relative to `today` (the concluded economy roundtable: relative to its last day), straight into the ORM
models in a few flushes. Seeding is not a user action, so nothing goes to the audit trail; the search
index is kept in step through the very helpers the services use (see `_index_for_search`).
"""

import random
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
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
)
from shulchan.decisions.service import index_action_item, index_decision
from shulchan.demo.content import Content, DecisionSpec, KnowledgeSpec, Monthly, Plan, Topic
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
from shulchan.meetings.service import index_meeting
from shulchan.minutes.models import Minutes, MinutesComment, MinutesRevision, MinutesStatus
from shulchan.minutes.service import index_minutes
from shulchan.roundtables.models import Goal, Role, Seat

JERUSALEM = ZoneInfo(DEFAULT_TIMEZONE)
SEED = 2009
LOCK_AFTER_DAYS = 180  # approved minutes older than this are locked
# Chance that a seat holder comes to a meeting, by sector; hosts and facilitators come more often.
PRESENCE = {"government": 0.78, "business_philanthropy": 0.72, "civil_society": 0.87}
# How much a seat holder of each sector tends to talk, relative to the others.
TALK = {"government": 1.25, "business_philanthropy": 0.8, "civil_society": 1.0}


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


def _months_back(plan: Plan, anchor: date) -> list[int]:
    """The plan's meeting months, as months before the anchor month, oldest first."""
    if isinstance(plan.months, Monthly):
        return [
            months
            for months in range(plan.months.every_month_for, 0, -1)
            if _month_start(anchor, months).month not in plan.months.except_
        ]
    return list(plan.months)


class _History:
    def __init__(
        self, world: dict[str, dict[str, Any]], seats: list[Seat], goals: list[Goal], today: date, content: Content
    ) -> None:
        self.rng = random.Random(SEED)  # noqa: S311 -- demo data wants a fixed sequence, not secrecy
        self.phrases = content.phrases
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
        self.goals: dict[str, dict[str, Goal]] = {
            key: {g.key: goal_by_title[(self.roundtables[key].id, g.title)] for g in rows}
            for key, rows in content.goals.items()
        }
        ended: dict[str, date | None] = {row.key: row.ended_on for row in content.roundtables}
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

    def date_text(self, day: date) -> str:
        return self.phrases.date.format(day=day.day, month=self.phrases.months[day.month - 1], year=day.year)

    def and_list(self, parts: list[str]) -> str:
        if len(parts) < 2:
            return "".join(parts)
        last = parts[-1]
        joiner = f" {self.phrases.and_}-" if last[:1].isdigit() else f" {self.phrases.and_}"
        return ", ".join(parts[:-1]) + joiner + last

    def series(self, plan: Plan) -> str:
        return self.phrases.meeting.series.format(name=plan.name)

    def meeting_title(self, plan: Plan, day: date) -> str:
        month = self.phrases.months[day.month - 1]
        return self.phrases.meeting.title.format(series=self.series(plan), month=month, year=day.year)

    def recorder(self, plan: Plan, stakeholder_key: str) -> uuid.UUID | None:
        """Who records a seat's word: its holder if they have an account, else the facilitator."""
        user = self.users.get(stakeholder_key)
        return user.id if user is not None else self.user_id(plan.facilitator)

    # 1. calendars and topics

    def plan_meetings(self, plan: Plan) -> None:
        anchor = self.anchor[plan.key]
        days = [
            _nth_weekday(_month_start(anchor, months), plan.weekday_number) for months in _months_back(plan, anchor)
        ]
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
                if step.meeting is not None:
                    last = at + step.meeting
                    indexes.append(last)
                if step.status in ("rejected", "withdrawn"):
                    retired[spec.topic] = min(retired.get(spec.topic, len(held)), last + 1)
                    if step.meeting is not None:
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
        words = self.phrases.knowledge
        english = spec.language == Language.en
        paragraphs = [" ".join(spec.points[:2])]
        closing = words.closing[spec.language][spec.kind]
        paragraphs.append(" ".join([*spec.points[2:], closing]))
        heading = words.headings[spec.language]
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
        draft = words.draft[spec.language]
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
                title=self.meeting_title(plan, plan_meeting.day),
                description=self.phrases.meeting.agenda.format(titles=titles),
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
        notes = self.phrases.minutes.decision_notes
        if spec.proposed_after_days == 0 and not any(s.meeting == 0 for s in spec.steps):
            self.decision_notes[meeting.meeting.id].append(notes["proposed"].format(title=spec.title))
        moment, closed = created, None
        for step in spec.steps:
            target = DecisionStatus(step.status)
            if step.meeting is not None:
                at = self.held(plan.key)[meeting.held_index + step.meeting]
                assert at.meeting is not None
                moment = max(moment + timedelta(minutes=5), at.meeting.starts_at + timedelta(hours=2, minutes=20))
                note_key = "back" if decision.status == DecisionStatus.agreed else target.value
                if note_key in notes:
                    self.decision_notes[at.meeting.id].append(
                        notes[note_key].format(title=spec.title, adopter=plan.adopter_phrase)
                    )
            else:
                assert step.days is not None
                moment = moment + timedelta(days=step.days, hours=self.rng.randrange(1, 6))
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
                reference = spec.reference or self.phrases.decisions.adoption_reference
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
        for endorsement in spec.endorsements:
            seat = self.seat(plan.key, endorsement.seat)
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
                    position=endorsement.position,
                    comment=endorsement.comment,
                    recorded_by_user_id=self.recorder(plan, endorsement.seat),
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
                    note=rng.choice(self.phrases.meeting.rsvp_notes[response.value]),  # type: ignore[index]
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
            guest = rng.choice(self.phrases.meeting.guests)
            guests = [(guest.name, guest.organisation)]
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
            title=self.phrases.meeting.first_opening if first else self.phrases.meeting.opening,
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
            by_member = topic.presenters[:1] == ["member"]
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
        words = self.phrases.minutes
        sector_from = self.phrases.sector_from
        counts = {sector: sum(1 for s in present if s.sector == sector) for sector in sector_from}
        parts = [words.attendance_part.format(count=n, sector=sector_from[sector]) for sector, n in counts.items() if n]
        sentences = [words.attendance.format(count=len(present), sectors=self.and_list(parts))]
        if excused:
            sentences.append(words.excused.format(names=", ".join(s.name for s in excused)))
        if guests:
            named = ", ".join(words.guest.format(name=n, organisation=o) for n, o in guests)
            sentences.append(words.guests.format(guests=named))
        if plan_meeting is not self.meetings[plan.key][0]:
            sentences.append(rng.choice(words.previous_minutes))
        lead = rng.choice(words.openings)
        paragraphs = [
            " ".join([lead, *sentences]) if rng.random() < 0.7 else " ".join([*sentences[:1], lead, *sentences[1:]])
        ]
        sectors_present = [sector for sector, n in counts.items() if n]
        for _item, topic, presenter, has_pack in items:
            # The first discussion of a topic gives its substance; later ones report progress on it.
            times = self.discussed[(plan.key, topic.key)]
            self.discussed[(plan.key, topic.key)] += 1
            if times == 0:
                intro = rng.choice(words.intros_with_pack if has_pack and rng.random() < 0.5 else words.intros)
                substance = list(topic.points)
                outcome = topic.outcome
            else:
                intro = rng.choice(words.follow_up_intros)
                substance = [rng.choice(topic.points), rng.choice(words.progress)]
                outcome = topic.outcome if rng.random() < 0.4 else rng.choice(words.follow_up_outcomes)
            if topic.key in plan_meeting.settled:
                outcome = ""  # the closing paragraph records the proposal's fate
            sector = rng.choice(sectors_present or list(sector_from))
            reaction = rng.choice(words.reactions).format(
                people=self.phrases.sector_people[sector], sector_from=sector_from[sector], concern=topic.concern
            )
            intro = intro.format(title=topic.title, name=presenter.name, org=presenter.organisation)
            paragraphs.append(" ".join(part for part in [intro, *substance, reaction, outcome] if part))
        meetings = self.meetings[plan.key]
        position = meetings.index(plan_meeting)
        closing = [rng.choice(words.closings), *self.decision_notes.get(meeting.id, [])]
        if position + 1 < len(meetings):
            closing.append(rng.choice(words.next_meeting).format(date=self.date_text(meetings[position + 1].day)))
        elif plan.upcoming is not None:
            closing.append(rng.choice(words.next_meeting).format(date=self.date_text(self.upcoming_day())))
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
        words = self.phrases.minutes
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
            correction = rng.choice(words.corrections)
            reason, added = correction.reason, correction.added
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
            for comment in rng.sample(words.comments, 2):
                assert first.circulated_at is not None and first.approved_at is not None
                said = first.circulated_at + (first.approved_at - first.circulated_at) * rng.uniform(0.1, 0.6)
                self.stages[2].append(
                    MinutesComment(
                        id=uuid7(),
                        minutes_id=minutes.id,
                        revision=1,
                        paragraph=rng.randrange(1, paragraph_count),
                        author_user_id=self.user_id(comment.by),
                        body=comment.text,
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
                        words.public_summary.format(name=plan.name, date=self.date_text(plan_meeting.day)),
                        self.phrases.meeting.agenda.format(titles="; ".join(t.title for t in topics)),
                        *(t.outcome for t in topics[:2]),
                    ]
                )
                published = self.clamp(revision.approved_at + timedelta(days=2), plan_key)
                minutes.public_summary_published_at = published
                minutes.updated_at = max(minutes.updated_at, published)
        # The facilitator's private journal on some meetings.
        for (plan_meeting, _minutes, _revision), note in zip(
            rng.sample(records, min(plan.process_notes, len(records))), words.process_notes, strict=False
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
        upcoming = plan.upcoming
        assert upcoming is not None
        day = self.upcoming_day()
        start = _local(day, 10)
        meeting = Meeting(
            id=uuid7(),
            roundtable_id=self.roundtables[plan.key].id,
            title=self.meeting_title(plan, day),
            description=upcoming.description,
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
        opening = self.phrases.meeting.opening
        rows: list[tuple[str, str | None, str, str, int, AgendaItemStatus, str, list[str]]] = [
            (opening, None, facilitator.key, "", 15, AgendaItemStatus.accepted, plan.facilitator, []),
        ]
        for entry in upcoming.agenda:
            topic = topics[entry.topic]
            rows.append(
                (
                    entry.title,
                    entry.topic,
                    topic.presenters[0],
                    topic.points[0],
                    40,
                    AgendaItemStatus.accepted,
                    plan.facilitator,
                    topic.knowledge,
                )
            )
        proposed = upcoming.proposed
        rows.append(
            (
                proposed.title,
                None,
                proposed.presenter,
                proposed.description,
                proposed.minutes,
                AgendaItemStatus.proposed,
                proposed.by,
                [],
            )
        )
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


async def build_history(session: AsyncSession, world: dict[str, dict[str, Any]], today: date, content: Content) -> None:
    """Adds the demo world's past (and next meeting) to the session and indexes it for search."""
    roundtable_ids = [rt.id for rt in world["roundtables"].values()]
    seats = list((await session.scalars(select(Seat).where(Seat.roundtable_id.in_(roundtable_ids)))).all())
    goals = list((await session.scalars(select(Goal).where(Goal.roundtable_id.in_(roundtable_ids)))).all())
    history = _History(world, seats, goals, today, content)
    plans = content.plans
    for plan in plans:
        history.plan_meetings(plan)
    history.build_knowledge(content.knowledge)
    history.create_meetings()
    history.build_decisions(plans)
    history.build_meeting_records()
    history.build_actions(plans)
    history.link_knowledge(content.knowledge)
    for plan in plans:
        if plan.upcoming is not None:
            history.build_upcoming(plan)
    for rows in history.stages:
        session.add_all(rows)
        await session.flush()
    await _index_for_search(session, history)


async def _index_for_search(session: AsyncSession, history: _History) -> None:
    """The one place the seeded history reaches the search index (the services' own helpers)."""
    for item in history.knowledge.values():
        await index_knowledge_item(session, item)
    for decision in history.indexed_decisions:
        await index_decision(session, decision)
    for minutes, revision in history.indexed_minutes:
        await index_minutes(session, minutes, revision)
    for meeting in await session.scalars(select(Meeting).order_by(Meeting.id)):
        await index_meeting(session, meeting)
    for action_item in await session.scalars(select(ActionItem).order_by(ActionItem.id)):
        await index_action_item(session, action_item)
