"""MeetingProposal (Proposition de contribution): a workshop, a round table, a
visit… proposed for an edition of the national meetings (``MeetingEdition``).

It follows its own workflow (``coordaction_proposal_workflow``): *déposée → en
étude → retenue → programmée*, or *non retenue* with a reason. Its slot (day,
time, room) is set by the organisers when they schedule it. The proposer's
address is never shown but to the organisers, like the other contact addresses."""

from coordaction.content import _
from coordaction.content.content.meeting_edition import IMeetingEdition
from coordaction.content.permissions import VIEW_CONTACT_PERMISSION
from plone.app.dexterity.textindexer import searchable
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.schema import Email
from plone.supermodel import model
from zope import schema
from zope.interface import implementer


# Who may set the slot: the organisers, who review the proposals.
SCHEDULE_PERMISSION = "cmf.ReviewPortalContent"


class IMeetingProposal(model.Schema):
    proposal_format = schema.Choice(
        title=_("Format"),
        vocabulary="coordaction.vocabularies.proposal_formats",
        required=True,
    )
    searchable("summary", "speakers", "organisation")
    summary = schema.Text(
        title=_("Summary"),
        description=_("What participants will do or learn there."),
        required=True,
        max_length=5000,
    )
    speakers = schema.Text(
        title=_("Speakers"),
        description=_("Names and organisations, one person per line."),
        required=True,
        max_length=2000,
    )
    organisation = schema.TextLine(
        title=_("Group, association or organisation"),
        required=False,
        max_length=150,
    )
    themes = schema.List(
        title=_("Themes"),
        value_type=schema.Choice(vocabulary="coordaction.vocabularies.themes"),
        required=False,
        default=[],
    )
    region = schema.Choice(
        title=_("Region"),
        description=_("Leave empty for a contribution of national scope."),
        vocabulary="coordaction.vocabularies.regions",
        required=False,
    )

    model.fieldset(
        "needs",
        label=_("Needs"),
        fields=["duration_minutes", "room_needs", "equipment"],
    )
    duration_minutes = schema.Int(
        title=_("Duration (minutes)"),
        required=False,
        min=15,
        max=480,
    )
    room_needs = schema.TextLine(
        title=_("Room"),
        description=_("Its size, its layout: 30 people in a circle…"),
        required=False,
        max_length=200,
    )
    equipment = schema.TextLine(
        title=_("Equipment"),
        description=_("Projector, paperboard, microphone…"),
        required=False,
        max_length=200,
    )

    model.fieldset(
        "contact",
        label=_("Contact"),
        fields=["contact_name", "contact_email"],
    )
    contact_name = schema.TextLine(
        title=_("Name of the proposer"),
        required=False,
        max_length=100,
    )
    directives.read_permission(contact_email=VIEW_CONTACT_PERMISSION)
    contact_email = Email(
        title=_("Proposer's e-mail"),
        description=_(
            "Never shown: the organisers write to it about the proposal's status."
        ),
        required=False,
    )

    model.fieldset(
        "slot",
        label=_("Slot"),
        fields=["slot_day", "slot_time", "slot_room"],
    )
    directives.write_permission(
        slot_day=SCHEDULE_PERMISSION,
        slot_time=SCHEDULE_PERMISSION,
        slot_room=SCHEDULE_PERMISSION,
    )
    directives.omitted("slot_day", "slot_time", "slot_room")
    slot_day = schema.Date(title=_("Day"), required=False)
    slot_time = schema.Time(title=_("Time"), required=False)
    slot_room = schema.TextLine(title=_("Room"), required=False, max_length=100)


@implementer(IMeetingProposal)
class MeetingProposal(Item):
    """A contribution proposed for the national meetings."""

    def edition(self):
        """The edition it is proposed for (its folder), or None."""
        parent = self.__parent__
        return parent if IMeetingEdition.providedBy(parent) else None
