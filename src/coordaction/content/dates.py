"""Dates as a French reader writes them: "12 décembre 2026 à 19 h".

Plone writes an event's dates with its short date format and its time format
(plone.base ``ulocalized_time``): "12/12/2026 19:00" in French, "Dec 12, 2026
07:00 PM" in English. The portal writes them in words, as the agenda does. The
names of months come from Plone's own translations (plonelocales); the order of
the words from our catalogue (French by default, English for ``Accept-Language:
en``).
"""

from coordaction.content import _
from DateTime import DateTime
from datetime import datetime
from datetime import time
from plone import api
from plone.app.event.base import default_timezone
from plone.base.i18nl10n import monthname_english
from plone.base.i18nl10n import monthname_msgid
from plone.base.i18nl10n import weekdayname_english
from plone.base.i18nl10n import weekdayname_msgid
from plone.base.i18nl10n import weekdayname_msgid_abbr
from zope.i18n import translate


def translated_for(request):
    """Where a text is for: a request (its negotiated language) or, for mail, a
    language code (the site's)."""
    if isinstance(request, str):
        return {"target_language": request}
    return {"context": request}


def capitalized(text):
    return text[:1].upper() + text[1:]


def plone_name(msgid, english, request):
    """A name of month or day from Plone's translations, in lower case."""
    return translate(
        msgid, domain="plonelocales", **translated_for(request), default=english
    ).lower()


def month_name(month, request):
    """décembre"""
    return plone_name(monthname_msgid(month), monthname_english(month), request)


def weekday_name(weekday, request):
    """samedi: the name of a day of the week, Monday being 0 as in Python."""
    number = (weekday + 1) % 7  # Plone counts from Sunday
    return plone_name(weekdayname_msgid(number), weekdayname_english(number), request)


def weekday_abbr(weekday, request):
    number = (weekday + 1) % 7
    return plone_name(
        weekdayname_msgid_abbr(number), weekdayname_english(number, "a"), request
    )


def day_number(day, request):
    """1er, 2, 3…"""
    return translate(_("1st"), **translated_for(request)) if day == 1 else str(day)


def date_text(day, request):
    """12 décembre 2026, 1er janvier 2027"""
    return translate(
        _(
            "${month} ${day}, ${year}",
            mapping={
                "day": day_number(day.day, request),
                "month": month_name(day.month, request),
                "year": day.year,
            },
        ),
        **translated_for(request),
    )


def day_title(day, request):
    """samedi 12 décembre 2026, vendredi 1er janvier 2027"""
    return translate(
        _(
            "${weekday} ${month} ${day}, ${year}",
            mapping={
                "weekday": weekday_name(day.weekday(), request),
                "day": day_number(day.day, request),
                "month": month_name(day.month, request),
                "year": day.year,
            },
        ),
        **translated_for(request),
    )


def time_text(moment, request):
    """14 h, 14 h 30"""
    if moment.minute:
        message = _(
            "${hour}:${minutes}",
            mapping={"hour": moment.hour, "minutes": f"{moment.minute:02d}"},
        )
    else:
        message = _("${hour}:00", mapping={"hour": moment.hour})
    return translate(message, **translated_for(request))


def moment_text(moment, request):
    """12 décembre 2026 à 19 h"""
    return translate(
        _(
            "${date} at ${time}",
            mapping={
                "date": date_text(moment.date(), request),
                "time": time_text(moment, request),
            },
        ),
        **translated_for(request),
    )


def event_start_text(accessor, request):
    """When an event starts: its day, and its hour unless it lasts all day."""
    if accessor.whole_day:
        return date_text(accessor.start.date(), request)
    return moment_text(accessor.start, request)


def event_when(accessor, request):
    """The dates and times of an event, in a French sentence: "Samedi 12 décembre
    2026, de 14 h à 17 h"."""
    start, end = accessor.start, accessor.end
    same_day = end is None or start.date() == end.date()
    start_day = day_title(start.date(), request)
    if accessor.whole_day and same_day:
        message = _("${date}, all day", mapping={"date": start_day})
    elif accessor.whole_day:
        message = _(
            "from ${start} to ${end}",
            mapping={"start": start_day, "end": day_title(end.date(), request)},
        )
    elif accessor.open_end or end is None or end == start:
        message = _(
            "${date} at ${time}",
            mapping={"date": start_day, "time": time_text(start, request)},
        )
    elif same_day:
        message = _(
            "${date}, from ${start} to ${end}",
            mapping={
                "date": start_day,
                "start": time_text(start, request),
                "end": time_text(end, request),
            },
        )
    else:
        message = _(
            "from ${start} at ${start_time} to ${end} at ${end_time}",
            mapping={
                "start": start_day,
                "start_time": time_text(start, request),
                "end": day_title(end.date(), request),
                "end_time": time_text(end, request),
            },
        )
    return capitalized(translate(message, **translated_for(request)))


def day_start(day):
    """The first instant of ``day`` in the portal's time zone, as the catalog's
    date indexes compare it (a DateTime): the Paris day, whatever the server's."""
    zone = default_timezone(api.portal.get(), as_tzinfo=True)
    return DateTime(zone.localize(datetime.combine(day, time.min)).isoformat())


def local_day(moment):
    """The day of an aware datetime in the portal's time zone."""
    return moment.astimezone(default_timezone(api.portal.get(), as_tzinfo=True)).date()
