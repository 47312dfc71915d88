"""What each page a preview keeps between rebuilds is made from (see `memo.py`).

A key holds the tokens of the briefings a page shows (`data.Entry.token`: their files' and
sources' state) and whatever else of the site it prints, so that equal keys mean equal pages.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any

from ..model import Briefing
from .index import ActorInfo
from .stories import Story

Tokens = Callable[[Iterable[Briefing]], tuple[str, ...]]
Numbers = Callable[[], dict[int, int]]
"""id() of each timeline entry of the build -> its place in its briefing."""


def names(actors: dict[str, ActorInfo]) -> Hashable:
    """Every actor's name and kind, as pages that name other actors show them: renaming an actor
    renders every actor page again, a rare edit; counting each page's co-actors would be paid on
    every save."""
    return tuple((a.id, a.name, a.kind) for a in actors.values())


def actor(tokens: Tokens, info: ActorInfo, all_names: Hashable) -> Hashable:
    """An actor page: its briefings, what the registry says of the actor, and the names of
    those it appears with (`names`)."""
    return (
        tokens(info.briefings),
        info.name,
        info.kind,
        tuple(sorted(info.aliases)),
        info.description,
        all_names,
    )


def story(tokens: Tokens, all_names: Hashable, s: Story) -> Hashable:
    """A story page: its briefings with their actors' ids (which another file's identities may
    change, not these files), whether an editor linked it, and every actor's name (`names`)."""
    return (
        s.id,
        s.pinned,
        tokens(s.briefings),
        tuple(tuple(a.id for a in b.actors) for b in s.briefings),
        all_names,
    )


def weeks(tokens: Tokens, shown: list[tuple[str, list[Briefing]]]) -> Hashable:
    """A month page: its weeks' labels and briefings."""
    return tuple((label, tokens(bs)) for label, bs in shown)


def events(tokens: Tokens, numbers: Numbers, rows: list[tuple[Briefing, Any]]) -> Hashable:
    """A list of dated events: each event's briefing and place in it."""
    number = numbers()
    return tuple((tokens([b])[0], number[id(t)]) for b, t in rows)


def timeline(
    tokens: Tokens, numbers: Numbers, latest: list[tuple[str, list[Any]]], months: list[tuple[str, int]]
) -> Hashable:
    """The timeline page: the events of the latest months and how many each month has."""
    return tuple((k, events(tokens, numbers, rows)) for k, rows in latest), tuple(months)
