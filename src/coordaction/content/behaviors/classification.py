"""Themes and régions: the shared classification of resources, events and images."""

from coordaction.content import _
from plone.autoform import directives
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import provider


@provider(IFormFieldProvider)
class IThemes(model.Schema):
    model.fieldset("classification", label=_("Ranking"), fields=["themes"])

    directives.widget("themes", CheckBoxFieldWidget)
    themes = schema.List(
        title=_("Themes"),
        value_type=schema.Choice(vocabulary="coordaction.vocabularies.themes"),
        required=False,
        default=[],
        missing_value=[],
    )


@provider(IFormFieldProvider)
class IRegions(model.Schema):
    model.fieldset("classification", label=_("Ranking"), fields=["regions"])

    directives.widget("regions", CheckBoxFieldWidget)
    regions = schema.List(
        title=_("Regions"),
        description=_("The regions concerned; none for national content."),
        value_type=schema.Choice(vocabulary="coordaction.vocabularies.regions"),
        required=False,
        default=[],
        missing_value=[],
    )
