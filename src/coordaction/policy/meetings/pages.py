"""The pages of the meetings: an edition (its dates, its place, whether proposals
are open and where to propose, the retained contributions), a proposal (what it
is, its state, its slot; its proposer's address for the organisers only) and the
page a proposer's secret link opens (``@@suivi-proposition``)."""

from Acquisition import aq_base
from collective.easyform.api import get_actions
from coordaction.content.browser.views import ContentView
from coordaction.content.dates import date_text
from coordaction.policy import _
from coordaction.policy.meetings import follow
from coordaction.policy.meetings.slots import slot_text
from coordaction.policy.participation.actions import ICreatePendingContent
from coordaction.policy.participation.actions import target_container
from coordaction.workflows.review_history import last_review
from coordaction.workflows.review_history import state_title
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate
import html


# What each state tells the proposer and the public, besides its name.
STATE_EXPLANATIONS = {
    "submitted": _("Received: the organisers have not studied it yet."),
    "under_study": _("The organisers are studying it."),
    "retained": _("Retained for the programme: its slot will follow."),
    "scheduled": _("In the programme."),
    "declined": _("Not retained."),
}
# The states the public sees (the workflow's; listed here to order them).
PUBLIC_STATES = ("retained", "scheduled")


def proposal_form(edition):
    """The published form whose action creates proposals in this edition, or None."""
    for brain in api.content.find(portal_type="EasyForm", review_state="published"):
        form = brain.getObject()
        actions = get_actions(form)
        for name in actions:
            action = actions[name]
            if (
                ICreatePendingContent.providedBy(action)
                and action.portal_type == "MeetingProposal"
                and aq_base(target_container(action)) is aq_base(edition)
            ):
                return form
    return None


def when(edition, request):
    """Its dates in words: "du samedi 12 juin 2027 au dimanche 13 juin 2027"."""
    if not (edition.start and edition.end):
        return ""
    if edition.start == edition.end:
        return date_text(edition.start, request)
    return translate(
        _(
            "from ${start} to ${end}",
            mapping={
                "start": date_text(edition.start, request),
                "end": date_text(edition.end, request),
            },
        ),
        context=request,
    )


class EditionView(ContentView):
    def when(self):
        return when(self.context, self.request)

    def deadline(self):
        deadline = self.context.submission_deadline
        return date_text(deadline, self.request) if deadline else ""

    def accepts_proposals(self):
        return self.context.accepts_proposals()

    def form_url(self):
        form = proposal_form(self.context)
        return form.absolute_url() if form is not None else None

    def can_organise(self):
        return api.user.has_permission("Review portal content", obj=self.context)

    def retained(self):
        """The retained and scheduled contributions the visitor may see, by title."""
        brains = api.content.find(
            context=self.context,
            portal_type="MeetingProposal",
            review_state=PUBLIC_STATES,
            sort_on="sortable_title",
        )
        return [
            {
                "title": brain.Title,
                "url": brain.getURL(),
                "description": brain.Description,
            }
            for brain in brains
        ]


def multiline(text):
    """Plain text as HTML: escaped, with its line breaks."""
    return html.escape(text or "").replace("\n", "<br />")


class ProposalView(ContentView):
    def multiline(self, text):
        return multiline(text)

    def national(self):
        return translate(_("National"), context=self.request)

    def state_title(self):
        return translate(
            state_title(self.context), domain="plone", context=self.request
        )

    def explanation(self):
        message = STATE_EXPLANATIONS.get(self.state())
        return translate(message, context=self.request) if message else ""

    def slot(self):
        return slot_text(self.context, self.request)

    def reason(self):
        """Why it is not retained, for whoever may see a declined proposal."""
        step = last_review(self.context)
        if self.state() == "declined" and step and step["action"] == "decline":
            return step["comment"]
        return ""

    def edition(self):
        return self.context.edition()

    def duration(self):
        minutes = self.context.duration_minutes
        if not minutes:
            return ""
        return translate(
            _("${minutes} minutes", mapping={"minutes": minutes}), context=self.request
        )


class FollowView(BrowserView):
    """``@@suivi-proposition?cle=…``: the status of a proposal for whoever holds its
    secret link; a POST of its button revokes the link."""

    template = ViewPageTemplateFile("templates/follow.pt")

    def __call__(self):
        key = self.request.form.get("cle")
        self.key = key if isinstance(key, str) else ""
        self.revoked = False
        proposal = follow.proposal_of(self.key)
        if (
            proposal is not None
            and self.request.method == "POST"
            and self.request.form.get("form.revoke")
        ):
            CheckAuthenticator(self.request)
            follow.revoke(proposal)
            self.revoked = True
            proposal = None
        # The page is only for its holder: never cached, never indexed.
        self.request.response.setHeader("Cache-Control", "private, no-store")
        self.request.response.setHeader("X-Robots-Tag", "noindex")
        self.proposal = proposal
        if proposal is None and not self.revoked:
            self.request.response.setStatus(404)
        return self.template()

    @property
    def label(self):
        if self.proposal is None:
            return translate(_("Link to follow a proposal"), context=self.request)
        return translate(
            _("Your proposal “${title}”", mapping={"title": self.proposal.Title()}),
            context=self.request,
        )

    def status(self):
        """What the holder of the link may know of the proposal."""
        proposal = self.proposal
        view = ProposalView(proposal, self.request)
        edition = proposal.edition()
        return {
            "title": proposal.Title(),
            "edition": edition.Title() if edition is not None else "",
            "edition_url": edition.absolute_url() if edition is not None else "",
            "state": view.state_title(),
            "explanation": view.explanation(),
            "slot": view.slot(),
            "reason": view.reason(),
            "reason_html": multiline(view.reason()),
            "public_url": proposal.absolute_url()
            if api.content.get_state(proposal) in PUBLIC_STATES
            else "",
        }


class MeetingsSectionView(BrowserView):
    """The *Rencontres* section: its editions, the coming one first, each with its
    dates, its place and whether it takes proposals."""

    def editions(self):
        editions = [
            brain.getObject()
            for brain in api.content.find(
                context=self.context, portal_type="MeetingEdition", depth=1
            )
        ]
        editions.sort(key=lambda edition: edition.start, reverse=True)
        return [
            {
                "title": edition.Title(),
                "url": edition.absolute_url(),
                "description": edition.Description(),
                "when": when(edition, self.request),
                "place": edition.place,
                "open": edition.accepts_proposals(),
                "deadline": date_text(edition.submission_deadline, self.request),
            }
            for edition in editions
        ]
