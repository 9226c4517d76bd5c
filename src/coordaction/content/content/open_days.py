"""OpenDaysCampaign (*Campagne de portes ouvertes*): the days when the network's
projects open their doors, opened by the editorial team in the agenda. Project
groups take part by giving their open day on their sheet
(``behaviors.open_day``); the campaign's page lists them, on a map and in an
iCalendar feed (``coordaction.policy.agenda.open_days``)."""

from coordaction.content import _
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import Invalid
from zope.interface import implementer
from zope.interface import invariant


class IOpenDaysCampaign(model.Schema):
    first_day = schema.Date(title=_("First day of the campaign"), required=True)
    last_day = schema.Date(title=_("Last day of the campaign"), required=True)

    @invariant
    def days_in_order(data):
        first = getattr(data, "first_day", None)
        last = getattr(data, "last_day", None)
        if first and last and last < first:
            raise Invalid(_("The campaign ends before it starts."))


@implementer(IOpenDaysCampaign)
class OpenDaysCampaign(Item):
    """A campaign of open days."""
