"""The topics of the letter a subscriber chooses: the sections whose publications
it tells (their ids and titles come from the one table of sections), and a région
to narrow what is local (projects, events, ads, chantiers)."""

from coordaction.content.sections import ADS
from coordaction.content.sections import AGENDA
from coordaction.content.sections import PROJECTS
from coordaction.content.sections import RESOURCE_CENTRE
from coordaction.content.sections import SECTIONS_BY_ID
from coordaction.content.sections import TEMPLATES
from coordaction.content.sections import WORKSTREAMS
from coordaction.content.vocabularies.geography import regions


TOPIC_IDS = (RESOURCE_CENTRE, TEMPLATES, AGENDA, PROJECTS, ADS, WORKSTREAMS)


def topics():
    """[(id, title)] of the topics, in the menu's order."""
    return [(topic, SECTIONS_BY_ID[topic].title) for topic in TOPIC_IDS]


def valid_topics(values):
    """The known topics among ``values`` (a list of texts), in their order; None
    when ``values`` is not a list of texts."""
    if not isinstance(values, (list, tuple)) or not all(
        isinstance(value, str) for value in values
    ):
        return None
    return [topic for topic in TOPIC_IDS if topic in values]


def valid_region(value):
    """A région code of the list, "" for none; None when it is not one."""
    if value in (None, ""):
        return ""
    return value if isinstance(value, str) and value in regions() else None
