"""The "Page d'accueil et Mon espace" control panel: the welcome, the entry points by
kind of visitor, the number of associations and the collaborative tools."""

from coordaction.policy import _
from coordaction.policy.home.settings import REGISTRY_PREFIX
from coordaction.policy.home.settings import IHomeSettings
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm


class HomeSettingsForm(RegistryEditForm):
    schema = IHomeSettings
    schema_prefix = REGISTRY_PREFIX
    label = _("Home page and My space")
    # The first tab's name (Plone's is "Défaut").
    default_fieldset_label = _("Home page")
    description = _(
        "The texts and entries by audience of the home page, and the "
        "collaborative tools offered to members in “My space”."
    )


class HomeControlPanel(ControlPanelFormWrapper):
    form = HomeSettingsForm
