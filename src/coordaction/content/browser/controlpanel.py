from coordaction.content import _
from coordaction.content.settings import REGISTRY_PREFIX
from coordaction.content.settings import IContentSettings
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.z3cform import layout


class ContentSettingsForm(RegistryEditForm):
    schema = IContentSettings
    schema_prefix = REGISTRY_PREFIX
    label = _("Portal settings")
    description = _(
        "The lists offered to contributors (themes, resource kinds, shared "
        "spaces), the default licence and the limits of uploads."
    )


ContentSettingsView = layout.wrap_form(ContentSettingsForm, ControlPanelFormWrapper)
