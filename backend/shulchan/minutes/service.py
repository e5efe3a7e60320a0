"""Minutes: one document per meeting, every revision kept, approval recorded, nothing overwritten."""

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.access import visibility
from shulchan.access.permissions import Permission, Principal, require, require_visible
from shulchan.access.visibility import get_visible
from shulchan.core import textdiff
from shulchan.core.errors import Conflict, NotFound, UnprocessableEntity
from shulchan.core.etag import check_if_match
from shulchan.core.models import utcnow
from shulchan.core.pagination import PageParams, SortKey, apply_keyset, split_page
from shulchan.events import service as changes
from shulchan.events.lifecycle import Lifecycle
from shulchan.events.tracking import Tracked, own_roundtable, read_schema, through, track
from shulchan.meetings.models import Meeting, MeetingStatus
from shulchan.meetings.service import get_meeting
from shulchan.minutes.models import Minutes, MinutesComment, MinutesRevision, MinutesStatus
from shulchan.minutes.schemas import (
    MinutesCommentCreate,
    MinutesCommentRead,
    MinutesCorrection,
    MinutesDiff,
    MinutesRead,
    MinutesRevisionRead,
    MinutesRevisionSummary,
    PublicSummary,
    PublicSummaryUpdate,
)
from shulchan.roundtables.models import Roundtable, Visibility
from shulchan.search import index

M = MinutesStatus
MINUTES_LIFECYCLE = Lifecycle(
    "minutes",
    {
        M.draft: frozenset({M.circulated}),
        M.circulated: frozenset({M.approved, M.draft}),
        M.approved: frozenset({M.locked}),
        M.locked: frozenset(),
    },
    subject="Minutes",
)
TRANSITION_PERMISSION = {
    M.circulated: Permission.minutes_write,
    M.draft: Permission.minutes_write,
    M.approved: Permission.minutes_approve,
    M.locked: Permission.minutes_approve,
}
INDEXED = (M.approved, M.locked)  # search finds the newest approved text, never a draft in the works
COMMENT_SORT = SortKey((MinutesComment.id,))
SUMMARY_SORT = SortKey((Minutes.public_summary_published_at, Minutes.id))
NOT_FOUND = "No minutes with this id are visible to you."


# --- how the write path sees these objects ---------------------------------------------------------


async def _minutes_payload(session: AsyncSession, minutes: Minutes) -> dict[str, Any]:
    """The minutes as those who may read drafts see them (events are for the roundtable's subscribers)."""
    return _minutes_read(minutes, await _revisions(session, minutes, set(M))).model_dump(mode="json")


async def index_minutes(session: AsyncSession, minutes: Minutes, revision: MinutesRevision) -> None:
    meeting = await session.get(Meeting, minutes.meeting_id)
    assert meeting is not None
    await index.upsert(
        session,
        entity_type="minutes",
        entity_id=minutes.id,
        roundtable_id=minutes.roundtable_id,
        level="roundtable",
        kind="minutes",
        language=None,
        tags=[],
        title=meeting.title,
        body=revision.body,
        occurred_on=meeting.starts_at.date(),
        hidden=False,
    )


async def _index(session: AsyncSession, minutes: Minutes) -> None:
    """The index hook: the newest approved (or locked) revision, if there is one yet."""
    approved = await _revisions(session, minutes, set(INDEXED))
    if approved:
        await index_minutes(session, minutes, approved[0])


track(Minutes, Tracked("minutes", _minutes_payload, own_roundtable, index=_index))
track(MinutesComment, Tracked("minutes_comment", read_schema(MinutesCommentRead), through(Minutes, "minutes_id")))


# --- minutes ---------------------------------------------------------------------------------------


def _readable(principal: Principal, roundtable_id: uuid.UUID) -> set[MinutesStatus]:
    statuses = {M.circulated, M.approved, M.locked}
    if principal.can(Permission.minutes_read_draft, roundtable_id):
        statuses.add(M.draft)
    return statuses


async def _minutes(
    session: AsyncSession, principal: Principal, minutes_id: uuid.UUID, *, lock: bool = False
) -> Minutes:
    """The minutes, or 404; with `lock` (every write), under their lock and re-read, so the state a
    rule checks (comments only while circulated, edits only as a draft) is the state it acts on."""
    minutes = await visibility.load(session, Minutes, minutes_id, lock=lock)
    if minutes is None:
        raise NotFound(NOT_FOUND)
    require_visible(principal, Permission.roundtable_view, minutes.roundtable_id, "minutes")
    if minutes.revision == 1 and minutes.status == M.draft:
        # Only a draft exists: for those who may not read drafts there are no minutes yet, whatever they try.
        require_visible(principal, Permission.minutes_read_draft, minutes.roundtable_id, "minutes")
    return minutes


async def _revisions(session: AsyncSession, minutes: Minutes, statuses: set[MinutesStatus]) -> list[MinutesRevision]:
    """The revisions in those statuses, newest first."""
    rows = (
        await session.scalars(
            select(MinutesRevision)
            .where(MinutesRevision.minutes_id == minutes.id)
            .order_by(MinutesRevision.number.desc())
        )
    ).all()
    return [r for r in rows if r.status in statuses]


def _minutes_read(minutes: Minutes, revisions: list[MinutesRevision]) -> MinutesRead:
    """The one mapping of minutes to what is read of them: `revisions` are those the reader may read,
    newest first, and the newest is the one shown."""
    return MinutesRead(
        id=minutes.id,
        meeting_id=minutes.meeting_id,
        roundtable_id=minutes.roundtable_id,
        status=minutes.status,
        revision=minutes.revision,
        shown_revision=MinutesRevisionRead.model_validate(revisions[0]),
        revisions=[MinutesRevisionSummary.model_validate(r) for r in revisions],
        public_summary=minutes.public_summary,
        public_summary_published_at=minutes.public_summary_published_at,
        version=minutes.version,
    )


async def _read(session: AsyncSession, principal: Principal, minutes: Minutes) -> MinutesRead:
    revisions = await _revisions(session, minutes, _readable(principal, minutes.roundtable_id))
    if not revisions:
        # Only a draft exists and the caller may not read drafts: for them there are no minutes yet.
        raise NotFound(NOT_FOUND)
    return _minutes_read(minutes, revisions)


async def read_minutes(session: AsyncSession, principal: Principal, minutes_id: uuid.UUID) -> MinutesRead:
    return await _read(session, principal, await _minutes(session, principal, minutes_id))


async def read_meeting_minutes(session: AsyncSession, principal: Principal, meeting_id: uuid.UUID) -> MinutesRead:
    meeting = await get_meeting(session, principal, meeting_id)
    minutes = await session.scalar(select(Minutes).where(Minutes.meeting_id == meeting.id))
    if minutes is None:
        raise NotFound("This meeting has no minutes yet.", code="no_minutes")
    return await _read(session, principal, minutes)


async def create_minutes(session: AsyncSession, principal: Principal, meeting_id: uuid.UUID, body: str) -> MinutesRead:
    """The meeting is locked first: a cancellation in flight, or a second writer, is seen, not raced."""
    meeting = await get_meeting(session, principal, meeting_id, lock=True)
    require(principal, Permission.minutes_write, meeting.roundtable_id)
    if meeting.status == MeetingStatus.cancelled:
        raise Conflict("A cancelled meeting has no minutes.", code="meeting_cancelled")
    if await session.scalar(select(Minutes.id).where(Minutes.meeting_id == meeting.id)):
        raise Conflict("This meeting already has minutes; edit them instead.", code="minutes_exist")
    minutes = Minutes(meeting_id=meeting.id, roundtable_id=meeting.roundtable_id, status=M.draft, revision=1)
    session.add(minutes)
    await session.flush()
    session.add(
        MinutesRevision(
            minutes_id=minutes.id, number=1, body=body, status=M.draft, created_by_user_id=principal.user_id
        )
    )
    await changes.created(session, principal, minutes)
    return await _read(session, principal, minutes)


async def _current(session: AsyncSession, minutes: Minutes) -> MinutesRevision:
    revision = await session.scalar(
        select(MinutesRevision).where(
            MinutesRevision.minutes_id == minutes.id, MinutesRevision.number == minutes.revision
        )
    )
    assert revision is not None
    return revision


async def update_draft(
    session: AsyncSession, principal: Principal, minutes_id: uuid.UUID, body: str | None, if_match: str | None
) -> MinutesRead:
    minutes = await _minutes(session, principal, minutes_id, lock=True)
    require(principal, Permission.minutes_write, minutes.roundtable_id)
    check_if_match(if_match, minutes.version, required=True)
    if minutes.status != M.draft:
        raise Conflict(
            f"Minutes that are {minutes.status.value} are not edited in place; open a correction instead.",
            code="minutes_not_draft",
        )
    if body is None:  # a PATCH without `body` changes nothing
        return await _read(session, principal, minutes)
    revision = await _current(session, minutes)
    # The text lives on the revision; the audit entry is the document's, naming the revision edited.
    note: dict[str, Any] = {"revision": {"before": None, "after": revision.number}}
    if revision.body != body:
        note["body"] = {"before": revision.body, "after": body}
    async with changes.changing(session, principal, minutes, note=note):
        revision.body = body
        minutes.updated_at = utcnow()  # bumps the version: the ETag covers the text
    return await _read(session, principal, minutes)


async def transition(
    session: AsyncSession, principal: Principal, minutes_id: uuid.UUID, target: MinutesStatus, if_match: str | None
) -> MinutesRead:
    minutes = await _minutes(session, principal, minutes_id, lock=True)
    MINUTES_LIFECYCLE.check(minutes.status, target)
    require(principal, TRANSITION_PERMISSION[target], minutes.roundtable_id)
    check_if_match(if_match, minutes.version)
    revision = await _current(session, minutes)
    if target == M.circulated and not revision.body.strip():
        raise UnprocessableEntity("Write the minutes before circulating them.", code="minutes_empty")
    # The newest revision moves with the document (written in the same flush as the move).
    revision.status = target
    if target == M.circulated:
        revision.circulated_at = utcnow()
    if target == M.approved:
        revision.approved_at = utcnow()
        revision.approved_by_user_id = principal.user_id
    await MINUTES_LIFECYCLE.move(session, principal, minutes, target)
    return await _read(session, principal, minutes)


async def open_correction(
    session: AsyncSession, principal: Principal, minutes_id: uuid.UUID, body: MinutesCorrection, if_match: str | None
) -> MinutesRead:
    """A correction after approval is a new revision, which goes through circulation and approval again."""
    minutes = await _minutes(session, principal, minutes_id, lock=True)
    require(principal, Permission.minutes_write, minutes.roundtable_id)
    check_if_match(if_match, minutes.version)
    if minutes.status != M.approved:
        raise Conflict("Only approved (and not locked) minutes take a correction.", code="minutes_not_approved")
    approved = await _current(session, minutes)
    async with changes.changing(session, principal, minutes, action="correction", event="minutes.correction_opened"):
        minutes.revision += 1
        minutes.status = M.draft
        session.add(
            MinutesRevision(
                minutes_id=minutes.id,
                number=minutes.revision,
                status=M.draft,
                reason=body.reason,
                body=approved.body if body.body is None else body.body,
                created_by_user_id=principal.user_id,
            )
        )
    return await _read(session, principal, minutes)


async def _revision(session: AsyncSession, principal: Principal, minutes_id: uuid.UUID, number: int) -> MinutesRevision:
    minutes = await _minutes(session, principal, minutes_id)
    for revision in await _revisions(session, minutes, _readable(principal, minutes.roundtable_id)):
        if revision.number == number:
            return revision
    raise NotFound(f"These minutes have no revision {number} visible to you.")


async def get_revision(
    session: AsyncSession, principal: Principal, minutes_id: uuid.UUID, number: int
) -> MinutesRevisionRead:
    return MinutesRevisionRead.model_validate(await _revision(session, principal, minutes_id, number))


async def diff(
    session: AsyncSession, principal: Principal, minutes_id: uuid.UUID, from_number: int, to_number: int
) -> MinutesDiff:
    old = await _revision(session, principal, minutes_id, from_number)
    new = await _revision(session, principal, minutes_id, to_number)
    before, after = old.body.splitlines(keepends=True), new.body.splitlines(keepends=True)
    text = await textdiff.off_the_loop(
        lambda: "".join(
            textdiff.unified_diff(before, after, fromfile=f"revision {from_number}", tofile=f"revision {to_number}")
        )
    )
    return MinutesDiff(from_number=from_number, to_number=to_number, diff=text)


async def list_comments(
    session: AsyncSession, principal: Principal, minutes_id: uuid.UUID, params: PageParams
) -> tuple[list[MinutesCommentRead], str | None]:
    minutes = await _minutes(session, principal, minutes_id)
    await _read(session, principal, minutes)  # 404 when the caller may not read any revision
    stmt = select(MinutesComment).where(MinutesComment.minutes_id == minutes.id)
    rows = (await session.scalars(apply_keyset(stmt, COMMENT_SORT, "created_at", params))).all()
    page, next_cursor = split_page(rows, COMMENT_SORT, "created_at", params)
    return [MinutesCommentRead.model_validate(comment) for comment in page], next_cursor


async def add_comment(
    session: AsyncSession, principal: Principal, minutes_id: uuid.UUID, body: MinutesCommentCreate
) -> MinutesCommentRead:
    """The minutes are locked before their state is checked: a comment racing the approval lands while
    they are circulated or is refused, never on approved minutes."""
    minutes = await _minutes(session, principal, minutes_id, lock=True)
    require(principal, Permission.minutes_comment, minutes.roundtable_id)
    if minutes.status != M.circulated:
        raise Conflict("Comments are taken while the minutes are circulated.", code="minutes_not_circulated")
    if body.paragraph is not None:
        revision = await _current(session, minutes)
        paragraphs = [p for p in revision.body.split("\n\n") if p.strip()]
        if body.paragraph >= len(paragraphs):
            raise UnprocessableEntity(f"The text has {len(paragraphs)} paragraphs.", code="unknown_paragraph")
    comment = MinutesComment(
        minutes_id=minutes.id,
        revision=minutes.revision,
        paragraph=body.paragraph,
        author_user_id=principal.user_id,
        body=body.body,
    )
    await changes.created(session, principal, comment)
    return MinutesCommentRead.model_validate(comment)


async def set_public_summary(
    session: AsyncSession, principal: Principal, minutes_id: uuid.UUID, body: PublicSummaryUpdate, if_match: str | None
) -> MinutesRead:
    minutes = await _minutes(session, principal, minutes_id, lock=True)
    require(principal, Permission.public_summary_publish, minutes.roundtable_id)
    check_if_match(if_match, minutes.version)
    shown_to = await session.scalar(select(Roundtable.visibility).where(Roundtable.id == minutes.roundtable_id))
    if body.published and shown_to != Visibility.public:
        raise Conflict("Only a public roundtable publishes summaries.", code="roundtable_not_public")
    if body.published and minutes.status not in (M.approved, M.locked) and minutes.revision == 1:
        raise Conflict("Publish a summary once the minutes are approved.", code="minutes_not_approved")
    if body.published and not body.public_summary.strip():
        raise UnprocessableEntity("A published summary needs text.", code="summary_empty")
    event = "minutes.summary_published" if body.published else "minutes.summary_withdrawn"
    async with changes.changing(session, principal, minutes, event=event):
        minutes.public_summary = body.public_summary
        minutes.public_summary_published_at = utcnow() if body.published else None
    return await _read(session, principal, minutes)


async def list_public_summaries(
    session: AsyncSession, principal: Principal, roundtable_id: uuid.UUID, params: PageParams
) -> tuple[list[PublicSummary], str | None]:
    """The transparency view: published summaries of a public roundtable, newest first; no sign-in needed."""
    roundtable = await get_visible(session, principal, Roundtable, roundtable_id)
    if roundtable.visibility != Visibility.public:
        return [], None
    stmt = (
        select(Minutes, Meeting.title, Meeting.starts_at)
        .join(Meeting, Meeting.id == Minutes.meeting_id)
        .where(Minutes.roundtable_id == roundtable_id, Minutes.public_summary_published_at.is_not(None))
    )
    key = SUMMARY_SORT.for_rows()
    rows = (await session.execute(apply_keyset(stmt, key, "-published_at", params))).all()
    page, next_cursor = split_page(rows, key, "-published_at", params)
    return [
        PublicSummary(
            minutes_id=m.id,
            meeting_id=m.meeting_id,
            meeting_title=title,
            meeting_starts_at=starts_at,
            public_summary=m.public_summary or "",
            published_at=m.public_summary_published_at or m.updated_at,
        )
        for m, title, starts_at in page
    ], next_cursor
