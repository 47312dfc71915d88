"""`calendar.ics`: the upcoming timeline entries as an iCalendar (RFC 5545) file to subscribe to.

Written by the `icalendar` library, which folds lines, escapes text and checks values. One
all-day event per upcoming entry: a day is one day, a week, month or range covers its days
(`DTEND` is the day after, as RFC 5545 has it for dates). The UID is made from the briefing id
and the entry's own words and place in the article, not its position in the list, so a calendar
app keeps the same event when an editor adds another entry; `DTSTAMP` is the briefing's
publication, so the same briefings always give the same file.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, time, timedelta
from urllib.parse import urlsplit

from icalendar import Calendar, Event

from .options import Options
from .upcoming import Upcoming
from .urls import briefing_url

PRODID = "-//Briefings//briefings calendar//EN"


def uid(u: Upcoming, domain: str) -> str:
    t = u.entry
    key = "\x1f".join([u.briefing.id, t.text, t.date or "", t.end or "", str(t.span or t.paragraph or "")])
    return f"{u.briefing.id}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:12]}@{domain}"


def calendar(items: list[Upcoming], options: Options, names: dict[str, str]) -> str:
    """The calendar file's text (CRLF lines, as RFC 5545 requires). `names`: actor id -> name."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"{options.site_name}: upcoming")
    cal.add("name", f"{options.site_name}: upcoming")
    domain = urlsplit(options.site_url or "").hostname or "briefings.invalid"
    for u in items:
        b, t = u.briefing, u.entry
        event = Event()
        event.add("uid", uid(u, domain))
        published = u.briefing.source.published
        stamp = datetime.combine(u.first, time()) if not published else datetime.fromisoformat(published[:10])
        event.add("dtstamp", stamp.replace(tzinfo=UTC))
        event.add("dtstart", u.first)
        event.add("dtend", u.last + timedelta(days=1))
        event.add("summary", t.event or t.text)
        who = ", ".join(dict.fromkeys(names.get(a, a) for a in t.actors))
        lines = [f"From: {b.title}", f"Date as written: {t.text}"]
        if who:
            lines.append(f"Who: {who}")
        url = briefing_url(b.id, options) + (f"#event-{u.number}" if u.number else "")
        lines.append(url)
        event.add("description", "\n".join(lines))
        if options.site_url:
            event.add("url", url)
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical().decode("utf-8")
