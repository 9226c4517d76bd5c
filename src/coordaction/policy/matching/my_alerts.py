"""``@@mes-alertes``: a member asks, from Mon espace, for the alerts kept for the
address of their account. They come by e-mail, each with the link that stops it:
the portal does not check that an account's address is its owner's, the mailbox
does. The page says the same whether there are alerts or not (it tells nobody
whether an address subscribed); a mail that cannot leave now waits in the queue."""

from coordaction.policy import _
from coordaction.policy.matching import mails
from coordaction.policy.matching.subscriptions import subscriptions_of
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zExceptions import Unauthorized
from zope.i18n import translate
import logging


logger = logging.getLogger(__name__)


class MyAlertsView(BrowserView):
    def __call__(self):
        if api.user.is_anonymous():
            raise Unauthorized("mes-alertes")
        portal = api.portal.get()
        back = f"{portal.absolute_url()}/@@mon-espace"
        if self.request.method != "POST":
            return self.request.response.redirect(back)
        CheckAuthenticator(self.request)
        email = api.user.get_current().getProperty("email", "") or ""
        subscriptions = subscriptions_of(portal, email)
        if subscriptions:
            try:
                mails.send_subscriptions(portal, email, subscriptions)
            except Exception:
                # The queue keeps what it accepted; anything else is logged, and
                # the member is told the same (nothing of theirs is lost).
                logger.exception("The list of alerts could not be queued")
        api.portal.show_message(
            translate(
                _(
                    "If alerts are kept for ${email}, their links are on their way "
                    "to that address.",
                    mapping={"email": email},
                ),
                context=self.request,
            ),
            request=self.request,
            type="info",
        )
        return self.request.response.redirect(back)
