"""The knowledge library: who sees what, edits with revisions, links, attachments, diffs.

Every change goes through the write path (events.service): items, links and attachments are
registered below with `track`, and the audit entry, the search-index update (through the item's
`index` hook) and the domain event come from there, never from the functions in this module.
"""

import json
import uuid
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, String, cast, event, not_, or_, select
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
from shulchan.audit import visibility as audit_visibility
from shulchan.audit.models import AuditEvent
from shulchan.core import textdiff
from shulchan.core.config import Settings
from shulchan.core.errors import Forbidden, NotFound, PayloadTooLarge, UnprocessableEntity
from shulchan.core.etag import check_if_match
from shulchan.core.models import Language, utcnow
from shulchan.core.pagination import PageParams, SortKey, apply_keyset, split_page
from shulchan.core.schemas import apply_changes
from shulchan.events import service as changes
from shulchan.events.tracking import Tracked, own_roundtable, through, track
from shulchan.knowledge import files
from shulchan.knowledge.links import target_roundtable
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
    KnowledgeLinkRead,
    KnowledgeLinkRef,
    KnowledgeRevisionRead,
    KnowledgeRevisionSummary,
    RevisionDiff,
)
from shulchan.roundtables.models import Roundtable, public_roundtable_ids
from shulchan.search import index as search_index

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


# --- read shapes: one mapping per object ------------------------------------------------------------


async def item_read(session: AsyncSession, item: KnowledgeItem) -> KnowledgeItemRead:
    """An item with its links and attachments: the API's answer and its events' payload."""
    links = (
        await session.scalars(
            select(KnowledgeLink).where(KnowledgeLink.knowledge_item_id == item.id).order_by(KnowledgeLink.id)
        )
    ).all()
    attachments = (
        await session.scalars(select(Attachment).where(Attachment.knowledge_item_id == item.id).order_by(Attachment.id))
    ).all()
    return KnowledgeItemRead.model_validate(item).model_copy(
        update={
            "links": [KnowledgeLinkRef(target_type=link.target_type, target_id=link.target_id) for link in links],
            "attachments": [attachment_read(a) for a in attachments],
        }
    )


def item_summary(columns: Mapping[Any, Any]) -> KnowledgeItemSummary:
    """A list row (SUMMARY_COLUMNS, no ORM object) as the summary."""
    return KnowledgeItemSummary.model_validate(columns)


def link_read(link: KnowledgeLink) -> KnowledgeLinkRead:
    return KnowledgeLinkRead.model_validate(link)


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


def revision_read(revision: KnowledgeRevision) -> KnowledgeRevisionRead:
    return KnowledgeRevisionRead.model_validate(revision)


def revision_summary(revision: KnowledgeRevision) -> KnowledgeRevisionSummary:
    return KnowledgeRevisionSummary.model_validate(revision)


# --- how the write path sees these objects ---------------------------------------------------------


async def index_item(session: AsyncSession, item: KnowledgeItem) -> None:
    """The item's search entry, kept in step on every change (archived items stay, hidden)."""
    await search_index.upsert(
        session,
        entity_type="knowledge_item",
        entity_id=item.id,
        roundtable_id=item.roundtable_id,
        level=item.visibility.value,
        kind=item.kind.value,
        language=item.language.value,
        tags=item.tags,
        title=item.title,
        body="\n\n".join(part for part in (item.summary, item.body) if part),
        occurred_on=item.created_at.date(),
        hidden=item.archived_at is not None,
    )


async def unindex_item(session: AsyncSession, item: KnowledgeItem) -> None:
    await search_index.remove(session, "knowledge_item", item.id)


async def _item_payload(session: AsyncSession, item: KnowledgeItem) -> dict[str, Any]:
    return (await item_read(session, item)).model_dump(mode="json")


async def _link_payload(_session: AsyncSession, link: KnowledgeLink) -> dict[str, Any]:
    return link_read(link).model_dump(mode="json")


async def _attachment_payload(_session: AsyncSession, attachment: Attachment) -> dict[str, Any]:
    return attachment_read(attachment).model_dump(mode="json")


_in_item = through(KnowledgeItem, "knowledge_item_id")
track(KnowledgeItem, Tracked("knowledge_item", _item_payload, own_roundtable, index=index_item, unindex=unindex_item))
track(KnowledgeLink, Tracked("knowledge_link", _link_payload, _in_item))
track(Attachment, Tracked("attachment", _attachment_payload, _in_item))


async def _hidden_item_ids(session: AsyncSession, principal: Principal, roundtable_id: uuid.UUID) -> list[uuid.UUID]:
    stmt = select(KnowledgeItem.id).where(
        KnowledgeItem.roundtable_id == roundtable_id, not_(visible_knowledge_clause(principal))
    )
    return list((await session.scalars(stmt)).all())


async def _audited_items(session: AsyncSession, principal: Principal, roundtable_id: uuid.UUID) -> ColumnElement[bool]:
    return AuditEvent.entity_id.not_in(await _hidden_item_ids(session, principal, roundtable_id))


async def _audited_in_items(
    session: AsyncSession, principal: Principal, roundtable_id: uuid.UUID
) -> ColumnElement[bool]:
    """Attachments and links by their item, as recorded in the entry: a deleted one has no row left."""
    hidden = [str(item_id) for item_id in await _hidden_item_ids(session, principal, roundtable_id)]
    return audit_visibility.snapshot_value("knowledge_item_id").not_in(hidden)


# An item's audit entries (title, body, file names) are read by whoever may read the item.
audit_visibility.register(KnowledgeItem.__tablename__, _audited_items)
audit_visibility.register(KnowledgeLink.__tablename__, _audited_in_items)
audit_visibility.register(Attachment.__tablename__, _audited_in_items)


# --- reading ---------------------------------------------------------------------------------------


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
    updated_since: datetime | None = None,
) -> tuple[list[KnowledgeItemSummary], str | None]:
    key = SORTS[sort.lstrip("-")]
    stmt = select(*SUMMARY_COLUMNS).where(visible_knowledge_clause(principal))
    if updated_since:
        stmt = stmt.where(KnowledgeItem.updated_at >= updated_since)
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
    return [item_summary(row._mapping) for row in page], next_cursor


def _has_tag(tag: str) -> ColumnElement[bool]:
    # JSON containment differs per database; a quoted-substring match works on both and is exact
    # because tags are stored (lower case) as a JSON array of strings. SQLite's JSON escapes
    # non-ASCII letters as \uXXXX while PostgreSQL's JSONB text keeps them, so both spellings match.
    tag = tag.strip().lower()
    stored = cast(KnowledgeItem.tags, String)
    spellings = dict.fromkeys((json.dumps(tag), json.dumps(tag, ensure_ascii=False)))
    return or_(*(stored.contains(quoted, autoescape=True) for quoted in spellings))


async def _get_item(
    session: AsyncSession, principal: Principal, item_id: uuid.UUID, *, lock: bool = False
) -> KnowledgeItem:
    """The scoped fetch (404 for the missing and the hidden alike); with `lock`, under a row lock.

    Who sees an item depends on its roundtable's visibility, a fact in another table, so the rule is
    a WHERE clause (as for lists) rather than a check in Python through access.visibility.
    """
    stmt = select(KnowledgeItem).where(KnowledgeItem.id == item_id, visible_knowledge_clause(principal))
    if lock:
        stmt = stmt.execution_options(populate_existing=True)
        if session.get_bind().dialect.name == "postgresql":
            stmt = stmt.with_for_update(of=KnowledgeItem)
    item = await session.scalar(stmt)
    if item is None:
        raise NotFound("No knowledge item with this id is visible to you.")
    return item


async def read_item(session: AsyncSession, principal: Principal, item_id: uuid.UUID) -> KnowledgeItemRead:
    return await item_read(session, await _get_item(session, principal, item_id))


# --- who may change what ---------------------------------------------------------------------------


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


def _require_archive(principal: Principal, item: KnowledgeItem) -> None:
    if item.roundtable_id is None:
        require_platform(principal, PlatformPermission.knowledge_library_manage)
    else:
        require(principal, Permission.knowledge_edit_any, item.roundtable_id)


# --- links -----------------------------------------------------------------------------------------

LinkKey = tuple[str, uuid.UUID]


async def _checked_links(
    session: AsyncSession, principal: Principal, roundtable_id: uuid.UUID | None, links: list[KnowledgeLinkRef]
) -> list[LinkKey]:
    """The links asked for, each once, in order; 422 for a target that is missing, hidden from the
    caller, or (for a roundtable's item) in another roundtable."""
    wanted = list(dict.fromkeys((link.target_type, link.target_id) for link in links))
    for target_type, target_id in wanted:
        owner = await target_roundtable(session, target_type, target_id)
        if (
            owner is None
            or not principal.can(Permission.roundtable_view, owner)
            or (roundtable_id is not None and owner != roundtable_id)
        ):
            raise UnprocessableEntity(
                f"No {target_type} {target_id} in this item's roundtable is visible to you.",
                code="unknown_link_target",
            )
    return wanted


async def _relink(
    session: AsyncSession, principal: Principal, item: KnowledgeItem, wanted: list[LinkKey]
) -> dict[str, Any] | None:
    """Make the item's links the wanted ones: each link removed or added is its own change (and
    event); links that stay are left alone. Returns the audit note for the item, None if unchanged."""
    current = {
        (link.target_type, link.target_id): link
        for link in await session.scalars(
            select(KnowledgeLink).where(KnowledgeLink.knowledge_item_id == item.id).order_by(KnowledgeLink.id)
        )
    }
    removed = [link for key, link in current.items() if key not in wanted]
    added = [key for key in wanted if key not in current]
    if not removed and not added:
        return None
    for link in removed:
        await changes.deleted(session, principal, link)
    for target_type, target_id in added:
        link = KnowledgeLink(knowledge_item_id=item.id, target_type=target_type, target_id=target_id)
        await changes.created(session, principal, link)

    def plain(keys: Iterable[LinkKey]) -> list[list[str]]:
        return [[target_type, str(target_id)] for target_type, target_id in keys]

    return {"links": {"before": plain(current), "after": plain(wanted)}}


# --- items -----------------------------------------------------------------------------------------


def _clean_tags(tags: list[str]) -> list[str]:
    return list(dict.fromkeys(tag.strip().lower() for tag in tags if tag.strip()))


def _new_revision(item: KnowledgeItem, principal: Principal) -> KnowledgeRevision:
    return KnowledgeRevision(
        knowledge_item_id=item.id,
        number=item.revision,
        title=item.title,
        body=item.body,
        summary=item.summary,
        created_by_user_id=principal.user_id,
    )


async def create_item(session: AsyncSession, principal: Principal, body: KnowledgeItemCreate) -> KnowledgeItemRead:
    require_authenticated(principal)
    if body.roundtable_id is not None:
        await get_visible(session, principal, Roundtable, body.roundtable_id)
    _require_add(principal, body.roundtable_id)
    _require_visibility_choice(principal, body.roundtable_id, body.visibility)
    wanted = await _checked_links(session, principal, body.roundtable_id, body.links)
    values = body.model_dump(exclude={"links"})
    values["tags"] = _clean_tags(values["tags"])
    item = KnowledgeItem(created_by_user_id=principal.user_id, revision=1, **values)
    session.add(item)
    await session.flush()  # the id, for the first revision and the links
    session.add(_new_revision(item, principal))
    links = [KnowledgeLink(knowledge_item_id=item.id, target_type=t, target_id=i) for t, i in wanted]
    session.add_all(links)
    await changes.created(session, principal, item)  # announced with its links, then each link
    for link in links:
        await changes.created(session, principal, link)
    return await item_read(session, item)


async def update_item(
    session: AsyncSession, principal: Principal, item_id: uuid.UUID, body: KnowledgeItemUpdate, if_match: str | None
) -> KnowledgeItemRead:
    """Every change of title, body or summary is a new revision; a change of links alone still
    moves the item's version (its links are part of what a client reads)."""
    item = await _get_item(session, principal, item_id, lock=True)
    _require_edit(principal, item)
    check_if_match(if_match, item.version, required=True)
    patch = body.changes()
    if "visibility" in patch:
        _require_visibility_choice(principal, item.roundtable_id, patch["visibility"])
    wanted = None
    if "links" in patch:
        wanted = await _checked_links(session, principal, item.roundtable_id, body.links)
        del patch["links"]
    if "tags" in patch:
        patch["tags"] = _clean_tags(patch["tags"])
    revised = any(name in patch and patch[name] != getattr(item, name) for name in REVISED_FIELDS)
    note = await _relink(session, principal, item, wanted) if wanted is not None else None
    async with changes.changing(session, principal, item, note=note):
        apply_changes(item, patch)
        if revised:
            item.revision += 1
            session.add(_new_revision(item, principal))
        elif note:
            item.updated_at = utcnow()
    return await item_read(session, item)


async def set_archived(
    session: AsyncSession, principal: Principal, item_id: uuid.UUID, archived: bool, if_match: str | None
) -> KnowledgeItemRead:
    """Archiving hides an item from lists and search; only facilitators and admins archive."""
    item = await _get_item(session, principal, item_id, lock=True)
    _require_archive(principal, item)
    check_if_match(if_match, item.version)
    action = "archive" if archived else "unarchive"
    async with changes.changing(session, principal, item, action=action, event=f"knowledge_item.{action}d"):
        item.archived_at = utcnow() if archived else None
    return await item_read(session, item)


# --- revisions -------------------------------------------------------------------------------------


async def list_revisions(
    session: AsyncSession, principal: Principal, item_id: uuid.UUID, params: PageParams
) -> tuple[list[KnowledgeRevisionSummary], str | None]:
    await _get_item(session, principal, item_id)
    stmt: Select[Any] = select(KnowledgeRevision).where(KnowledgeRevision.knowledge_item_id == item_id)
    rows = (await session.scalars(apply_keyset(stmt, REVISION_SORT, "-number", params))).all()
    page, next_cursor = split_page(rows, REVISION_SORT, "-number", params)
    return [revision_summary(revision) for revision in page], next_cursor


async def _revision(session: AsyncSession, item_id: uuid.UUID, number: int) -> KnowledgeRevision:
    revision = await session.scalar(
        select(KnowledgeRevision).where(
            KnowledgeRevision.knowledge_item_id == item_id, KnowledgeRevision.number == number
        )
    )
    if revision is None:
        raise NotFound(f"This item has no revision {number}.")
    return revision


async def get_revision(
    session: AsyncSession, principal: Principal, item_id: uuid.UUID, number: int
) -> KnowledgeRevisionRead:
    await _get_item(session, principal, item_id)
    return revision_read(await _revision(session, item_id, number))


def _unified(before: str, after: str, label: str, from_number: int, to_number: int) -> str:
    # Lines are compared without their endings and every output line ends in one: stored text is
    # stripped, so a changed last line would otherwise run into the next ("-old+new").
    lines = textdiff.unified_diff(
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
    await _get_item(session, principal, item_id)
    old = await _revision(session, item_id, from_number)
    new = await _revision(session, item_id, to_number)
    texts = {name: (getattr(old, name), getattr(new, name)) for name in REVISED_FIELDS}  # read here, not in the thread
    texts["title"] = (texts["title"][0] + "\n", texts["title"][1] + "\n")

    def compare() -> dict[str, str]:
        return {name: _unified(*pair, name, from_number, to_number) for name, pair in texts.items()}

    return RevisionDiff(from_number=from_number, to_number=to_number, **await textdiff.off_the_loop(compare))


# --- attachments -----------------------------------------------------------------------------------


async def add_attachment(
    session: AsyncSession, principal: Principal, settings: Settings, item_id: uuid.UUID, filename: str, data: bytes
) -> AttachmentRead:
    item = await _get_item(session, principal, item_id, lock=True)
    _require_edit(principal, item)
    if len(data) > settings.attachment_max_bytes:
        raise PayloadTooLarge(f"Attachments may be at most {settings.attachment_max_bytes} bytes.")
    if not data:
        raise UnprocessableEntity("The file is empty.", code="empty_file")
    content_type = files.sniff_content_type(data, filename)
    store = settings.attachments_dir
    storage_name, sha256 = files.store(store, data)
    # Written (and flushed) under a partial name; it takes its name once the row is committed, and
    # goes if the request fails. A process killed in between leaves a partial file, never an orphan.
    _on_outcome(session, "after_commit", lambda: files.publish(store, storage_name))
    _on_outcome(session, "after_rollback", lambda: files.discard(store, storage_name))
    attachment = Attachment(
        knowledge_item_id=item.id,
        filename=files.safe_filename(filename),
        content_type=content_type,
        size_bytes=len(data),
        sha256=sha256,
        storage_name=storage_name,
        uploaded_by_user_id=principal.user_id,
    )
    await changes.created(session, principal, attachment)
    return attachment_read(attachment)


async def _get_attachment(
    session: AsyncSession, principal: Principal, attachment_id: uuid.UUID, *, lock: bool = False
) -> tuple[Attachment, KnowledgeItem]:
    """An attachment of a visible item, and that item (locked first with `lock`); 404 otherwise."""
    attachment = await session.get(Attachment, attachment_id)
    if attachment is None:
        raise NotFound("No attachment with this id is visible to you.")
    try:
        item = await _get_item(session, principal, attachment.knowledge_item_id, lock=lock)
    except NotFound as exc:
        raise NotFound("No attachment with this id is visible to you.") from exc
    return attachment, item


async def attachment_file(
    session: AsyncSession, principal: Principal, settings: Settings, attachment_id: uuid.UUID
) -> tuple[AttachmentRead, Path]:
    """An attachment the caller may see, and where its file is stored."""
    attachment, _ = await _get_attachment(session, principal, attachment_id)
    return attachment_read(attachment), files.stored_path(settings.attachments_dir, attachment.storage_name)


async def delete_attachment(
    session: AsyncSession, principal: Principal, settings: Settings, attachment_id: uuid.UUID
) -> None:
    attachment, item = await _get_attachment(session, principal, attachment_id, lock=True)
    _require_edit(principal, item)
    path = files.stored_path(settings.attachments_dir, attachment.storage_name)
    await changes.deleted(session, principal, attachment)
    # The file goes only once the row's removal is committed, so a failed request loses nothing.
    _on_outcome(session, "after_commit", lambda: path.unlink(missing_ok=True))


def _on_outcome(session: AsyncSession, outcome: str, action: Callable[[], None]) -> None:
    """Do `action` when the session's transaction reaches `outcome` (after_commit / after_rollback)."""
    event.listen(session.sync_session, outcome, lambda _session: action(), once=True)
