from coordaction.content import _
from coordaction.content.settings import REGISTRY_PREFIX
from coordaction.content.settings import IContentSettings
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.z3cform import layout


class ContentSettingsForm(RegistryEditForm):
    schema = IContentSettings
    schema_prefix = REGISTRY_PREFIX
    label = _("Réglages du portail")
    description = _(
        "Les listes proposées aux contributeurs (thèmes, types de ressources, espaces "
        "partagés), la licence par défaut et les limites des dépôts."
    )


ContentSettingsView = layout.wrap_form(ContentSettingsForm, ControlPanelFormWrapper)
