"""WorkingGroup (Groupe de travail): the space of a working group of the federation."""

from coordaction.content import _
from plone.app.dexterity.textindexer import searchable
from plone.app.textfield import RichText
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


VISIBILITIES = (
    ("private", _("Privé : les membres du groupe seulement")),
    ("internal", _("Interne : tous les membres du réseau")),
    ("public", _("Public : tout le monde")),
)
JOIN_POLICIES = (
    ("closed", _("Les coordinateurs ajoutent les membres")),
    (
        "request",
        _("Les membres du réseau demandent à rejoindre, un coordinateur accepte"),
    ),
)


def _vocabulary(pairs):
    from coordaction.content.vocabularies.pairs import vocabulary_from_pairs

    return vocabulary_from_pairs(pairs)


class IWorkingGroup(model.Schema):
    searchable("mission")
    mission = RichText(
        title=_("Mission"),
        description=_("Ce que fait le groupe, ses objectifs, son calendrier."),
        required=False,
    )
    visibility = schema.Choice(
        title=_("Visibilité de l'espace"),
        description=_("Qui voit l'espace et tout ce qu'il contient."),
        vocabulary=_vocabulary(VISIBILITIES),
        default="private",
        required=True,
    )
    join_policy = schema.Choice(
        title=_("Adhésion"),
        vocabulary=_vocabulary(JOIN_POLICIES),
        default="closed",
        required=True,
    )


@implementer(IWorkingGroup)
class WorkingGroup(Container):
    """A working-group space."""
