"""What the organisers do with a proposal besides the workflow menu's plain steps:
decline it with a reason (``@@ne-pas-retenir``: the reason is required and mailed
to the proposer) and schedule it (``@@programmer``: a day of the edition, a time,
one of its rooms). A step that lacks them is refused, whoever asks (the menu, REST
``@workflow``)."""

from coordaction.content.dates import day_title
from coordaction.content.i18n import in_request_language
from coordaction.policy import _
from coordaction.policy.meetings.notices import proposal_step
from coordaction.policy.meetings.slots import is_scheduled
from coordaction.workflows.transitions import comment_of
from datetime import date
from datetime import time
from plone import api
from plone.api.exc import InvalidParameterError
from plone.protect import CheckAuthenticator
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import BadRequest
from zope.i18n import translate


# A reason is a few sentences for the proposer, not a letter.
REASON_LENGTH = 2000


def require_reason_and_slot(proposal, event):
    transition = proposal_step(event)
    if transition == "decline" and not comment_of(event):
        raise WorkflowException(
            in_request_language(
                _("Tell the proposer why it is not retained: a reason is required.")
            )
        )
    if transition == "schedule" and not is_scheduled(proposal):
        raise WorkflowException(
            in_request_language(
                _("Give the proposal a day, a time and a room before scheduling it.")
            )
        )
    if transition == "schedule" and not slot_fits_edition(proposal):
        raise WorkflowException(in_request_language(SLOT_OUTSIDE))


SLOT_OUTSIDE = _(
    "The slot must be a day of the meetings and one of the rooms of the edition."
)


def keep_the_slot_in_the_edition(proposal, event):
    """Subscriber (modified): a scheduled proposal's slot changed another way than
    the organisers' page (``PATCH`` through REST) stays a day and a room of the
    edition; otherwise the change is refused (400) and nothing is written."""
    if api.content.get_state(proposal, default=None) != "scheduled":
        return
    if not is_scheduled(proposal) or not slot_fits_edition(proposal):
        raise BadRequest(in_request_language(SLOT_OUTSIDE))


def slot_fits_edition(proposal):
    """The slot's day is a day of the edition, its room one of its rooms."""
    edition = proposal.edition()
    if edition is None:
        return False
    return proposal.slot_day in edition.days() and proposal.slot_room in (
        edition.rooms or ()
    )


def clear_slot(proposal, event):
    """A proposal taken out of the programme keeps no slot."""
    if (
        proposal_step(event) is not None
        and event.old_state.getId() == "scheduled"
        and event.new_state.getId() != "scheduled"
    ):
        proposal.slot_day = proposal.slot_time = proposal.slot_room = None
        proposal.reindexObject()


class _StepView(BrowserView):
    def step(self, transition, comment=""):
        try:
            api.content.transition(
                obj=self.context, transition=transition, comment=comment
            )
        except (InvalidParameterError, WorkflowException) as error:
            message = str(error) if isinstance(error, WorkflowException) else ""
            self.error = message or translate(
                _("This step is not possible now."), context=self.request
            )
            return False
        return True

    def done(self, message):
        api.portal.show_message(message, request=self.request, type="info")
        self.request.response.redirect(self.context.absolute_url())
        return ""


class DeclineView(_StepView):
    template = ViewPageTemplateFile("templates/decline.pt")

    def __call__(self):
        self.error = ""
        if self.request.method == "POST" and self.request.form.get("form.decline"):
            CheckAuthenticator(self.request)
            reason = self.request.form.get("reason")
            reason = reason.strip()[:REASON_LENGTH] if isinstance(reason, str) else ""
            if not reason:
                self.error = translate(
                    _(
                        "Tell the proposer why it is not retained: a reason is required."
                    ),
                    context=self.request,
                )
            elif self.step("decline", reason):
                return self.done(
                    translate(
                        _(
                            "“${title}” is not retained; its proposer is told why.",
                            mapping={"title": self.context.Title()},
                        ),
                        context=self.request,
                    )
                )
        return self.template()


class ScheduleView(_StepView):
    template = ViewPageTemplateFile("templates/schedule.pt")

    def edition(self):
        return self.context.edition()

    def days(self):
        edition = self.edition()
        return [
            {"value": day.isoformat(), "title": day_title(day, self.request)}
            for day in (edition.days() if edition is not None else [])
        ]

    def rooms(self):
        edition = self.edition()
        return list(edition.rooms or []) if edition is not None else []

    def chosen(self, name):
        form = self.request.form
        if name in form and isinstance(form[name], str):
            return form[name]
        value = getattr(self.context, f"slot_{name}", None)
        if isinstance(value, time):
            return value.strftime("%H:%M")
        if isinstance(value, date):
            return value.isoformat()
        return value or ""

    def read(self):
        """(day, time, room) from the form, or None with ``self.error`` set."""
        form = self.request.form
        days = {day["value"] for day in self.days()}
        day, moment, room = (form.get(name) for name in ("day", "time", "room"))
        try:
            day = date.fromisoformat(day) if day in days else None
            moment = time.fromisoformat(moment) if isinstance(moment, str) else None
        except ValueError:
            moment = None
        room = room.strip() if isinstance(room, str) else ""
        if room not in self.rooms():
            room = ""
        if day is None or moment is None or not room:
            self.error = translate(
                _("Choose a day of the meetings, a time and a room."),
                context=self.request,
            )
            return None
        return day, moment.replace(second=0, microsecond=0), room

    def __call__(self):
        self.error = ""
        if self.request.method == "POST" and self.request.form.get("form.schedule"):
            CheckAuthenticator(self.request)
            slot = self.read()
            if slot is not None:
                return self.schedule(*slot)
        return self.template()

    def schedule(self, day, moment, room):
        proposal = self.context
        already = api.content.get_state(proposal) == "scheduled"
        proposal.slot_day, proposal.slot_time, proposal.slot_room = day, moment, room
        proposal.reindexObject()
        if not already and not self.step("schedule"):
            proposal.slot_day = proposal.slot_time = proposal.slot_room = None
            return self.template()
        return self.done(
            translate(
                _(
                    "“${title}” is in the programme.",
                    mapping={"title": proposal.Title()},
                ),
                context=self.request,
            )
        )
