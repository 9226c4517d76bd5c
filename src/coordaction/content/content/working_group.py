"""WorkingGroup (Groupe de travail): the space of a working group of the federation."""

from coordaction.content import _
from plone.app.dexterity.textindexer import searchable
from plone.app.textfield import RichText
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


VISIBILITIES = (
    ("private", _("Private: the group's members only")),
    ("internal", _("Internal: all network members")),
    ("public", _("Public: everyone")),
)
JOIN_POLICIES = (
    ("closed", _("The coordinators add the members")),
    (
        "request",
        _("Network members ask to join, a coordinator accepts"),
    ),
    ("open", _("Network members join in one click")),
)
# The policies under which a network member may join from the group's page.
JOINABLE = ("request", "open")


def _vocabulary(pairs):
    from coordaction.content.vocabularies.pairs import vocabulary_from_pairs

    return vocabulary_from_pairs(pairs)


class IWorkingGroup(model.Schema):
    searchable("mission")
    mission = RichText(
        title=_("Mission"),
        description=_("What the group does, its goals, its timetable."),
        required=False,
    )
    visibility = schema.Choice(
        title=_("Visibility of the space"),
        description=_("Who sees the space and all it contains."),
        vocabulary=_vocabulary(VISIBILITIES),
        default="private",
        required=True,
    )
    join_policy = schema.Choice(
        title=_("Joining"),
        vocabulary=_vocabulary(JOIN_POLICIES),
        default="closed",
        required=True,
    )


@implementer(IWorkingGroup)
class WorkingGroup(Container):
    """A working-group space."""
