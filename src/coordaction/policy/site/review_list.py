"""The review list (``full_review_list``, "Éléments à modérer") as reviewers need
it: what waited longest first, each row saying who proposed it and since when
("depuis 3 jours"), its state named by its own workflow (a photo of the bank
follows the publication workflow through a placeful policy: Plone named its
type's state); a box on each row, and two buttons that
publish the selection or send it back with one reason
(``coordaction.workflows.review_actions``). On a phone each row becomes a block.

Plone's own table (plone.app.content 5.0.1) had the boxes but no button any more,
and its sizes in English ("5.1 KB")."""

from coordaction.content.listing_urls import page_url
from coordaction.policy import _
from coordaction.workflows.review_history import state_title
from coordaction.workflows.review_history import submitted_at
from coordaction.workflows.review_history import waiting_since
from coordaction.workflows.spaces.roster import fullname_of
from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate


class FullReviewListView(BrowserView):
    # The page's name in the browser's tab (page_title.py).
    label = _("Items to moderate")

    index = ViewPageTemplateFile("templates/review_list.pt")

    def __call__(self):
        return self.index()

    def rows(self):
        """One row per item that waits for the current reviewer, oldest first."""
        if api.user.is_anonymous():
            return []
        types = api.portal.get_tool("portal_types")
        rows = []
        for item in api.portal.get_tool("portal_workflow").getWorklistsResults():
            since = submitted_at(item)
            rows.append(
                {
                    "title": item.Title() or item.getId(),
                    "url": page_url(item),
                    "path": "/".join(item.getPhysicalPath()),
                    "type": types[item.portal_type].Title(),
                    "author": fullname_of(item.Creator()),
                    "waiting": waiting_since(since) if since is not None else "",
                    "since": since.timeTime() if since is not None else float("inf"),
                    "state": translate(
                        state_title(item), domain="plone", context=self.request
                    ),
                }
            )
        rows.sort(key=lambda row: row["since"])
        return rows

    def selection_url(self):
        return f"{api.portal.get().absolute_url()}/@@relire-la-selection"
