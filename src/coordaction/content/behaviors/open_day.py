"""A project's open day (*journée portes ouvertes*): when its group welcomes
visitors, in two fields of its sheet. The open-days campaigns of the agenda
(``content.open_days``) list the projects whose open day falls within theirs."""

from coordaction.content import _
from plone.app.event.base import default_timezone
from plone.app.z3cform.widgets.datetime import DatetimeFieldWidget
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from zope import schema
from zope.interface import Invalid
from zope.interface import invariant
from zope.interface import provider


@provider(IFormFieldProvider)
class IOpenDay(model.Schema):
    model.fieldset(
        "open_day",
        label=_("Open day"),
        fields=["open_day_start", "open_day_end"],
    )
    directives.widget(
        "open_day_start", DatetimeFieldWidget, default_timezone=default_timezone
    )
    open_day_start = schema.Datetime(
        title=_("Open day: from"),
        description=_(
            "When your group welcomes visitors, for an open-days campaign of the "
            "agenda."
        ),
        required=False,
    )
    directives.widget(
        "open_day_end", DatetimeFieldWidget, default_timezone=default_timezone
    )
    open_day_end = schema.Datetime(title=_("Open day: until"), required=False)

    @invariant
    def open_day_in_order(data):
        start = getattr(data, "open_day_start", None)
        end = getattr(data, "open_day_end", None)
        if (start is None) != (end is None):
            raise Invalid(_("Give both the start and the end of the open day."))
        if start and end and end <= start:
            raise Invalid(_("The open day ends before it starts."))
