"""A link of an e-mail that carries a secret token (``?jeton=…``): confirm a
subscription, unsubscribe. Such a link never acts on a GET: mail scanners and link
previews open the links of a message before its reader does. A GET shows what the
link is for and a button (unless it is done already); the button's POST acts, as
does a mail client's one-click unsubscribe (RFC 8058: a POST of
``List-Unsubscribe=One-Click`` to the link). The token is a secret only the
mailbox knows: a forged request cannot carry it, so it stands for plone.protect's
authenticator on that POST (signed-in visitors click such links too, and what it
writes may be any bucket of a large tree).

A subclass says ``find(token)`` (what the token is the key of, or None),
``done(found)``, ``act(found)`` (returns what is now) and has a ``template``."""

from plone import api
from plone.protect.interfaces import IDisableCSRFProtection
from Products.Five.browser import BrowserView
from zope.interface import alsoProvides


class MailLinkView(BrowserView):
    def __call__(self):
        token = self.request.form.get("jeton")
        self.token = token if isinstance(token, str) else ""
        self.found = self.find(self.token)
        self.unknown = self.found is None
        self.asking = False
        if self.unknown:
            self.request.response.setStatus(404)
        elif self.request.method != "POST":
            self.asking = not self.done(self.found)
        else:
            alsoProvides(self.request, IDisableCSRFProtection)
            self.found = self.act(self.found)
        self.request.response.setHeader("Cache-Control", "private, no-store")
        return self.template()

    def action_url(self):
        return f"{api.portal.get().absolute_url()}/@@{self.__name__}"
