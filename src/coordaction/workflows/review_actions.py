"""What a reviewer does from the review list, and where it leaves them: back on
the list, told what was done.

- ``@@publier`` (the workflow menu's "Publier"): publishes the item; one that
  waited for review leaves the reviewer on the list with a confirmation (an
  editor publishing their own draft stays on its page, as in Plone).
- ``@@relire-la-selection`` (the list's two buttons): publishes the ticked items,
  or asks one reason (``refusal.RefuseView``'s form) and sends them all back
  with it. An item someone else reviewed meanwhile, or that the reviewer may not
  review, is left as it is and counted in the confirmation; a second click of
  the same button (a double submit) changes nothing more."""

from coordaction.workflows import _
from coordaction.workflows.refusal import RefuseView
from plone import api
from plone.api.exc import InvalidParameterError
from plone.protect import CheckAuthenticator
from Products.CMFCore.WorkflowCore import WorkflowException
from Products.Five.browser import BrowserView
from zope.i18n import translate


REVIEW = "Review portal content"
# A selection is what one screen lists, not a whole catalogue.
SELECTION_SIZE = 200


def review_list_url():
    return f"{api.portal.get().absolute_url()}/full_review_list"


def transition_all(items, transition, comment=""):
    """Do ``transition`` on each item the current user may review; the number
    done and the number left as they were."""
    done = 0
    for item in items:
        if not api.user.has_permission(REVIEW, obj=item):
            continue
        try:
            api.content.transition(obj=item, transition=transition, comment=comment)
        except (InvalidParameterError, WorkflowException):
            continue
        done += 1
    return done, len(items) - done


def tell(request, message, kind="info"):
    api.portal.show_message(
        translate(message, context=request), request=request, type=kind
    )


def tell_left(request, left):
    if left:
        tell(
            request,
            _(
                "${count} item(s) left unchanged: already reviewed by someone "
                "else, or not yours to review.",
                mapping={"count": left},
            ),
            "warning",
        )


class PublishView(BrowserView):
    """``@@publier``: publish the item (the link of the workflow menu carries the
    portal's token, as Plone's ``content_status_modify`` does)."""

    def __call__(self):
        CheckAuthenticator(self.request)
        waited = api.content.get_state(self.context, default=None) == "pending"
        done, _left = transition_all([self.context], "publish")
        title = self.context.Title()
        if not done:
            tell(self.request, _("This item cannot be published now."), "error")
            return self.request.response.redirect(self.context.absolute_url())
        tell(self.request, _("“${title}” is published.", mapping={"title": title}))
        target = review_list_url() if waited else self.context.absolute_url()
        return self.request.response.redirect(target)


class ReviewSelectionView(RefuseView):
    """``@@relire-la-selection``: the list's buttons. Publishing is done at once;
    sending back shows the reasons' form for the whole selection first."""

    items = ()

    def __call__(self):
        if self.request.method != "POST":
            return self.request.response.redirect(review_list_url())
        CheckAuthenticator(self.request)
        self.items = self.selected()
        if not self.items:
            tell(self.request, _("Tick at least one item first."), "warning")
            return self.request.response.redirect(review_list_url())
        if self.request.form.get("form.publish"):
            done, left = transition_all(self.items, "publish")
            if done:
                tell(
                    self.request,
                    _("${count} item(s) published.", mapping={"count": done}),
                )
            tell_left(self.request, left)
            return self.request.response.redirect(review_list_url())
        return super().__call__()

    def selected(self):
        paths = self.request.form.get("paths") or []
        if isinstance(paths, str):
            paths = [paths]
        items = []
        for path in paths[:SELECTION_SIZE]:
            if not isinstance(path, str):
                continue
            try:
                item = api.content.get(path=path)
            except Exception:  # an address outside the portal, or not allowed
                item = None
            if item is not None and item not in items:
                items.append(item)
        return items

    @property
    def action_url(self):
        return f"{api.portal.get().absolute_url()}/@@relire-la-selection"

    @property
    def cancel_url(self):
        return review_list_url()

    @property
    def paths(self):
        return ["/".join(item.getPhysicalPath()) for item in self.items]

    def refuse(self, comment):
        done, left = transition_all(self.items, "reject", comment)
        if done:
            tell(
                self.request,
                _(
                    "${count} item(s) sent back to their authors, with your reason.",
                    mapping={"count": done},
                ),
            )
        tell_left(self.request, left)
        self.request.response.redirect(review_list_url())
        return ""
