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
    label = _("Public participation")
    description = _(
        "Public forms, classified ads and scheduled task. The scheduled task "
        "is called with this token (see the README)."
    )


class ParticipationControlPanel(ControlPanelFormWrapper):
    form = ParticipationSettingsForm
