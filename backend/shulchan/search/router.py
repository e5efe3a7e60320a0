import uuid
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query

from shulchan.access.dependencies import PrincipalDep, SessionDep
from shulchan.core.errors import problem_responses
from shulchan.core.pagination import PageDep
from shulchan.search import service
from shulchan.search.schemas import SearchPage

router = APIRouter(tags=["search"])


@router.get("/search", responses=problem_responses(400, 422))
async def search(
    principal: PrincipalDep,
    session: SessionDep,
    page: PageDep,
    q: Annotated[str, Query(min_length=1, max_length=300, description="Words to find, Hebrew or English.")],
    roundtable_id: uuid.UUID | None = None,
    entity_type: Literal["knowledge_item", "decision", "minutes", "meeting", "action_item"] | None = None,
    kind: Annotated[str | None, Query(max_length=40)] = None,
    tag: Annotated[str | None, Query(max_length=60)] = None,
    language: Literal["he", "en"] | None = None,
    occurred_from: Annotated[date | None, Query(alias="from")] = None,
    occurred_to: Annotated[date | None, Query(alias="to")] = None,
) -> SearchPage:
    """Ranked search over what you may see: knowledge items, decisions, approved minutes, meetings (with
    their agenda) and action items, with snippets. Filter by roundtable, `entity_type`, kind, date.

    Hebrew words are found in all their forms (hspell's lemmas: `זכות` finds `זכויות`, `ניצול` finds
    `הניצולים`); a prefix comes off only where the rest is a word (`שרד` does not find `משרד`). The word
    as typed ranks above its other forms, which rank above a form behind prefix letters; titles above
    bodies. A query that finds nothing may come back with `did_you_mean`. English finds word forms.
    """
    items, next_cursor, did_you_mean = await service.search(
        session,
        principal,
        q,
        page,
        roundtable_id=roundtable_id,
        entity_type=entity_type,
        kind=kind,
        tag=tag,
        language=language,
        occurred_from=occurred_from,
        occurred_to=occurred_to,
    )
    return SearchPage(items=items, next_cursor=next_cursor, did_you_mean=did_you_mean)
