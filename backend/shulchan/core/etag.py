"""ETag / If-Match for versioned objects: a stale write answers 412 and changes nothing."""

from typing import Annotated

from fastapi import Header, Response

from shulchan.core.errors import PreconditionFailed


def etag_for(version: int) -> str:
    return f'"{version}"'


def set_etag(response: Response, version: int) -> None:
    response.headers["ETag"] = etag_for(version)


def check_if_match(if_match: str | None, current_version: int) -> None:
    """No header: accepted (the response's ETag tells the caller the version they now hold)."""
    if if_match is None:
        return
    candidates = {tag.strip().removeprefix("W/") for tag in if_match.split(",")}
    if "*" in candidates or etag_for(current_version) in candidates:
        return
    raise PreconditionFailed(
        f"This object has changed since you read it (it is now at version {current_version}); "
        "fetch it again and reapply your change.",
        code="stale_version",
        extra={"current_version": current_version},
    )


IfMatch = Annotated[
    str | None,
    Header(description="The ETag from your last read. A stale one answers 412 and changes nothing."),
]
