"""The "Participation" control panel: the limits of the public forms, the
retention of their submissions and the ads' reminder."""

from coordaction.policy import _
from coordaction.policy.participation.settings import REGISTRY_PREFIX
from coordaction.policy.participation.settings import IParticipationSettings
from plone import api
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm


class ParticipationSettingsForm(RegistryEditForm):
    schema = IParticipationSettings
    schema_prefix = REGISTRY_PREFIX
    label = _("Public participation")

    @property
    def description(self):
        """What the host's daily task must call: the line to copy into its
        crontab, with this site's address (the token is the last field)."""
        return _(
            "Public forms, classified ads and the scheduled task. Once a day, the "
            "host calls the scheduled task with the token below; the line of its "
            "crontab: ${line}",
            mapping={
                "line": "15 3 * * * curl -fsS -X POST -d token=… "
                f"{api.portal.get().absolute_url()}/@@taches-planifiees"
            },
        )


class ParticipationControlPanel(ControlPanelFormWrapper):
    form = ParticipationSettingsForm
