import uuid
from typing import Annotated, Literal
from urllib.parse import quote

from fastapi import APIRouter, File, Query, Response, UploadFile, status
from fastapi.responses import FileResponse

from shulchan.access.dependencies import PrincipalDep, SessionDep, SettingsDep
from shulchan.core.errors import NotFound, problem_responses
from shulchan.core.etag import IfMatch, RequiredIfMatch, set_etag
from shulchan.core.models import Language
from shulchan.core.pagination import PageDep, UpdatedSince
from shulchan.core.schemas import FromRevision, RevisionNumber, ToRevision
from shulchan.knowledge import service
from shulchan.knowledge.models import KnowledgeKind
from shulchan.knowledge.schemas import (
    AttachmentRead,
    KnowledgeItemCreate,
    KnowledgeItemPage,
    KnowledgeItemRead,
    KnowledgeItemUpdate,
    KnowledgeRevisionPage,
    KnowledgeRevisionRead,
    RevisionDiff,
)

router = APIRouter(tags=["knowledge"])
ATTACHMENT_UPLOAD_PATH = r"/api/v1/knowledge-items/[^/]+/attachments"


@router.get("/knowledge-items", responses=problem_responses(400, 404, 422))
async def list_knowledge_items(
    principal: PrincipalDep,
    session: SessionDep,
    page: PageDep,
    roundtable_id: uuid.UUID | None = None,
    library: Annotated[bool, Query(description="Only the shared library (items of no roundtable).")] = False,
    kind: KnowledgeKind | None = None,
    tag: Annotated[str | None, Query(max_length=60)] = None,
    language: Language | None = None,
    include_archived: bool = False,
    sort: Literal["updated_at", "-updated_at", "title", "-title", "created_at", "-created_at"] = "-updated_at",
    updated_since: UpdatedSince = None,
) -> KnowledgeItemPage:
    """The library: items you may see (public, your roundtables', and facilitator-only ones if you facilitate)."""
    items, next_cursor = await service.list_items(
        session,
        principal,
        page,
        sort,
        roundtable_id=roundtable_id,
        library=library,
        kind=kind,
        tag=tag,
        language=language,
        include_archived=include_archived,
        updated_since=updated_since,
    )
    return KnowledgeItemPage(items=items, next_cursor=next_cursor)


@router.post("/knowledge-items", status_code=status.HTTP_201_CREATED, responses=problem_responses(401, 403, 404, 422))
async def create_knowledge_item(
    body: KnowledgeItemCreate, principal: PrincipalDep, session: SessionDep, response: Response
) -> KnowledgeItemRead:
    """Add to a roundtable's library (facilitators, hosts, members) or the shared one (facilitators, admins)."""
    item = await service.create_item(session, principal, body)
    set_etag(response, item.version)
    response.headers["Location"] = f"/api/v1/knowledge-items/{item.id}"
    return item


@router.get("/knowledge-items/{item_id}", responses=problem_responses(404, 422))
async def get_knowledge_item(
    item_id: uuid.UUID, principal: PrincipalDep, session: SessionDep, response: Response
) -> KnowledgeItemRead:
    item = await service.read_item(session, principal, item_id)
    set_etag(response, item.version)
    return item


@router.patch("/knowledge-items/{item_id}", responses=problem_responses(401, 403, 404, 412, 422, 428))
async def update_knowledge_item(
    item_id: uuid.UUID,
    body: KnowledgeItemUpdate,
    principal: PrincipalDep,
    session: SessionDep,
    response: Response,
    if_match: RequiredIfMatch = None,
) -> KnowledgeItemRead:
    """Every change of title, body or summary is kept as a new revision."""
    item = await service.update_item(session, principal, item_id, body, if_match)
    set_etag(response, item.version)
    return item


@router.post("/knowledge-items/{item_id}/archive", responses=problem_responses(401, 403, 404, 412, 422))
async def archive_knowledge_item(
    item_id: uuid.UUID, principal: PrincipalDep, session: SessionDep, response: Response, if_match: IfMatch = None
) -> KnowledgeItemRead:
    """Hide an item from lists and search (facilitators, admins). Its history stays."""
    item = await service.set_archived(session, principal, item_id, True, if_match)
    set_etag(response, item.version)
    return item


@router.post("/knowledge-items/{item_id}/unarchive", responses=problem_responses(401, 403, 404, 412, 422))
async def unarchive_knowledge_item(
    item_id: uuid.UUID, principal: PrincipalDep, session: SessionDep, response: Response, if_match: IfMatch = None
) -> KnowledgeItemRead:
    item = await service.set_archived(session, principal, item_id, False, if_match)
    set_etag(response, item.version)
    return item


@router.get("/knowledge-items/{item_id}/revisions", responses=problem_responses(400, 404, 422))
async def list_knowledge_revisions(
    item_id: uuid.UUID, principal: PrincipalDep, session: SessionDep, page: PageDep
) -> KnowledgeRevisionPage:
    """Newest first."""
    items, next_cursor = await service.list_revisions(session, principal, item_id, page)
    return KnowledgeRevisionPage(items=items, next_cursor=next_cursor)


@router.get("/knowledge-items/{item_id}/revisions/{number}", responses=problem_responses(404, 422))
async def get_knowledge_revision(
    item_id: uuid.UUID, number: RevisionNumber, principal: PrincipalDep, session: SessionDep
) -> KnowledgeRevisionRead:
    return await service.get_revision(session, principal, item_id, number)


@router.get("/knowledge-items/{item_id}/diff", responses=problem_responses(404, 422))
async def diff_knowledge_revisions(
    item_id: uuid.UUID,
    principal: PrincipalDep,
    session: SessionDep,
    from_number: FromRevision,
    to_number: ToRevision,
) -> RevisionDiff:
    return await service.diff_revisions(session, principal, item_id, from_number, to_number)


@router.post(
    "/knowledge-items/{item_id}/attachments",
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(401, 403, 404, 413, 422),
)
async def upload_attachment(
    item_id: uuid.UUID,
    principal: PrincipalDep,
    session: SessionDep,
    settings: SettingsDep,
    file: Annotated[UploadFile, File()],
) -> AttachmentRead:
    """PDF, Office documents, images, CSV or plain text, recognised by their bytes; size limit from settings."""
    data = await file.read(settings.attachment_max_bytes + 1)
    return await service.add_attachment(session, principal, settings, item_id, file.filename or "", data)


@router.get(
    "/attachments/{attachment_id}/download",
    response_class=FileResponse,
    responses={200: {"content": {"application/octet-stream": {}}}, **problem_responses(404, 422)},
)
async def download_attachment(
    attachment_id: uuid.UUID, principal: PrincipalDep, session: SessionDep, settings: SettingsDep
) -> FileResponse:
    """The file, always as a download, only to those who may see its knowledge item."""
    attachment, path = await service.attachment_file(session, principal, settings, attachment_id)
    if not path.is_file():
        raise NotFound("The file of this attachment is missing from storage.", code="file_missing")
    ascii_name = attachment.filename.encode("ascii", "replace").decode().replace('"', "'").replace("?", "_")
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(attachment.filename)}"
    return FileResponse(
        path,
        media_type=attachment.content_type,
        headers={"Content-Disposition": disposition, "Cache-Control": "private, no-store"},
    )


@router.delete(
    "/attachments/{attachment_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(401, 403, 404, 422),
)
async def delete_attachment(
    attachment_id: uuid.UUID, principal: PrincipalDep, session: SessionDep, settings: SettingsDep
) -> None:
    await service.delete_attachment(session, principal, settings, attachment_id)
