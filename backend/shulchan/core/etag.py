"""ETag / If-Match for versioned objects: a stale write answers 412 and changes nothing."""

from typing import Annotated

from fastapi import Header, Response

from shulchan.core.errors import PreconditionFailed, PreconditionRequired


def etag_for(version: int) -> str:
    return f'"{version}"'


def set_etag(response: Response, version: int) -> None:
    response.headers["ETag"] = etag_for(version)


def check_if_match(if_match: str | None, current_version: int, *, required: bool = False) -> None:
    """No header: accepted (the response's ETag tells the caller the version they now hold), except
    where `required`: the texts people edit together (minutes, knowledge items, decisions), where a
    change that does not say which version it was made to could overwrite someone else's: 428."""
    if if_match is None:
        if required:
            raise PreconditionRequired(
                "Several people edit this text: send the ETag of the version you edited as If-Match, "
                "so that nobody's change is silently overwritten.",
            )
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

# The same header on a co-edited text, where it is required (checked by the service, after the
# caller's right to see and change the object, so a 428 tells nothing about objects one may not see).
RequiredIfMatch = Annotated[
    str | None,
    Header(
        description="The ETag from your last read; required (428 without it). A stale one answers 412 "
        "and changes nothing."
    ),
]
