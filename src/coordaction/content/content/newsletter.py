"""Newsletter (Lettre d'information): one issue of the letter of the network.

An editor chooses a period; the portal proposes what was published then, section
by section (``coordaction.policy.newsletter.composing``); the editor reorders,
drops or completes those publications, writes an editorial and free blocks, then
moves the letter along its workflow: brouillon → prête → envoyée. Sending it is a
background job (``coordaction.policy.newsletter.sending``); a sent letter is a
public page of the archive."""

from coordaction.content import _
from datetime import date
from datetime import timedelta
from plone.app.textfield import RichText
from plone.app.z3cform.widgets.relateditems import RelatedItemsFieldWidget
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from z3c.relationfield.schema import RelationChoice
from z3c.relationfield.schema import RelationList
from zope import schema
from zope.interface import Invalid
from zope.interface import implementer
from zope.interface import invariant


# The types a letter tells of, the editor may add others.
PROPOSED_TYPES = (
    "Resource",
    "LegalTemplate",
    "Event",
    "ProjectSheet",
    "ClassifiedAd",
    "Workstream",
)
# More publications than this in one letter makes it unreadable, and heavy.
MOST_PUBLICATIONS = 80


def first_of_this_month():
    return date.today().replace(day=1)


def last_of_this_month():
    following = (first_of_this_month() + timedelta(days=32)).replace(day=1)
    return following - timedelta(days=1)


class INewsletter(model.Schema):
    period_start = schema.Date(
        title=_("First day of the period"),
        description=_("The letter proposes what was published from this day…"),
        required=True,
        defaultFactory=first_of_this_month,
    )
    period_end = schema.Date(
        title=_("Last day of the period"),
        description=_("… to this one (and the events to come)."),
        required=True,
        defaultFactory=last_of_this_month,
    )
    editorial = RichText(
        title=_("Editorial"),
        description=_("The first words of the letter."),
        required=False,
        max_length=20000,
    )
    directives.widget(
        "publications",
        RelatedItemsFieldWidget,
        vocabulary="plone.app.vocabularies.Catalog",
        pattern_options={"recentlyUsed": True},
    )
    publications = RelationList(
        title=_("Publications"),
        description=_(
            "Proposed from the period when the letter is created, section by "
            "section: drag them to reorder, remove those to leave out, add others."
        ),
        value_type=RelationChoice(vocabulary="plone.app.vocabularies.Catalog"),
        required=False,
        default=[],
        missing_value=[],
        max_length=MOST_PUBLICATIONS,
    )
    free_blocks = RichText(
        title=_("Free blocks"),
        description=_(
            "News of the network, a call, a thank-you: after the publications. "
            "Each subheading starts a block."
        ),
        required=False,
        max_length=20000,
    )

    @invariant
    def period_in_order(data):
        start = getattr(data, "period_start", None)
        end = getattr(data, "period_end", None)
        if start and end and end < start:
            raise Invalid(_("The end of the period comes before its start."))


@implementer(INewsletter)
class Newsletter(Item):
    """An issue of the letter."""
