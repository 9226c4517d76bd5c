"""The sign-up block of the letter (``@@lettre-bloc``), on the home page, in *Mon
espace* and in the footer of every other page (once a page: the footer, drawn
last, leaves it out where the page has one, and on the sign-up page): an address
field that fills in the sign-up page (it subscribes no one by itself); for a
member, one button that subscribes the address of their account (confirmed from
its mailbox, as any), or what they receive and how to stop (only once that
mailbox linked the subscription to them)."""

from coordaction.policy.newsletter import mails
from coordaction.policy.newsletter import subscribers
from coordaction.policy.newsletter.pages import mark_shown
from coordaction.policy.newsletter.pages import member_email
from coordaction.policy.newsletter.pages import shown_on
from coordaction.policy.newsletter.topics import TOPIC_IDS
from coordaction.policy.site.members import current_user_id
from plone import api
from Products.Five.browser import BrowserView


class SignUpBlock(BrowserView):
    def __call__(self):
        if shown_on(self.request):
            return ""
        mark_shown(self.request)
        self.email = member_email()
        found = subscribers.of_member(self.email, current_user_id())
        self.token, self.record = found or (None, None)
        return self.index()

    def subscribed(self):
        return self.record is not None

    def signup_url(self):
        return f"{api.portal.get().absolute_url()}/@@lettre-inscription"

    def unsubscribe_url(self):
        return mails.unsubscribe_url(self.token)

    def all_topics(self):
        return TOPIC_IDS
