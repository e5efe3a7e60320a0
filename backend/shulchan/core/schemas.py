"""Base classes for request and response bodies, and the helpers that give them examples in the spec."""

import re
from typing import Annotated, Any

from fastapi import Path, Query
from pydantic import AfterValidator, BaseModel, ConfigDict

from shulchan.core.errors import UnprocessableEntity

# Revision numbers are INTEGER columns: a larger number names no revision, and must not reach the
# database (which would refuse it with an error of its own, a 500) to learn that.
MAX_REVISION = 2**31 - 1
RevisionNumber = Annotated[int, Path(ge=1, le=MAX_REVISION)]
FromRevision = Annotated[int, Query(alias="from", ge=1, le=MAX_REVISION)]
ToRevision = Annotated[int, Query(alias="to", ge=1, le=MAX_REVISION)]


# Embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069) reorder what follows them: in a
# name, "report\u202eFDP.exe" reads as "reportexe.PDF". Names keep their letters and lose these.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def without_bidi_controls(text: str) -> str:
    return _BIDI_CONTROLS.sub("", text)


def _shown_name(text: str) -> str:
    cleaned = without_bidi_controls(text).strip()
    if text and not cleaned:
        raise ValueError("must have visible text, not only direction controls")
    return cleaned


# A name people read as a name (a title shown like a file name): without direction controls.
ShownName = Annotated[str, AfterValidator(_shown_name)]


class RequestBody(BaseModel):
    """Unknown fields are an error (422), not silently dropped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class PatchBody(RequestBody):
    """Only the fields sent are changed. Fields typed without None refuse an explicit null."""

    def changes(self) -> dict[str, Any]:
        return self.model_dump(exclude_unset=True)


class ReadModel(BaseModel):
    model_config = ConfigDict(from_attributes=True)


def apply_changes(target: object, changes: dict[str, Any]) -> None:
    for name, value in changes.items():
        if not hasattr(target, name):
            raise UnprocessableEntity(f"Unknown field '{name}'.")
        setattr(target, name, value)


# --- examples in the spec -------------------------------------------------------------------------
# Every request body and every response shows a whole example in Swagger UI. The examples are drawn
# from one imagined afternoon of the demo world's PMO roundtable, so that ids agree across them: the
# meeting an agenda item belongs to is the meeting shown by the meeting examples, and so on.
# tests/test_openapi_examples.py validates every example against its own model.


def examples(*values: dict[str, Any]) -> ConfigDict:
    """Model-level examples, as JSON (ids, dates and enums as strings).

    pydantic merges a subclass's config with its base's, so a RequestBody keeps extra="forbid" and a
    ReadModel keeps from_attributes. Subclasses inherit the examples: give them their own.
    """
    return ConfigDict(json_schema_extra={"examples": list(values)})


def page_examples(*items: dict[str, Any]) -> ConfigDict:
    """Examples for a Page of these items, with a cursor to a next page."""
    return examples({"items": list(items), "next_cursor": EXAMPLE_CURSOR})


EXAMPLE_CURSOR = "WyJjcmVhdGVkX2F0IixbeyJ1IjoiMDFhMjI2NzItZGU1ZS03M2Q5LThlNWItYzM3MDVhY2E0OGI3In1dXQ"


class ExampleId:
    """Ids the examples share."""

    sector_government = "01a22672-ddf5-77de-bc21-7f55d45999c4"
    sector_business = "01a22672-ddf5-77de-bc21-7f55d45999c5"
    sector_civil_society = "01a22672-ddf5-77de-bc21-7f55d45999c6"
    organisation_pmo = "01a22672-ddf7-71c5-9200-59c79d09cd64"
    organisation_education = "01a22672-ddf7-71c5-9200-59c79d09cd65"
    organisation_shatil = "01a22672-ddf7-71c5-9200-59c79d09cd79"
    user_facilitator = "01a22672-de55-77d3-b71a-2b9fd3adcbbf"
    user_host = "01a22672-de53-714a-8c98-59e7ad197031"
    user_member = "01a22672-de56-7651-8dea-aec23ef2e12b"
    stakeholder_facilitator = "01a22672-de58-743a-ba13-43d46affbf0a"
    stakeholder_host = "01a22672-de58-743a-ba13-43d46affbedd"
    stakeholder_host_alternate = "01a22672-de58-743a-ba13-43d46affbede"
    stakeholder_member = "01a22672-de58-743a-ba13-43d46affbf0d"
    stakeholder_business = "01a22672-de58-743a-ba13-43d46affbefb"
    roundtable = "01a22672-de5b-754b-ba85-afab40ad9875"
    goal = "01a22672-de5d-76be-97e8-3b079a769e28"
    seat_facilitator = "01a22672-de5e-73d9-8e5b-c3705aca48b5"
    seat_host = "01a22672-de5e-73d9-8e5b-c3705aca48b7"
    seat_member = "01a22672-de5e-73d9-8e5b-c3705aca48c0"
    seat_business = "01a22672-de5e-73d9-8e5b-c3705aca48bb"
    meeting = "01a22672-de70-7280-8a03-c9e8e9208297"
    agenda_item = "01a22672-de9d-70f9-9035-bfe107a86c81"
    agenda_item_next = "01a22672-de9d-70f9-9035-bfe107a86c82"
    invitation = "01a22672-de9d-70f9-9035-bfe107a86c5f"
    attendance = "01a22672-de9d-70f9-9035-bfe107a86c60"
    speaking_turn = "01a22672-de9d-70f9-9035-bfe107a86c8a"
    process_note = "01a22672-de9d-70f9-9035-bfe107a86c8e"
    minutes = "01a22672-de9d-70f9-9035-bfe107a86c90"
    minutes_comment = "01a22672-de9d-70f9-9035-bfe107a86c94"
    decision = "01a22672-de71-728e-b091-029bf8c2dbb7"
    action_item = "01a22672-de9e-75d3-b977-7a373e1cba5b"
    knowledge_item = "01a22672-de6c-76af-9f7d-d65dc3890f54"
    knowledge_revision = "01a22672-de6c-76af-9f7d-d65dc3890f55"
    attachment = "01a22672-df10-7a2b-9c3d-4e5f60718293"
    audit_event = "01a22672-df12-7c4d-8e5f-6a7b8c9d0e1f"
