"""The letter's page and what its team does there: propose the publications of
the period again, preview the e-mail (HTML and text, for any choice of topics),
send a test, send the letter, then follow its sending."""

from coordaction.policy import _
from coordaction.policy.mailqueue.list_mail import NOT_SENT
from coordaction.policy.mailqueue.list_mail import address_error
from coordaction.policy.newsletter import sending
from coordaction.policy.newsletter import subscribers
from coordaction.policy.newsletter.composing import propose
from coordaction.policy.newsletter.letter import audience
from coordaction.policy.newsletter.letter import sections_for
from coordaction.policy.newsletter.letter import snapshot
from coordaction.policy.newsletter.message import Renderer
from coordaction.policy.newsletter.pages import member_email
from coordaction.policy.newsletter.sender import wake_letter_sender
from coordaction.policy.newsletter.topics import valid_region
from coordaction.policy.newsletter.topics import valid_topics
from coordaction.policy.site.form_values import form_text
from DateTime import DateTime
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from ZODB.POSException import ConflictError
from zope.i18n import translate
import logging
import transaction


logger = logging.getLogger(__name__)
SEND_PERMISSION = "coordaction: Send Newsletter"


class LetterView(BrowserView):
    """The letter as a page (its team sees how to prepare and send it)."""

    def snapshot(self):
        if not hasattr(self, "_snapshot"):
            self._snapshot = snapshot(self.context)
        return self._snapshot

    def sections(self):
        return sections_for(self.snapshot(), (), "") or []

    def team(self):
        return api.user.has_permission(SEND_PERMISSION, obj=self.context)

    def state(self):
        return api.content.get_state(self.context)

    def state_title(self):
        workflow = api.portal.get_tool("portal_workflow")
        return translate(
            workflow.getTitleForStateOnType(self.state(), self.context.portal_type),
            domain="plone",
            context=self.request,
        )

    def sent_on(self):
        effective = self.context.effective_date
        if self.state() != "sent" or effective is None:
            return ""
        return api.portal.get_localized_time(effective)

    def progress(self):
        return sending.progress(self.context)

    def failures(self):
        return sending.failures(self.context)

    def member_email(self):
        return member_email()

    def archive_url(self):
        return self.context.aq_parent.absolute_url()

    def signup_url(self):
        return f"{api.portal.get().absolute_url()}/@@lettre-inscription"


class PreviewView(BrowserView):
    """The e-mail as it will arrive, for every topic, or for those and the région
    of ``?themes=…&region=…``: ``@@apercu-lettre`` (HTML), ``@@apercu-lettre-texte``."""

    text = False

    def __call__(self):
        form = self.request.form
        asked = form.get("themes") or []
        topics = valid_topics([asked] if isinstance(asked, str) else asked) or []
        region = valid_region(form_text(form, "region")) or ""
        frozen = snapshot(self.context)
        sections = sections_for(frozen, topics, region)
        response = self.request.response
        response.setHeader("Cache-Control", "private, no-store")
        renderer = Renderer(frozen)
        unsubscribe = f"{frozen['portal_url']}/@@lettre-inscription"
        if sections is None:
            sections = []
        if self.text:
            response.setHeader("Content-Type", "text/plain; charset=utf-8")
            return renderer.text(sections, unsubscribe)
        response.setHeader("Content-Type", "text/html; charset=utf-8")
        return renderer.html(sections, unsubscribe)


class TextPreviewView(PreviewView):
    text = True


class TeamAction(BrowserView):
    """A POST of the letter's page (its token checked), then back to the page."""

    def __call__(self):
        if self.request.method != "POST":
            return self.request.response.redirect(self.context.absolute_url())
        CheckAuthenticator(self.request)
        message, kind = self.act()
        api.portal.show_message(message, self.request, type=kind)
        return self.request.response.redirect(self.context.absolute_url())


class ProposeView(TeamAction):
    """Add the publications of the period the letter does not list yet."""

    def act(self):
        added = propose(self.context)
        if not added:
            return _("No other publication of the period to add."), "info"
        return (
            _(
                "${count} publications of the period added at the end of the letter.",
                mapping={"count": added},
            ),
            "info",
        )


class TestSendView(TeamAction):
    """Send the letter, every topic in it, to one address, through the queue."""

    def act(self):
        email = subscribers.normalize_email(form_text(self.request.form, "courriel"))
        if not email:
            return _("Give the address to send the test to."), "error"
        error = address_error(email)
        if error:
            return error, "error"
        frozen = snapshot(self.context)
        renderer = Renderer(frozen)
        message = renderer.message(
            sections_for(frozen, (), "") or [],
            email,
            sending.sender(),
            f"{frozen['portal_url']}/@@lettre-inscription",
            test=True,
        )
        try:
            api.portal.get_tool("MailHost").send(message)
        except ConflictError:
            raise
        except Exception:
            logger.exception("The letter's test was not queued")
            return NOT_SENT, "error"
        return (
            _(
                "Test sent to ${email}: it arrives within a minute.",
                mapping={"email": email},
            ),
            "info",
        )


class SendView(BrowserView):
    """``@@envoyer-lettre``, the workflow's *Envoyer*: a GET says to how many
    subscribers the letter will go; the POST sends it (the job does the rest)."""

    def __call__(self):
        if self.request.method == "POST" and self.request.form.get("envoyer"):
            CheckAuthenticator(self.request)
            return self.send()
        return self.index()

    def ready(self):
        return api.content.get_state(self.context) == "ready"

    def audience(self):
        """How many confirmed subscribers will receive it, and how many have
        nothing in it for their topics."""
        reached, missed = audience(snapshot(self.context))
        return {"reached": len(reached), "missed": missed}

    def send(self):
        url = self.context.absolute_url()
        if not self.ready():
            api.portal.show_message(
                _("This letter is not ready to be sent (or has left already)."),
                self.request,
                type="warning",
            )
            return self.request.response.redirect(url)
        api.content.transition(obj=self.context, transition="send")
        api.portal.show_message(
            _(
                "The letter is leaving: its sending goes on in the background; follow "
                "it on this page."
            ),
            self.request,
            type="info",
        )
        return self.request.response.redirect(url)


def letter_sent(letter, event):
    """The workflow's ``send``: date the letter, keep what it says, and start the
    job once the transaction is committed."""
    if event.transition is None or event.transition.id != "send":
        return
    if letter.effective_date is None:
        letter.setEffectiveDate(DateTime())
    sending.start(letter)
    letter.reindexObject()
    transaction.get().addAfterCommitHook(
        lambda committed: committed and wake_letter_sender()
    )
