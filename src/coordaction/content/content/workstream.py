"""Workstream (Chantier): a need of the federation, of a working group or of a
member association, published in the *Chantiers* section so that people with the
right skills offer to help.

Where a chantier stands (open, under way, completed) is a field and a facet, not a
workflow state: publication stays the publication workflow's business. Whoever
edits the chantier edits it; the people who carry it also change it from its page
once it is published (``MANAGE_WORKSTREAM_PERMISSION``). The offers of help are kept with the chantier
(``coordaction.policy.workstreams``)."""

from coordaction.content import _
from plone import api
from plone.app.dexterity.textindexer import searchable
from plone.app.vocabularies.catalog import CatalogSource
from plone.app.z3cform.widgets.relateditems import RelatedItemsFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.interface import implementer


OPEN = "ouvert"
UNDER_WAY = "en-cours"
COMPLETED = "termine"


class NotOneOfTheGroup(schema.ValidationError):
    __doc__ = _(
        "Only a working group you belong to can carry a chantier: its coordinators "
        "then answer the offers of help."
    )


def carried_by_ones_group(space):
    """A working group carries a chantier only when the person who says so may add
    to its space (its members and coordinators, the portal's administrators): no
    one names another group as the carrier of their chantier."""
    if space is not None and not api.user.has_permission(
        "Add portal content", obj=space
    ):
        raise NotOneOfTheGroup()
    return True


class IWorkstream(model.Schema):
    model.fieldset(
        "links",
        label=_("Links"),
        fields=["working_group", "workshop", "produced_resources"],
    )

    searchable("needs", "time_needed", "carrier_name")
    needs = schema.Text(
        title=_("What is needed"),
        description=_(
            "The work to do, what a contributor would take on, what is already there."
        ),
        required=True,
        max_length=5000,
    )
    directives.widget("skills", CheckBoxFieldWidget)
    skills = schema.List(
        title=_("Skills wanted"),
        description=_(
            "Members who have these skills are told of the chantier when it is "
            "published. The list is edited in the portal's lists."
        ),
        value_type=schema.Choice(vocabulary="coordaction.vocabularies.skills"),
        required=True,
        min_length=1,
        missing_value=[],
    )
    time_needed = schema.TextLine(
        title=_("Time it asks"),
        description=_("For instance: two half-days a month until June."),
        required=False,
        max_length=200,
    )
    deadline = schema.Date(title=_("Deadline"), required=False)
    carrier_kind = schema.Choice(
        title=_("Carried by"),
        vocabulary="coordaction.vocabularies.carrier_kinds",
        required=True,
    )
    carrier_name = schema.TextLine(
        title=_("Name of the carrier"),
        description=_("The working group, the association or the networks."),
        required=True,
        max_length=150,
    )
    directives.widget("regions", CheckBoxFieldWidget)
    regions = schema.List(
        title=_("Regions"),
        description=_("Leave empty for a chantier of national scope."),
        value_type=schema.Choice(vocabulary="coordaction.vocabularies.regions"),
        required=False,
        default=[],
        missing_value=[],
    )
    workstream_status = schema.Choice(
        title=_("Status"),
        vocabulary="coordaction.vocabularies.workstream_statuses",
        required=True,
        default=OPEN,
    )
    directives.widget(
        "working_group",
        RelatedItemsFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": ["WorkingGroup"]},
    )
    working_group = RelationChoice(
        title=_("Working group that carries it"),
        description=_("Its coordinators see the offers of help and answer them."),
        source=CatalogSource(portal_type="WorkingGroup"),
        required=False,
        constraint=carried_by_ones_group,
    )
    directives.widget(
        "workshop",
        RelatedItemsFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": ["MeetingProposal"]},
    )
    workshop = RelationChoice(
        title=_("Participatory workshop of the national meetings"),
        description=_("The RNHP workshop where the chantier is worked on."),
        source=CatalogSource(portal_type="MeetingProposal"),
        required=False,
    )
    directives.widget(
        "produced_resources",
        RelatedItemsFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"selectableTypes": ["Resource"], "recentlyUsed": True},
    )
    produced_resources = RelationList(
        title=_("Resources it produced"),
        description=_("Each will say that it comes from this chantier."),
        value_type=RelationChoice(source=CatalogSource(portal_type="Resource")),
        required=False,
        default=[],
        missing_value=[],
    )


@implementer(IWorkstream)
class Workstream(Item):
    """A chantier of the federation."""

    def is_open(self):
        """Offers of help are taken while the chantier is not completed."""
        return self.workstream_status != COMPLETED
