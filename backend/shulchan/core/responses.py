"""Answering with a model serialised once, in Rust, skipping FastAPI's second validation pass.

The route keeps `response_model=` (or its return annotation) for the spec; the handler returns the
Response built here. Used on the hot read paths, where that second pass was a large share of the cost.
"""

from typing import Any

from fastapi import Response
from pydantic import BaseModel
from pydantic_core import to_json

from shulchan.core.etag import etag_for

JSON = "application/json"


def model_response(model: BaseModel, *, version: int | None = None, status_code: int = 200) -> Response:
    headers = {"ETag": etag_for(version)} if version is not None else None
    return Response(model.model_dump_json(), status_code=status_code, media_type=JSON, headers=headers)


def json_response(payload: Any, *, status_code: int = 200) -> Response:
    """Plain data (dicts, lists, UUIDs, datetimes, enums) serialised as pydantic would serialise it."""
    return Response(to_json(payload), status_code=status_code, media_type=JSON)
