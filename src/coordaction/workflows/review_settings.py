"""The reasons a reviewer picks from when refusing (``coordaction.review.reasons``),
each editable by the federation's administrators in the "Relecture" control panel
(``@@coordaction-relecture``, a row per reason); the reviewer adds what is
particular to the item."""

from coordaction.content.browser.rows import RowsWidget
from coordaction.workflows import _
from plone import api
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.autoform import directives
from plone.supermodel import model
from zope import schema


PREFIX = "coordaction.review"
REASONS_RECORD = f"{PREFIX}.reasons"


class IReviewSettings(model.Schema):
    directives.widget("reasons", RowsWidget, columns=(_("Reason"),))
    reasons = schema.List(
        title=_("Reasons to refuse"),
        description=_(
            "Offered to the reviewer who sends an item back to its author, one per "
            "row; the reviewer may add their own words."
        ),
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


class ReviewSettingsForm(RegistryEditForm):
    schema = IReviewSettings
    schema_prefix = PREFIX
    label = _("Review")
    description = _(
        "The reasons offered to reviewers when they send an item back to its author."
    )


class ReviewControlPanel(ControlPanelFormWrapper):
    form = ReviewSettingsForm
