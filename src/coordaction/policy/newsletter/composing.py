"""What the portal proposes for a letter: what the public could read that was
published in its period, section by section (resources, templates, projects, ads,
chantiers), and the events to come. The editor then reorders, drops or completes
the list (the letter's ``publications``)."""

from coordaction.content.content.newsletter import MOST_PUBLICATIONS
from coordaction.content.content.newsletter import PROPOSED_TYPES
from coordaction.content.dates import day_start
from coordaction.policy.site.public import public_brains
from datetime import date
from datetime import timedelta
from z3c.relationfield import RelationValue
from z3c.relationfield.event import updateRelations
from zope.component import getUtility
from zope.intid.interfaces import IIntIds


# At most this many proposals per section: a letter is read, not searched.
PER_SECTION = 12
# The events of the next months are "to come".
EVENTS_AHEAD_DAYS = 92


def proposals(start, end, today=None):
    """The brains to propose for a period (dates), in the order of the sections
    and, within one, from the newest (the soonest, for events)."""
    today = today or date.today()
    after_end = day_start(end + timedelta(days=1))
    found = []
    for portal_type in PROPOSED_TYPES:
        if portal_type == "Event":
            first = max(start, today)
            brains = public_brains(
                portal_type=portal_type,
                start={
                    "query": (
                        day_start(first),
                        day_start(end + timedelta(days=EVENTS_AHEAD_DAYS)),
                    ),
                    "range": "min:max",
                },
                sort_on="start",
            )
        else:
            brains = public_brains(
                portal_type=portal_type,
                effective={"query": (day_start(start), after_end), "range": "min:max"},
                sort_on="effective",
                sort_order="descending",
            )
        found.extend(brains[:PER_SECTION])
    return found


def propose(letter, today=None):
    """Add to the letter the proposals of its period it does not list yet (after
    what it lists); how many were added."""
    intids = getUtility(IIntIds)
    present = {
        relation.to_id for relation in (letter.publications or []) if relation.to_id
    }
    added = []
    for brain in proposals(letter.period_start, letter.period_end, today):
        if len(present) + len(added) >= MOST_PUBLICATIONS:
            break
        to_id = intids.queryId(brain._unrestrictedGetObject())
        if to_id is not None and to_id not in present:
            present.add(to_id)
            added.append(RelationValue(to_id))
    if added:
        letter.publications = list(letter.publications or []) + added
        # The relation catalog learns of them (as after an edit of the field).
        updateRelations(letter, None)
    return len(added)


def propose_for_new_letter(letter, event):
    """A new letter comes with the proposals of its period."""
    if not letter.publications:
        propose(letter)
