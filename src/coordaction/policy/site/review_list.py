"""Plone's review list (``full_review_list``) as reviewers need it: the items that
waited longest first, each saying since when ("Corentin Contributeur — depuis
3 jours"), its state named by its own workflow (a photo of the bank follows the
publication workflow through a placeful policy: Plone named its type's state), and
the sizes in French (Plone's, plone.app.content 5.0.1 ``ReviewListTable.items``,
are plone.base's ``human_readable_size``: "0 KB", "5.1 KB", whatever the
language)."""

from coordaction.content.sizes import french_plone_size
from coordaction.workflows.review_history import state_title
from coordaction.workflows.review_history import submitted_at
from coordaction.workflows.review_history import waiting_since
from coordaction.workflows.spaces.roster import fullname_of
from pathlib import Path
from plone import api
from plone.app.content.browser import reviewlist
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate


class FrenchReviewListTable(reviewlist.ReviewListTable):
    @property
    def items(self):
        portal = api.portal.get()
        dated = []
        for item in super().items:
            obj = portal.unrestrictedTraverse(item["path"])
            since = submitted_at(obj)
            item["size"] = french_plone_size(item["size"])
            item["state_title"] = state_title(obj)
            if since is not None:
                waited = translate(waiting_since(since), context=self.request)
                item["modified"] = f"{fullname_of(obj.Creator())} — {waited}"
            dated.append(
                (since.timeTime() if since is not None else float("inf"), item)
            )
        dated.sort(key=lambda pair: pair[0])
        items = [item for _since, item in dated]
        for index, item in enumerate(items):
            item["table_row_class"] = "even" if index % 2 == 0 else "odd"
        return items


class FullReviewListView(reviewlist.FullReviewListView):
    index = ViewPageTemplateFile(
        Path(reviewlist.__file__).with_name("full_review_list.pt")
    )

    def __call__(self):
        return self.index()

    def review_table(self):
        return FrenchReviewListTable(self.context, self.request).render()


class ReviewListBrowserView(reviewlist.ReviewListBrowserView):
    """The same table when a reviewer sorts it or turns its pages."""

    table = FrenchReviewListTable
