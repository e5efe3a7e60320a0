"""One state-machine helper for every lifecycle (roundtable, meeting, minutes, decision).

The allowed moves are data; a move that is not allowed answers one 409 (`invalid_transition`) that
names the current state and the states allowed from it; an allowed move goes through the write path,
which records who moved it, when, and why (the reason is kept in the audit entry), and announces it
as `<object>.<new state>` (meeting.cancelled, minutes.circulated, decision.adopted).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.access.permissions import Principal
from shulchan.core.errors import InvalidTransition
from shulchan.events.service import changing
from shulchan.events.tracking import tracked

S = TypeVar("S", bound=StrEnum)


@dataclass(frozen=True)
class Lifecycle(Generic[S]):
    what: str  # "meeting", as in "A meeting cannot go from 'held' to 'planned'."
    transitions: Mapping[S, frozenset[S]]
    field: str = "status"
    subject: str | None = None  # how the 409 names it where "A/An <what>" reads wrong: "Minutes"

    def allowed(self, current: S) -> frozenset[S]:
        return self.transitions[current]

    def check(self, current: S, target: S) -> None:
        allowed = self.allowed(current)
        if target not in allowed:
            subject = self.subject or f"{'An' if self.what[0] in 'aeiou' else 'A'} {self.what}"
            raise InvalidTransition(
                f"{subject} cannot go from '{current.value}' to '{target.value}'.",
                extra={"from": current.value, "allowed": sorted(state.value for state in allowed)},
            )

    async def move(
        self,
        session: AsyncSession,
        principal: Principal,
        obj: Any,
        target: S,
        *,
        reason: str | None = None,
        also: Mapping[str, Any] | None = None,
    ) -> S:
        """Check and make the move (with any fields that change with it); returns the state it left."""
        current: S = getattr(obj, self.field)
        self.check(current, target)
        async with changing(
            session,
            principal,
            obj,
            action="transition",
            event=f"{tracked(obj).name}.{target.value}",
            note={"reason": reason} if reason else None,
        ):
            setattr(obj, self.field, target)
            for name, value in (also or {}).items():
                setattr(obj, name, value)
        return current
