import uuid
from datetime import date

from pydantic import Field

from shulchan.core.pagination import Page
from shulchan.core.schemas import EXAMPLE_CURSOR, ExampleId, ReadModel, examples

# Hits for `q=תמיכה שקופה`: the highlights also mark a prefixed form ("התמיכה").
_DECISION_HIT = {
    "entity_type": "decision",
    "entity_id": ExampleId.decision,
    "roundtable_id": ExampleId.roundtable,
    "title": "עקרונות לתמיכה שקופה בארגוני החברה האזרחית",
    "kind": "recommendation",
    "language": None,
    "occurred_on": "2026-10-13",
    "score": 3.7721,
    "snippet": "עקרונות לתמיכה שקופה בארגוני החברה האזרחית — השולחן ממליץ למשרדי הממשלה: 1. לפרסם מבחני תמיכה "
    "אחידים ולוחות זמנים להגשה לפחות 60 יום מראש. 2. לנמק בכתב כל החלטת הקצאה ולפרסם את תוצ…",
    "highlights": [[9, 14], [15, 20], [88, 93]],
}
_KNOWLEDGE_HIT = {
    "entity_type": "knowledge_item",
    "entity_id": ExampleId.knowledge_item,
    "roundtable_id": ExampleId.roundtable,
    "title": "נייר עמדה: עקרונות לתמיכה שקופה בארגוני החברה האזרחית",
    "kind": "position_paper",
    "language": "he",
    "occurred_on": "2026-09-20",
    "score": 3.7297,
    "snippet": "נייר עמדה: עקרונות לתמיכה שקופה בארגוני החברה האזרחית — ## רקע מבחני התמיכה משתנים ממשרד למשרד. "
    "## המלצות מבחני תמיכה אחידים, פרסום מראש של לוחות הזמנים והסבר מנומק לכל החלטת הקצאה…",
    "highlights": [[20, 25], [26, 31], [70, 75], [112, 117]],
}


class SearchHit(ReadModel):
    model_config = examples(_DECISION_HIT)

    entity_type: str = Field(examples=["knowledge_item", "decision", "minutes"])
    entity_id: uuid.UUID
    roundtable_id: uuid.UUID | None
    title: str
    kind: str
    language: str | None
    occurred_on: date | None
    score: float = Field(description="Higher is more relevant; comparable within one result list only.")
    snippet: str = Field(description="Plain text around the first match.")
    highlights: list[tuple[int, int]] = Field(description="[start, end) character offsets of matches in snippet.")


class SearchPage(Page[SearchHit]):
    model_config = examples(
        {"items": [_DECISION_HIT, _KNOWLEDGE_HIT], "next_cursor": EXAMPLE_CURSOR, "did_you_mean": None}
    )

    did_you_mean: str | None = Field(
        default=None,
        description="For a query that found nothing: the query with its misspelled Hebrew words corrected "
        "(hspell's suggestions), when that finds something.",
        examples=["זכויות ניצולים"],
    )
