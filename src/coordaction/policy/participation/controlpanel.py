"""The "Participation" control panel: the limits of the public forms, the
retention of their submissions and the ads' reminder."""

from coordaction.policy import _
from coordaction.policy.participation.settings import REGISTRY_PREFIX
from coordaction.policy.participation.settings import IParticipationSettings
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm


class ParticipationSettingsForm(RegistryEditForm):
    schema = IParticipationSettings
    schema_prefix = REGISTRY_PREFIX
    label = _("Participation du public")
    description = _(
        "Formulaires publics, petites annonces et tâche planifiée. La tâche "
        "planifiée s'appelle avec ce jeton (voir le README)."
    )


class ParticipationControlPanel(ControlPanelFormWrapper):
    form = ParticipationSettingsForm
