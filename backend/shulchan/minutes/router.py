import uuid

from fastapi import APIRouter, Response, status

from shulchan.access.dependencies import PrincipalDep, SessionDep
from shulchan.core.errors import problem_responses
from shulchan.core.etag import IfMatch, RequiredIfMatch, set_etag
from shulchan.core.pagination import PageDep
from shulchan.core.schemas import FromRevision, RevisionNumber, ToRevision
from shulchan.minutes import service
from shulchan.minutes.schemas import (
    MinutesCommentCreate,
    MinutesCommentPage,
    MinutesCommentRead,
    MinutesCorrection,
    MinutesCreate,
    MinutesDiff,
    MinutesRead,
    MinutesRevisionRead,
    MinutesTransition,
    MinutesUpdate,
    PublicSummaryPage,
    PublicSummaryUpdate,
)

router = APIRouter(tags=["minutes"])


@router.post(
    "/meetings/{meeting_id}/minutes",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def create_minutes(
    meeting_id: uuid.UUID, body: MinutesCreate, principal: PrincipalDep, session: SessionDep, response: Response
) -> MinutesRead:
    """Start the meeting's minutes as a draft (facilitators)."""
    minutes = await service.create_minutes(session, principal, meeting_id, body.body)
    set_etag(response, minutes.version)
    response.headers["Location"] = f"/api/v1/minutes/{minutes.id}"
    return minutes


@router.get("/meetings/{meeting_id}/minutes", responses=problem_responses(401, 404, 422))
async def get_meeting_minutes(
    meeting_id: uuid.UUID, principal: PrincipalDep, session: SessionDep, response: Response
) -> MinutesRead:
    minutes = await service.read_meeting_minutes(session, principal, meeting_id)
    set_etag(response, minutes.version)
    return minutes


@router.get("/minutes/{minutes_id}", responses=problem_responses(401, 404, 422))
async def get_minutes(
    minutes_id: uuid.UUID, principal: PrincipalDep, session: SessionDep, response: Response
) -> MinutesRead:
    """Drafts are shown to facilitators and hosts only; others see the newest circulated or approved text."""
    minutes = await service.read_minutes(session, principal, minutes_id)
    set_etag(response, minutes.version)
    return minutes


@router.patch("/minutes/{minutes_id}", responses=problem_responses(401, 403, 404, 409, 412, 422, 428))
async def update_minutes(
    minutes_id: uuid.UUID,
    body: MinutesUpdate,
    principal: PrincipalDep,
    session: SessionDep,
    response: Response,
    if_match: RequiredIfMatch = None,
) -> MinutesRead:
    """Edit the draft. Send If-Match: two writers from the same version cannot both win."""
    minutes = await service.update_draft(session, principal, minutes_id, body.body, if_match)
    set_etag(response, minutes.version)
    return minutes


@router.post("/minutes/{minutes_id}/transition", responses=problem_responses(401, 403, 404, 409, 412, 422))
async def transition_minutes(
    minutes_id: uuid.UUID,
    body: MinutesTransition,
    principal: PrincipalDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> MinutesRead:
    """draft → circulated (facilitator) → approved (host or facilitator; who and when are recorded) → locked."""
    minutes = await service.transition(session, principal, minutes_id, body.status, if_match)
    set_etag(response, minutes.version)
    return minutes


@router.post(
    "/minutes/{minutes_id}/corrections",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 404, 409, 412, 422),
)
async def correct_minutes(
    minutes_id: uuid.UUID,
    body: MinutesCorrection,
    principal: PrincipalDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> MinutesRead:
    """Open a correction of approved minutes: a new draft revision that goes through approval again."""
    minutes = await service.open_correction(session, principal, minutes_id, body, if_match)
    set_etag(response, minutes.version)
    return minutes


@router.get("/minutes/{minutes_id}/revisions/{number}", responses=problem_responses(401, 404, 422))
async def get_minutes_revision(
    minutes_id: uuid.UUID, number: RevisionNumber, principal: PrincipalDep, session: SessionDep
) -> MinutesRevisionRead:
    return await service.get_revision(session, principal, minutes_id, number)


@router.get("/minutes/{minutes_id}/diff", responses=problem_responses(401, 404, 422))
async def diff_minutes(
    minutes_id: uuid.UUID,
    principal: PrincipalDep,
    session: SessionDep,
    from_number: FromRevision,
    to_number: ToRevision,
) -> MinutesDiff:
    """Compare two revisions."""
    return await service.diff(session, principal, minutes_id, from_number, to_number)


@router.get("/minutes/{minutes_id}/comments", responses=problem_responses(400, 401, 404, 422))
async def list_minutes_comments(
    minutes_id: uuid.UUID, principal: PrincipalDep, session: SessionDep, page: PageDep
) -> MinutesCommentPage:
    items, next_cursor = await service.list_comments(session, principal, minutes_id, page)
    return MinutesCommentPage(items=items, next_cursor=next_cursor)


@router.post(
    "/minutes/{minutes_id}/comments",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def add_minutes_comment(
    minutes_id: uuid.UUID, body: MinutesCommentCreate, principal: PrincipalDep, session: SessionDep
) -> MinutesCommentRead:
    """Comment on circulated minutes, optionally on one paragraph."""
    return await service.add_comment(session, principal, minutes_id, body)


@router.put("/minutes/{minutes_id}/public-summary", responses=problem_responses(401, 403, 404, 409, 412, 422))
async def set_public_summary(
    minutes_id: uuid.UUID,
    body: PublicSummaryUpdate,
    principal: PrincipalDep,
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> MinutesRead:
    """Write, publish or withdraw the public summary of a public roundtable's meeting (host or facilitator)."""
    minutes = await service.set_public_summary(session, principal, minutes_id, body, if_match)
    set_etag(response, minutes.version)
    return minutes


@router.get("/roundtables/{roundtable_id}/public-summaries", responses=problem_responses(400, 404, 422))
async def list_public_summaries(
    roundtable_id: uuid.UUID, principal: PrincipalDep, session: SessionDep, page: PageDep
) -> PublicSummaryPage:
    """Published meeting summaries of a public roundtable, newest first. No sign-in needed."""
    items, next_cursor = await service.list_public_summaries(session, principal, roundtable_id, page)
    return PublicSummaryPage(items=items, next_cursor=next_cursor)
