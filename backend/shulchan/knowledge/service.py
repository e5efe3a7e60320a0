"""The knowledge library: who sees what, edits with revisions, links, diffs."""

import difflib
import json
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, String, cast, delete, event, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.access.permissions import (
    Permission,
    PlatformPermission,
    Principal,
    require,
    require_authenticated,
    require_platform,
)
from shulchan.access.visibility import get_visible, visible_content_clause
from shulchan.audit import service as audit
from shulchan.core.config import Settings
from shulchan.core.errors import Forbidden, NotFound, PayloadTooLarge, UnprocessableEntity
from shulchan.core.etag import check_if_match
from shulchan.core.models import Language, utcnow
from shulchan.core.pagination import PageParams, SortKey, apply_keyset, split_page
from shulchan.core.schemas import apply_changes
from shulchan.decisions.models import Decision
from shulchan.knowledge import files
from shulchan.knowledge.models import (
    Attachment,
    KnowledgeItem,
    KnowledgeKind,
    KnowledgeLink,
    KnowledgeRevision,
    KnowledgeVisibility,
)
from shulchan.knowledge.schemas import (
    AttachmentRead,
    KnowledgeItemCreate,
    KnowledgeItemRead,
    KnowledgeItemSummary,
    KnowledgeItemUpdate,
    KnowledgeLinkRef,
    RevisionDiff,
)
from shulchan.meetings.models import AgendaItem, Meeting
from shulchan.roundtables.models import Roundtable, public_roundtable_ids
from shulchan.search import index

SORTS = {
    "updated_at": SortKey((KnowledgeItem.updated_at, KnowledgeItem.id)),
    "title": SortKey((KnowledgeItem.title, KnowledgeItem.id)),
    "created_at": SortKey((KnowledgeItem.id,)),
}
REVISION_SORT = SortKey((KnowledgeRevision.number,))
REVISED_FIELDS = ("title", "body", "summary")
SUMMARY_COLUMNS = (
    KnowledgeItem.id,
    KnowledgeItem.roundtable_id,
    KnowledgeItem.kind,
    KnowledgeItem.title,
    KnowledgeItem.summary,
    KnowledgeItem.tags,
    KnowledgeItem.language,
    KnowledgeItem.visibility,
    KnowledgeItem.revision,
    KnowledgeItem.archived_at,
    KnowledgeItem.updated_at,
    KnowledgeItem.version,
)


def visible_knowledge_clause(principal: Principal) -> ColumnElement[bool]:
    return visible_content_clause(
        principal, KnowledgeItem.roundtable_id, KnowledgeItem.visibility, public_roundtable_ids()
    )


async def visible_knowledge_ids(
    session: AsyncSession, principal: Principal, ids: Iterable[uuid.UUID]
) -> set[uuid.UUID]:
    wanted = list(ids)
    if not wanted:
        return set()
    stmt = select(KnowledgeItem.id).where(KnowledgeItem.id.in_(wanted), visible_knowledge_clause(principal))
    return set((await session.scalars(stmt)).all())


async def list_items(
    session: AsyncSession,
    principal: Principal,
    params: PageParams,
    sort: str,
    *,
    roundtable_id: uuid.UUID | None,
    library: bool,
    kind: KnowledgeKind | None,
    tag: str | None,
    language: Language | None,
    include_archived: bool,
) -> tuple[list[KnowledgeItemSummary], str | None]:
    key = SORTS[sort.lstrip("-")]
    stmt = select(*SUMMARY_COLUMNS).where(visible_knowledge_clause(principal))
    if roundtable_id:
        await get_visible(session, principal, Roundtable, roundtable_id)
        stmt = stmt.where(KnowledgeItem.roundtable_id == roundtable_id)
    if library:
        stmt = stmt.where(KnowledgeItem.roundtable_id.is_(None))
    if kind:
        stmt = stmt.where(KnowledgeItem.kind == kind)
    if language:
        stmt = stmt.where(KnowledgeItem.language == language)
    if not include_archived:
        stmt = stmt.where(KnowledgeItem.archived_at.is_(None))
    if tag:
        stmt = stmt.where(_has_tag(tag))
    rows = (await session.execute(apply_keyset(stmt, key, sort, params))).all()
    page, next_cursor = split_page(rows, key, sort, params)
    return [KnowledgeItemSummary.model_validate(row._mapping) for row in page], next_cursor


def _has_tag(tag: str) -> ColumnElement[bool]:
    # JSON containment differs per database; a quoted-substring match works on both and is exact
    # because tags are stored (lower case) as a JSON array of strings. SQLite's JSON escapes
    # non-ASCII letters as \uXXXX while PostgreSQL's JSONB text keeps them, so both spellings match.
    tag = tag.strip().lower()
    stored = cast(KnowledgeItem.tags, String)
    spellings = dict.fromkeys((json.dumps(tag), json.dumps(tag, ensure_ascii=False)))
    return or_(*(stored.contains(quoted, autoescape=True) for quoted in spellings))


async def get_item(session: AsyncSession, principal: Principal, item_id: uuid.UUID) -> KnowledgeItem:
    item = await session.scalar(
        select(KnowledgeItem).where(KnowledgeItem.id == item_id, visible_knowledge_clause(principal))
    )
    if item is None:
        raise NotFound("No knowledge item with this id is visible to you.")
    return item


async def read_item(session: AsyncSession, principal: Principal, item_id: uuid.UUID) -> KnowledgeItemRead:
    return await _read(session, await get_item(session, principal, item_id))


async def _read(session: AsyncSession, item: KnowledgeItem) -> KnowledgeItemRead:
    links = (
        await session.execute(
            select(KnowledgeLink.target_type, KnowledgeLink.target_id)
            .where(KnowledgeLink.knowledge_item_id == item.id)
            .order_by(KnowledgeLink.id)
        )
    ).all()
    attachments = (
        await session.scalars(select(Attachment).where(Attachment.knowledge_item_id == item.id).order_by(Attachment.id))
    ).all()
    return KnowledgeItemRead.model_validate(item).model_copy(
        update={
            "links": [KnowledgeLinkRef(target_type=t, target_id=i) for t, i in links],
            "attachments": [attachment_read(a) for a in attachments],
        }
    )


def attachment_read(attachment: Attachment) -> AttachmentRead:
    return AttachmentRead(
        id=attachment.id,
        knowledge_item_id=attachment.knowledge_item_id,
        filename=attachment.filename,
        content_type=attachment.content_type,
        size_bytes=attachment.size_bytes,
        sha256=attachment.sha256,
        created_at=attachment.created_at,
        download_url=f"/api/v1/attachments/{attachment.id}/download",
    )


def _require_add(principal: Principal, roundtable_id: uuid.UUID | None) -> None:
    if roundtable_id is None:
        require_platform(principal, PlatformPermission.knowledge_library_manage)
    else:
        require(principal, Permission.knowledge_add, roundtable_id)


def _require_visibility_choice(
    principal: Principal, roundtable_id: uuid.UUID | None, visibility: KnowledgeVisibility
) -> None:
    if visibility != KnowledgeVisibility.facilitators:
        return
    if roundtable_id is None:
        require_platform(principal, PlatformPermission.knowledge_library_manage)
    else:
        require(principal, Permission.knowledge_facilitators, roundtable_id)


def _require_edit(principal: Principal, item: KnowledgeItem) -> None:
    """Facilitators (and admins) edit anything; others edit what they added, while they still may add."""
    if item.roundtable_id is None:
        require_platform(principal, PlatformPermission.knowledge_library_manage)
        return
    if principal.can(Permission.knowledge_edit_any, item.roundtable_id):
        return
    require(principal, Permission.knowledge_add, item.roundtable_id)
    if item.created_by_user_id != principal.user_id:
        raise Forbidden("You may edit only the knowledge items you added.")


async def _check_links(
    session: AsyncSession, principal: Principal, roundtable_id: uuid.UUID | None, links: list[dict[str, Any]]
) -> None:
    for link in links:
        target_id = link["target_id"]
        if link["target_type"] == "meeting":
            owner = await session.scalar(select(Meeting.roundtable_id).where(Meeting.id == target_id))
        elif link["target_type"] == "agenda_item":
            owner = await session.scalar(
                select(Meeting.roundtable_id)
                .join(AgendaItem, AgendaItem.meeting_id == Meeting.id)
                .where(AgendaItem.id == target_id)
            )
        else:
            owner = await session.scalar(select(Decision.roundtable_id).where(Decision.id == target_id))
        if (
            owner is None
            or not principal.can(Permission.roundtable_view, owner)
            or (roundtable_id is not None and owner != roundtable_id)
        ):
            raise UnprocessableEntity(
                f"No {link['target_type']} {target_id} in this item's roundtable is visible to you.",
                code="unknown_link_target",
            )


async def _set_links(session: AsyncSession, item_id: uuid.UUID, links: list[dict[str, Any]]) -> None:
    await session.execute(delete(KnowledgeLink).where(KnowledgeLink.knowledge_item_id == item_id))
    seen = set()
    for link in links:
        key = (link["target_type"], link["target_id"])
        if key not in seen:
            seen.add(key)
            session.add(KnowledgeLink(knowledge_item_id=item_id, target_type=key[0], target_id=key[1]))


async def create_item(session: AsyncSession, principal: Principal, body: KnowledgeItemCreate) -> KnowledgeItemRead:
    require_authenticated(principal)
    if body.roundtable_id is not None:
        await get_visible(session, principal, Roundtable, body.roundtable_id)
    _require_add(principal, body.roundtable_id)
    _require_visibility_choice(principal, body.roundtable_id, body.visibility)
    values = body.model_dump()
    links = values.pop("links")
    await _check_links(session, principal, body.roundtable_id, links)
    values["tags"] = _clean_tags(values["tags"])
    item = KnowledgeItem(created_by_user_id=principal.user_id, revision=1, **values)
    session.add(item)
    await session.flush()
    session.add(
        KnowledgeRevision(
            knowledge_item_id=item.id,
            number=1,
            title=item.title,
            body=item.body,
            summary=item.summary,
            created_by_user_id=principal.user_id,
        )
    )
    await _set_links(session, item.id, links)
    await session.flush()
    audit.record_created(session, principal, item, roundtable_id=item.roundtable_id)
    await index.index_knowledge_item(session, item)
    return await _read(session, item)


def _clean_tags(tags: list[str]) -> list[str]:
    return list(dict.fromkeys(tag.strip().lower() for tag in tags if tag.strip()))


async def update_item(
    session: AsyncSession, principal: Principal, item_id: uuid.UUID, body: KnowledgeItemUpdate, if_match: str | None
) -> KnowledgeItemRead:
    item = await get_item(session, principal, item_id)
    _require_edit(principal, item)
    check_if_match(if_match, item.version)
    changes = body.changes()
    if "visibility" in changes:
        _require_visibility_choice(principal, item.roundtable_id, changes["visibility"])
    links = changes.pop("links", None)
    if links is not None:
        links = [link.model_dump() if hasattr(link, "model_dump") else link for link in links]
        await _check_links(session, principal, item.roundtable_id, links)
        await _set_links(session, item.id, links)
    if "tags" in changes:
        changes["tags"] = _clean_tags(changes["tags"])
    before = audit.snapshot(item)
    revised = any(name in changes and changes[name] != getattr(item, name) for name in REVISED_FIELDS)
    apply_changes(item, changes)
    if revised:
        item.revision += 1
        session.add(
            KnowledgeRevision(
                knowledge_item_id=item.id,
                number=item.revision,
                title=item.title,
                body=item.body,
                summary=item.summary,
                created_by_user_id=principal.user_id,
            )
        )
    elif links is not None:
        item.updated_at = utcnow()
    await session.flush()
    audit.record_updated(session, principal, item, before, roundtable_id=item.roundtable_id)
    await index.index_knowledge_item(session, item)
    return await _read(session, item)


async def set_archived(
    session: AsyncSession, principal: Principal, item_id: uuid.UUID, archived: bool, if_match: str | None
) -> KnowledgeItemRead:
    """Archiving hides an item from lists and search; only facilitators and admins archive."""
    item = await get_item(session, principal, item_id)
    if item.roundtable_id is None:
        require_platform(principal, PlatformPermission.knowledge_library_manage)
    else:
        require(principal, Permission.knowledge_edit_any, item.roundtable_id)
    check_if_match(if_match, item.version)
    before = audit.snapshot(item)
    item.archived_at = utcnow() if archived else None
    await session.flush()
    audit.record_updated(
        session,
        principal,
        item,
        before,
        roundtable_id=item.roundtable_id,
        action="archive" if archived else "unarchive",
    )
    await index.index_knowledge_item(session, item)
    return await _read(session, item)


async def list_revisions(
    session: AsyncSession, principal: Principal, item_id: uuid.UUID, params: PageParams
) -> tuple[list[KnowledgeRevision], str | None]:
    await get_item(session, principal, item_id)
    stmt: Select[Any] = select(KnowledgeRevision).where(KnowledgeRevision.knowledge_item_id == item_id)
    rows = (await session.scalars(apply_keyset(stmt, REVISION_SORT, "-number", params))).all()
    return split_page(rows, REVISION_SORT, "-number", params)


async def get_revision(
    session: AsyncSession, principal: Principal, item_id: uuid.UUID, number: int
) -> KnowledgeRevision:
    await get_item(session, principal, item_id)
    revision = await session.scalar(
        select(KnowledgeRevision).where(
            KnowledgeRevision.knowledge_item_id == item_id, KnowledgeRevision.number == number
        )
    )
    if revision is None:
        raise NotFound(f"This item has no revision {number}.")
    return revision


def _unified(before: str, after: str, label: str, from_number: int, to_number: int) -> str:
    # Lines are compared without their endings and every output line ends in one: stored text is
    # stripped, so a changed last line would otherwise run into the next ("-old+new").
    lines = difflib.unified_diff(
        before.splitlines(),
        after.splitlines(),
        fromfile=f"{label}@{from_number}",
        tofile=f"{label}@{to_number}",
        lineterm="",
    )
    return "".join(line + "\n" for line in lines)


async def diff_revisions(
    session: AsyncSession, principal: Principal, item_id: uuid.UUID, from_number: int, to_number: int
) -> RevisionDiff:
    old = await get_revision(session, principal, item_id, from_number)
    new = await get_revision(session, principal, item_id, to_number)
    return RevisionDiff(
        from_number=from_number,
        to_number=to_number,
        title=_unified(old.title + "\n", new.title + "\n", "title", from_number, to_number),
        body=_unified(old.body, new.body, "body", from_number, to_number),
        summary=_unified(old.summary, new.summary, "summary", from_number, to_number),
    )


# --- attachments -----------------------------------------------------------------------------------


async def add_attachment(
    session: AsyncSession, principal: Principal, settings: Settings, item_id: uuid.UUID, filename: str, data: bytes
) -> AttachmentRead:
    item = await get_item(session, principal, item_id)
    _require_edit(principal, item)
    if len(data) > settings.attachment_max_bytes:
        raise PayloadTooLarge(f"Attachments may be at most {settings.attachment_max_bytes} bytes.")
    if not data:
        raise UnprocessableEntity("The file is empty.", code="empty_file")
    content_type = files.sniff_content_type(data, filename)
    storage_name, sha256 = files.store(settings.attachments_dir, data)
    # The file is written before the row is committed; if the request fails, take the file back.
    _on_outcome(session, "after_rollback", files.stored_path(settings.attachments_dir, storage_name))
    attachment = Attachment(
        knowledge_item_id=item.id,
        filename=files.safe_filename(filename),
        content_type=content_type,
        size_bytes=len(data),
        sha256=sha256,
        storage_name=storage_name,
        uploaded_by_user_id=principal.user_id,
    )
    session.add(attachment)
    await session.flush()
    audit.record_created(session, principal, attachment, roundtable_id=item.roundtable_id)
    return attachment_read(attachment)


async def get_attachment(session: AsyncSession, principal: Principal, attachment_id: uuid.UUID) -> Attachment:
    attachment = await session.get(Attachment, attachment_id)
    if attachment is None:
        raise NotFound("No attachment with this id is visible to you.")
    try:
        await get_item(session, principal, attachment.knowledge_item_id)
    except NotFound as exc:
        raise NotFound("No attachment with this id is visible to you.") from exc
    return attachment


async def delete_attachment(
    session: AsyncSession, principal: Principal, settings: Settings, attachment_id: uuid.UUID
) -> None:
    attachment = await get_attachment(session, principal, attachment_id)
    item = await get_item(session, principal, attachment.knowledge_item_id)
    _require_edit(principal, item)
    audit.record_deleted(session, principal, attachment, roundtable_id=item.roundtable_id)
    await session.delete(attachment)
    await session.flush()
    # The file goes only once the row's removal is committed, so a failed request loses nothing.
    _on_outcome(session, "after_commit", files.stored_path(settings.attachments_dir, attachment.storage_name))


def _on_outcome(session: AsyncSession, outcome: str, path: Path) -> None:
    """Remove `path` when the session's transaction reaches `outcome` (after_commit / after_rollback)."""
    event.listen(session.sync_session, outcome, lambda _session: path.unlink(missing_ok=True), once=True)
