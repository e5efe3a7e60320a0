"""Base classes for request and response bodies."""

from typing import Any

from pydantic import BaseModel, ConfigDict

from shulchan.core.errors import UnprocessableEntity


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
