"""The pages of the letter's subscribers, on the site root:

- ``@@lettre-inscription``: the sign-up form (address, topics, région, consent);
  the small form of the footer and of the home page post their address to it,
  which fills it in without subscribing anyone. A member signed in subscribes
  their account's address in one click, confirmed at once;
- ``@@lettre-confirmer?jeton=…`` and ``@@lettre-desabonner?jeton=…``: the links
  of the e-mails, which act on a POST only (``site.mail_links``).

The sign-up's POST carries Plone's authenticator and collective.honeypot's field,
and counts among the anonymous posts of a connection (``participation.antispam``).
Its confirmation goes through the mail queue; if even that fails, nothing is kept
and the page says so."""

from coordaction.content.vocabularies.geography import regions
from coordaction.policy import _
from coordaction.policy.mailqueue.list_mail import NOT_SENT
from coordaction.policy.mailqueue.list_mail import address_error
from coordaction.policy.newsletter import mails
from coordaction.policy.newsletter import subscribers
from coordaction.policy.newsletter.topics import TOPIC_IDS
from coordaction.policy.newsletter.topics import topics
from coordaction.policy.newsletter.topics import valid_region
from coordaction.policy.newsletter.topics import valid_topics
from coordaction.policy.participation.antispam import public_post_refusal
from coordaction.policy.site.form_values import form_text
from coordaction.policy.site.mail_links import MailLinkView
from coordaction.policy.site.members import current_user_id
from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.annotation.interfaces import IAnnotations


SHOWN = "coordaction.policy.newsletter.shown"


def shown_on(request):
    """Whether the page of this request already offers to sign up."""
    return IAnnotations(request).get(SHOWN, False)


def mark_shown(request):
    IAnnotations(request)[SHOWN] = True


def member_email():
    """The address of the signed-in member's account, or ""."""
    if api.user.is_anonymous():
        return ""
    return subscribers.normalize_email(api.user.get_current().getProperty("email"))


class SignUpView(BrowserView):
    template = ViewPageTemplateFile("templates/signup.pt")
    label = _("Subscribe to the letter")

    def __call__(self):
        form = self.request.form
        mark_shown(self.request)  # no second sign-up in the footer
        self.errors = []
        self.done = False  # True: the confirmation e-mail is on its way
        self.account_email = member_email()
        self.email = subscribers.normalize_email(form_text(form, "courriel"))
        self.chosen = valid_topics(form.get("themes") or []) or []
        self.region = form_text(form, "region")
        if self.request.method == "POST" and form.get("abonner"):
            self.subscribe()
            return self.answer()
        mine = self.subscription()
        if not self.email:
            self.email = self.account_email
        if mine is not None and self.email == self.account_email and not self.chosen:
            # "Change my topics": what the member receives, ticked.
            wanted = subscribers.wanted(mine)
            self.chosen, self.region = list(wanted["topics"]), wanted["region"]
        if not self.chosen:
            self.chosen = list(TOPIC_IDS)
        return self.answer()

    def answer(self):
        self.request.response.setHeader("Cache-Control", "private, no-store")
        return self.template()

    def refuse(self, status, message):
        self.request.response.setStatus(status)
        self.errors.append(message)

    def check(self):
        """The errors of the form, in French; the address, topics and région."""
        form = self.request.form
        refusal = public_post_refusal(self.context, self.request)
        if refusal is not None:
            return self.refuse(*refusal)
        if not self.email:
            self.errors.append(_("Give your e-mail address."))
        elif address_error(self.email):
            self.errors.append(address_error(self.email))
        if not self.chosen:
            self.errors.append(_("Choose at least one topic."))
        if valid_region(self.region) is None:
            self.errors.append(_("Choose a région of the list, or none."))
        if form.get("consentement") != "oui" and self.email != self.account_email:
            self.errors.append(
                _(
                    "Tick the box accepting that your address is kept: without it, we "
                    "cannot send you the letter."
                )
            )
        if self.errors:
            self.request.response.setStatus(400)

    def subscribe(self):
        self.check()
        if self.errors:
            return
        # Plone lets a member change their address without any check: theirs
        # is confirmed from its mailbox too, and linked to them then.
        own = self.email == self.account_email
        try:
            mails.sign_up(
                self.email,
                self.chosen,
                self.region,
                "account" if own else "form",
                user_id=current_user_id() if own else None,
            )
        except mails.NotSent:
            return self.refuse(503, NOT_SENT)
        self.done = True

    def topics(self):
        return [
            {"id": topic, "title": title, "checked": topic in self.chosen}
            for topic, title in topics()
        ]

    def regions(self):
        return [
            {"code": code, "name": name, "selected": code == self.region}
            for code, name in regions().items()
        ]

    def subscription(self):
        """The signed-in member's confirmed subscription: its record, or None."""
        found = subscribers.of_member(self.account_email, current_user_id())
        return found[1] if found else None

    def privacy_url(self):
        return f"{api.portal.get().absolute_url()}/donnees-personnelles"

    def action_url(self):
        return f"{api.portal.get().absolute_url()}/@@lettre-inscription"


class LetterLinkView(MailLinkView):
    template = ViewPageTemplateFile("templates/letter_link.pt")

    def find(self, token):
        found = subscribers.get(token)
        return found[1] if found else None

    @property
    def label(self):
        """The page's heading, and its name in the browser's tab."""
        if self.unknown:
            return _("This link is not valid")
        return self.label_asking if self.asking else self.label_done

    def topic_titles(self):
        chosen = (self.found.get("pending") or self.found)["topics"]
        return [title for topic, title in topics() if topic in chosen]

    def signup_url(self):
        return f"{api.portal.get().absolute_url()}/@@lettre-inscription"


class ConfirmView(LetterLinkView):
    confirming = True
    label_asking = _("Confirm your subscription to the letter")
    label_done = _("You receive the letter")

    def done(self, record):
        return not subscribers.needs_confirmation(record)

    def act(self, record):
        return subscribers.confirm(self.token)


class UnsubscribeView(LetterLinkView):
    confirming = False
    label_asking = _("Unsubscribe from the letter?")
    label_done = _("You no longer receive the letter")

    def done(self, record):
        return False  # an erased subscription has no link any more

    def act(self, record):
        return subscribers.unsubscribe(self.token)
