"""The shape of an API token: `shl_pat_` or `shl_sa_`, 32 random base62 characters and a checksum.

The prefix lets secret scanners (and people) recognise a leaked Shulchan token and tell a person's
from a service account's; the CRC-32 checksum lets a scanner, and this server, discard a mistyped or
made-up string without a database lookup (the scheme GitHub's tokens use).
"""

import secrets
import string
import zlib

from shulchan.integrations.models import ApiTokenKind

PREFIXES = {ApiTokenKind.personal: "shl_pat_", ApiTokenKind.service: "shl_sa_"}
_ALPHABET = string.digits + string.ascii_letters
_BODY_LENGTH = 32  # 32 × log2(62) ≈ 190 bits
_CHECKSUM_LENGTH = 6
HINT_LENGTH = 4  # random characters kept, after the prefix, to recognise a token in a list


def _base62(number: int, width: int) -> str:
    digits = []
    for _ in range(width):
        number, digit = divmod(number, 62)
        digits.append(_ALPHABET[digit])
    return "".join(reversed(digits))


def _checksum(body: str) -> str:
    return _base62(zlib.crc32(body.encode()), _CHECKSUM_LENGTH)


def new_token(kind: ApiTokenKind) -> str:
    body = "".join(secrets.choice(_ALPHABET) for _ in range(_BODY_LENGTH))
    return PREFIXES[kind] + body + _checksum(body)


def kind_of(token: str) -> ApiTokenKind | None:
    """The kind a well-formed token says it is; None for anything else (a JWT, a typo, a guess)."""
    for kind, prefix in PREFIXES.items():
        if token.startswith(prefix):
            rest = token[len(prefix) :]
            body, checksum = rest[:-_CHECKSUM_LENGTH], rest[-_CHECKSUM_LENGTH:]
            well_formed = len(body) == _BODY_LENGTH and all(char in _ALPHABET for char in rest)
            return kind if well_formed and secrets.compare_digest(checksum, _checksum(body)) else None
    return None


def hint_of(token: str) -> str:
    kind = kind_of(token)
    assert kind is not None
    return token[: len(PREFIXES[kind]) + HINT_LENGTH]
