"""The reasons a reviewer picks from when refusing (``coordaction.review.reasons``),
each editable by the federation in the registry; the reviewer adds what is
particular to the item."""

from coordaction.workflows import _
from plone import api
from plone.supermodel import model
from zope import schema


REASONS_RECORD = "coordaction.review.reasons"


class IReviewSettings(model.Schema):
    reasons = schema.List(
        title=_("Reasons to refuse"),
        description=_("Offered to the reviewer who refuses an item, one per line."),
        value_type=schema.TextLine(),
        required=False,
        default=[],
    )


def stock_reasons():
    return [
        reason.strip()
        for reason in api.portal.get_registry_record(REASONS_RECORD, default=None) or ()
        if reason and reason.strip()
    ]
