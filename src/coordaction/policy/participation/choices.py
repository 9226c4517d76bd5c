"""A list to choose from in the public forms starts on "Choisissez une valeur…",
not on its first value: a visitor who skipped "Région" filed an ad in Guadeloupe,
and a project sheet asked why the département 01 was not in a région nobody chose.
A required list left on the prompt is refused with the form's usual "Champ requis"."""

from collective.easyform.browser.view import EasyFormForm
from coordaction.policy.interfaces import ICoordactionLayer
from z3c.form.widget import StaticWidgetAttribute
from zope.schema.interfaces import IChoice


PromptOnChoices = StaticWidgetAttribute(
    True, request=ICoordactionLayer, view=EasyFormForm, field=IChoice
)
