"""Dates as a French reader writes them: "12 décembre 2026 à 19 h".

Plone writes an event's dates with its short date format and its time format
(plone.base ``ulocalized_time``): "12/12/2026 19:00" in French, "Dec 12, 2026
07:00 PM" in English. The portal writes them in words, as the agenda does. The
names of months come from Plone's own translations (plonelocales); the order of
the words from our catalogue (French by default, English for ``Accept-Language:
en``).
"""

from coordaction.content import _
from plone.base.i18nl10n import monthname_english
from plone.base.i18nl10n import monthname_msgid
from zope.i18n import translate


def month_name(month, request):
    """décembre"""
    return translate(
        monthname_msgid(month),
        domain="plonelocales",
        context=request,
        default=monthname_english(month),
    ).lower()


def day_number(day, request):
    """1er, 2, 3…"""
    return translate(_("1st"), context=request) if day == 1 else str(day)


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
        context=request,
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
    return translate(message, context=request)


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
        context=request,
    )


def event_start_text(accessor, request):
    """When an event starts: its day, and its hour unless it lasts all day."""
    if accessor.whole_day:
        return date_text(accessor.start.date(), request)
    return moment_text(accessor.start, request)
