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
    label = _("Page d'accueil et Mon espace")
    description = _(
        "Les textes et les entrées par public de la page d'accueil, et les outils "
        "collaboratifs proposés aux membres dans « Mon espace »."
    )


class HomeControlPanel(ControlPanelFormWrapper):
    form = HomeSettingsForm
