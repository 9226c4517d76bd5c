"""Plone's review list (``full_review_list``) with the sizes in French: Plone's
(plone.app.content 5.0.1, ``browser/reviewlist.py``, ``ReviewListTable.items``) writes
them with plone.base's ``human_readable_size``, "0 KB", "5.1 KB", whatever the
language."""

from coordaction.content.sizes import french_plone_size
from pathlib import Path
from plone.app.content.browser import reviewlist
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class FrenchReviewListTable(reviewlist.ReviewListTable):
    @property
    def items(self):
        items = super().items
        for item in items:
            item["size"] = french_plone_size(item["size"])
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
