"""MeetingEdition (Édition des RNHP): one edition of the national meetings of
participatory housing, in the *Rencontres* section. It holds the contributions
proposed for it (``MeetingProposal``); proposals are accepted until the end of its
submission deadline, in the portal's time zone."""

from coordaction.content import _
from plone.app.dexterity.textindexer import searchable
from plone.app.event.base import localized_today
from plone.dexterity.content import Container
from plone.supermodel import model
from zope import schema
from zope.interface import Invalid
from zope.interface import implementer
from zope.interface import invariant


class IMeetingEdition(model.Schema):
    start = schema.Date(title=_("First day"), required=True)
    end = schema.Date(title=_("Last day"), required=True)
    searchable("place")
    place = schema.TextLine(
        title=_("Place"),
        description=_("The venue and its municipality."),
        required=True,
        max_length=200,
    )
    themes = schema.List(
        title=_("Themes"),
        value_type=schema.Choice(vocabulary="coordaction.vocabularies.themes"),
        required=False,
        default=[],
    )
    submission_deadline = schema.Date(
        title=_("Deadline for proposals"),
        description=_(
            "Proposals are accepted until the end of this day; the form then closes "
            "by itself."
        ),
        required=True,
    )
    workshop_slots = schema.Int(
        title=_("Workshop slots"),
        description=_("How many contributions the programme can hold."),
        required=False,
        min=0,
        max=1000,
    )
    rooms = schema.List(
        title=_("Rooms"),
        description=_("The rooms contributions are scheduled in, one per line."),
        value_type=schema.TextLine(max_length=100),
        required=False,
        default=[],
        max_length=100,
    )

    @invariant
    def dates_in_order(data):
        if data.start and data.end and data.end < data.start:
            raise Invalid(_("The last day comes before the first day."))
        if (
            data.start
            and data.submission_deadline
            and data.submission_deadline > data.start
        ):
            raise Invalid(_("The deadline for proposals is after the first day."))


@implementer(IMeetingEdition)
class MeetingEdition(Container):
    """An edition of the national meetings."""

    def accepts_proposals(self, today=None):
        """Proposals are open until the end of the deadline, in the portal's time zone."""
        today = today or localized_today(self)
        return bool(self.submission_deadline) and today <= self.submission_deadline

    def days(self):
        """The days of the edition, in order."""
        if not (self.start and self.end):
            return []
        return [
            self.start.fromordinal(ordinal)
            for ordinal in range(self.start.toordinal(), self.end.toordinal() + 1)
        ]
