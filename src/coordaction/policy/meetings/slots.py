"""A proposal's slot in the programme, as a French reader writes it:
"samedi 12 juin 2027 à 14 h 30, salle des Tilleuls"."""

from coordaction.content.dates import day_title
from coordaction.content.dates import time_text
from coordaction.content.dates import translated_for
from coordaction.policy import _
from zope.i18n import translate


def is_scheduled(proposal):
    return bool(proposal.slot_day and proposal.slot_time and proposal.slot_room)


def slot_text(proposal, request):
    """The slot in words, or "" when it has none; ``request`` may be a language
    code (for mail, the site's)."""
    if not is_scheduled(proposal):
        return ""
    return translate(
        _(
            "${day} at ${time}, ${room}",
            mapping={
                "day": day_title(proposal.slot_day, request),
                "time": time_text(proposal.slot_time, request),
                "room": proposal.slot_room,
            },
        ),
        **translated_for(request),
    )
