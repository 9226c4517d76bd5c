"""Refusing with a reason, and the reason where the author looks: the reviewer's
form (``@@refuser``: a stock reason and/or their own words, always one), and on a
refused item's page, for whoever may edit it, that it is to rework and why (the
reason otherwise lived only in the author's mail)."""

from coordaction.workflows import _
from coordaction.workflows.review_history import refusal_reason
from coordaction.workflows.review_settings import stock_reasons
from plone import api
from plone.api.exc import InvalidParameterError
from plone.app.layout.viewlets import ViewletBase
from plone.protect import CheckAuthenticator
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate


# A reason is a few sentences for the author, not a letter.
COMMENT_LENGTH = 2000


class RefusalViewlet(ViewletBase):
    index = ViewPageTemplateFile("templates/refusal.pt")

    def update(self):
        super().update()
        in_draft = api.content.get_state(self.context, default=None) == "private"
        self.reason = refusal_reason(self.context) if in_draft else ""


class RefuseView(BrowserView):
    """``@@refuser``: refuse an item with a reason (the workflow menu's "Renvoyer à
    l'auteur" leads here). A stock reason, a reason of one's own, or both; none is
    refused in French. Done, the reviewer is back on the list of what waits for
    review, told that the author is told."""

    template = ViewPageTemplateFile("templates/refuse.pt")

    @property
    def items(self):
        return [self.context]

    @property
    def action_url(self):
        return f"{self.context.absolute_url()}/@@refuser"

    @property
    def cancel_url(self):
        return self.context.absolute_url()

    # The selection the form carries along (review_actions.ReviewSelectionView).
    paths = ()

    def __call__(self):
        self.reasons = stock_reasons()
        self.error = ""
        if self.request.method == "POST" and self.request.form.get("form.refuse"):
            CheckAuthenticator(self.request)
            comment = self.comment()
            if comment:
                return self.refuse(comment)
            self.error = translate(
                _("Tell the author why you refuse: choose a reason or write one."),
                context=self.request,
            )
        return self.template()

    def comment(self):
        form = self.request.form
        chosen = form.get("reason")
        chosen = chosen if isinstance(chosen, str) and chosen in self.reasons else ""
        own = form.get("comment")
        own = own.strip()[:COMMENT_LENGTH] if isinstance(own, str) else ""
        return "\n\n".join(part for part in (chosen, own) if part)

    def refuse(self, comment):
        try:
            api.content.transition(
                obj=self.context, transition="reject", comment=comment
            )
        except (InvalidParameterError, WorkflowException):
            api.portal.show_message(
                translate(_("This item cannot be refused now."), context=self.request),
                request=self.request,
                type="error",
            )
            self.request.response.redirect(self.context.absolute_url())
            return ""
        api.portal.show_message(
            translate(
                _(
                    "“${title}” is sent back to its author, with your reason.",
                    mapping={"title": self.context.Title()},
                ),
                context=self.request,
            ),
            request=self.request,
            type="info",
        )
        portal_url = api.portal.get().absolute_url()
        self.request.response.redirect(f"{portal_url}/full_review_list")
        return ""
