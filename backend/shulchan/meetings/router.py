import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response, status
from pydantic import AwareDatetime

from shulchan.access.dependencies import PrincipalDep, SessionDep
from shulchan.core.errors import problem_responses
from shulchan.core.etag import IfMatch, set_etag
from shulchan.core.pagination import PageDep, UpdatedSince
from shulchan.core.responses import json_response, model_response
from shulchan.meetings import service
from shulchan.meetings.models import MeetingStatus
from shulchan.meetings.schemas import (
    Agenda,
    AgendaItemCreate,
    AgendaItemRead,
    AgendaItemReview,
    AgendaItemUpdate,
    AgendaOrder,
    AttendanceRecord,
    AttendanceReport,
    InvitationList,
    InviteRequest,
    MeetingCreate,
    MeetingPage,
    MeetingRead,
    MeetingTransition,
    MeetingUpdate,
    ProcessNoteCreate,
    ProcessNotePage,
    ProcessNoteRead,
    ProcessNoteUpdate,
    RsvpRequest,
    SectorRate,
    SpeakingReport,
    SpeakingTurnCreate,
)

router = APIRouter(tags=["meetings"])
agenda_router = APIRouter(tags=["agenda"])
participation_router = APIRouter(tags=["participation"])
notes_router = APIRouter(tags=["process-notes"])

# Aware only: a naive instant is ambiguous (and the UTC columns refuse it), so it answers 422.
From = Annotated[AwareDatetime | None, Query(alias="from", description="Meetings starting at or after this instant.")]
To = Annotated[AwareDatetime | None, Query(alias="to", description="Meetings starting before this instant.")]
MeetingSort = Literal["starts_at", "-starts_at"]


@router.get("/meetings", response_model=MeetingPage, responses=problem_responses(400, 401, 404, 422))
async def list_meetings(
    principal: PrincipalDep,
    session: SessionDep,
    page: PageDep,
    starts_from: From = None,
    starts_before: To = None,
    roundtable_id: uuid.UUID | None = None,
    status: MeetingStatus | None = None,
    sort: MeetingSort = "starts_at",
    updated_since: UpdatedSince = None,
) -> Response:
    """Every meeting you may see, across your roundtables: the call that pulls "my meetings"."""
    items, next_cursor = await service.list_meetings(
        session,
        principal,
        page,
        sort,
        roundtable_id=roundtable_id,
        starts_from=starts_from,
        starts_before=starts_before,
        status=status,
        updated_since=updated_since,
    )
    return json_response({"items": items, "next_cursor": next_cursor})


@router.get(
    "/roundtables/{roundtable_id}/meetings", response_model=MeetingPage, responses=problem_responses(400, 401, 404, 422)
)
async def list_roundtable_meetings(
    roundtable_id: uuid.UUID,
    principal: PrincipalDep,
    session: SessionDep,
    page: PageDep,
    starts_from: From = None,
    starts_before: To = None,
    status: MeetingStatus | None = None,
    sort: MeetingSort = "starts_at",
    updated_since: UpdatedSince = None,
) -> Response:
    items, next_cursor = await service.list_meetings(
        session,
        principal,
        page,
        sort,
        roundtable_id=roundtable_id,
        starts_from=starts_from,
        starts_before=starts_before,
        status=status,
        updated_since=updated_since,
    )
    return json_response({"items": items, "next_cursor": next_cursor})


@router.post(
    "/roundtables/{roundtable_id}/meetings",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def create_meeting(
    roundtable_id: uuid.UUID, body: MeetingCreate, principal: PrincipalDep, session: SessionDep, response: Response
) -> MeetingRead:
    """Schedule a meeting. In person needs a venue, online a URL, hybrid both; it must end after it starts."""
    meeting = await service.create_meeting(session, principal, roundtable_id, body)
    set_etag(response, meeting.version)
    response.headers["Location"] = f"/api/v1/meetings/{meeting.id}"
    return meeting


@router.get("/meetings/{meeting_id}", response_model=MeetingRead, responses=problem_responses(401, 404, 422))
async def get_meeting(meeting_id: uuid.UUID, principal: PrincipalDep, session: SessionDep) -> Response:
    meeting = await service.read_meeting(session, principal, meeting_id)
    return model_response(meeting, version=meeting.version)


@router.patch("/meetings/{meeting_id}", responses=problem_responses(401, 403, 404, 409, 412, 422))
async def update_meeting(
    meeting_id: uuid.UUID,
    body: MeetingUpdate,
    principal: PrincipalDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> MeetingRead:
    meeting = await service.update_meeting(session, principal, meeting_id, body, if_match)
    set_etag(response, meeting.version)
    return meeting


@router.post("/meetings/{meeting_id}/transition", responses=problem_responses(401, 403, 404, 409, 412, 422))
async def transition_meeting(
    meeting_id: uuid.UUID,
    body: MeetingTransition,
    principal: PrincipalDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> MeetingRead:
    """planned → confirmed → held, or → cancelled (with a reason). Anything else answers 409."""
    meeting = await service.transition_meeting(session, principal, meeting_id, body.status, body.reason, if_match)
    set_etag(response, meeting.version)
    return meeting


# --- agenda ----------------------------------------------------------------------------------------


@agenda_router.get("/meetings/{meeting_id}/agenda", responses=problem_responses(401, 404, 422))
async def get_agenda(meeting_id: uuid.UUID, principal: PrincipalDep, session: SessionDep) -> Agenda:
    """The agenda in order, with its planned minutes against the meeting's length."""
    return await service.get_agenda(session, principal, meeting_id)


@agenda_router.post(
    "/meetings/{meeting_id}/agenda-items",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def create_agenda_item(
    meeting_id: uuid.UUID, body: AgendaItemCreate, principal: PrincipalDep, session: SessionDep, response: Response
) -> AgendaItemRead:
    """Facilitators and hosts add items; a member's item arrives as `proposed`."""
    item = await service.create_agenda_item(session, principal, meeting_id, body)
    set_etag(response, item.version)
    response.headers["Location"] = f"/api/v1/agenda-items/{item.id}"
    return item


@agenda_router.put("/meetings/{meeting_id}/agenda/order", responses=problem_responses(401, 403, 404, 409, 422))
async def reorder_agenda(
    meeting_id: uuid.UUID, body: AgendaOrder, principal: PrincipalDep, session: SessionDep
) -> Agenda:
    """Reorder in one call: send every accepted item's id in the new order."""
    return await service.reorder_agenda(session, principal, meeting_id, body.item_ids)


@agenda_router.get("/agenda-items/{item_id}", responses=problem_responses(401, 404, 422))
async def get_agenda_item(
    item_id: uuid.UUID, principal: PrincipalDep, session: SessionDep, response: Response
) -> AgendaItemRead:
    item = await service.get_agenda_item(session, principal, item_id)
    set_etag(response, item.version)
    return item


@agenda_router.patch("/agenda-items/{item_id}", responses=problem_responses(401, 403, 404, 409, 412, 422))
async def update_agenda_item(
    item_id: uuid.UUID,
    body: AgendaItemUpdate,
    principal: PrincipalDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> AgendaItemRead:
    """Edit an item, including its briefing pack (`knowledge_item_ids`)."""
    item = await service.update_agenda_item(session, principal, item_id, body, if_match)
    set_etag(response, item.version)
    return item


@agenda_router.post("/agenda-items/{item_id}/review", responses=problem_responses(401, 403, 404, 409, 412, 422))
async def review_agenda_item(
    item_id: uuid.UUID,
    body: AgendaItemReview,
    principal: PrincipalDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> AgendaItemRead:
    """Accept or decline a proposed item."""
    item = await service.review_agenda_item(session, principal, item_id, body.status, if_match)
    set_etag(response, item.version)
    return item


@agenda_router.delete(
    "/agenda-items/{item_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 409, 412, 422),
)
async def delete_agenda_item(
    item_id: uuid.UUID, principal: PrincipalDep, session: SessionDep, if_match: IfMatch = None
) -> None:
    await service.delete_agenda_item(session, principal, item_id, if_match)


# --- invitations, attendance, speaking turns -------------------------------------------------------


@participation_router.get("/meetings/{meeting_id}/invitations", responses=problem_responses(401, 404, 422))
async def list_invitations(meeting_id: uuid.UUID, principal: PrincipalDep, session: SessionDep) -> InvitationList:
    """Who is invited and how they answered, with counts per sector."""
    return await service.list_invitations(session, principal, meeting_id)


@participation_router.post("/meetings/{meeting_id}/invitations", responses=problem_responses(401, 403, 404, 409, 422))
async def invite_seats(
    meeting_id: uuid.UUID, body: InviteRequest, principal: PrincipalDep, session: SessionDep
) -> InvitationList:
    """Invite chosen seats, or every current seat; inviting someone twice changes nothing."""
    return await service.invite(session, principal, meeting_id, body.seat_ids)


@participation_router.put("/meetings/{meeting_id}/rsvp", responses=problem_responses(401, 403, 404, 409, 422))
async def rsvp(
    meeting_id: uuid.UUID, body: RsvpRequest, principal: PrincipalDep, session: SessionDep
) -> InvitationList:
    """Answer yes, no or maybe for your own seat."""
    return await service.rsvp(session, principal, meeting_id, body)


@participation_router.get("/meetings/{meeting_id}/attendance", responses=problem_responses(401, 403, 404, 422))
async def get_attendance(meeting_id: uuid.UUID, principal: PrincipalDep, session: SessionDep) -> AttendanceReport:
    """Facilitators and hosts: who came, and the attendance rate per sector."""
    return await service.attendance_report(session, principal, meeting_id)


@participation_router.put("/meetings/{meeting_id}/attendance", responses=problem_responses(401, 403, 404, 409, 422))
async def record_attendance(
    meeting_id: uuid.UUID, body: AttendanceRecord, principal: PrincipalDep, session: SessionDep
) -> AttendanceReport:
    """Facilitators record present, absent or excused per seat, and guests by name."""
    return await service.record_attendance(session, principal, meeting_id, body)


@participation_router.get("/roundtables/{roundtable_id}/attendance", responses=problem_responses(401, 403, 404, 422))
async def get_roundtable_attendance(
    roundtable_id: uuid.UUID,
    principal: PrincipalDep,
    session: SessionDep,
    starts_from: From = None,
    starts_before: To = None,
) -> list[SectorRate]:
    """Attendance rate per sector over the held meetings of a period."""
    return await service.roundtable_attendance(session, principal, roundtable_id, starts_from, starts_before)


@participation_router.get("/meetings/{meeting_id}/speaking-turns", responses=problem_responses(401, 403, 404, 422))
async def get_speaking_report(meeting_id: uuid.UUID, principal: PrincipalDep, session: SessionDep) -> SpeakingReport:
    """Speaking time per sector and per person: how the dynamics of the table actually ran."""
    return await service.speaking_report(session, principal, meeting_id)


@participation_router.post(
    "/meetings/{meeting_id}/speaking-turns",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 404, 422),
)
async def add_speaking_turn(
    meeting_id: uuid.UUID, body: SpeakingTurnCreate, principal: PrincipalDep, session: SessionDep
) -> SpeakingReport:
    """Log one turn (seat, agenda item, seconds); answers with the updated balance."""
    return await service.add_speaking_turn(session, principal, meeting_id, body)


# --- process notes ---------------------------------------------------------------------------------


@notes_router.get("/meetings/{meeting_id}/process-notes", responses=problem_responses(400, 401, 404, 422))
async def list_process_notes(
    meeting_id: uuid.UUID, principal: PrincipalDep, session: SessionDep, page: PageDep
) -> ProcessNotePage:
    """The facilitator's private journal for this meeting. Nobody else ever sees it."""
    items, next_cursor = await service.list_process_notes(session, principal, meeting_id, page)
    return ProcessNotePage(items=items, next_cursor=next_cursor)


@notes_router.post(
    "/meetings/{meeting_id}/process-notes",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 404, 422),
)
async def create_process_note(
    meeting_id: uuid.UUID, body: ProcessNoteCreate, principal: PrincipalDep, session: SessionDep, response: Response
) -> ProcessNoteRead:
    note = await service.create_process_note(session, principal, meeting_id, body)
    set_etag(response, note.version)
    response.headers["Location"] = f"/api/v1/process-notes/{note.id}"
    return note


@notes_router.get("/process-notes/{note_id}", responses=problem_responses(401, 404, 422))
async def get_process_note(
    note_id: uuid.UUID, principal: PrincipalDep, session: SessionDep, response: Response
) -> ProcessNoteRead:
    note = await service.get_process_note(session, principal, note_id)
    set_etag(response, note.version)
    return note


@notes_router.patch("/process-notes/{note_id}", responses=problem_responses(401, 404, 412, 422))
async def update_process_note(
    note_id: uuid.UUID,
    body: ProcessNoteUpdate,
    principal: PrincipalDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> ProcessNoteRead:
    note = await service.update_process_note(session, principal, note_id, body, if_match)
    set_etag(response, note.version)
    return note


@notes_router.delete(
    "/process-notes/{note_id}", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(401, 404, 412, 422)
)
async def delete_process_note(
    note_id: uuid.UUID, principal: PrincipalDep, session: SessionDep, if_match: IfMatch = None
) -> None:
    await service.delete_process_note(session, principal, note_id, if_match)
