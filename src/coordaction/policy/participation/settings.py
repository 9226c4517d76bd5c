"""Settings of the public's participation, in the registry under
``coordaction.participation.*``, edited in the "Participation" control panel."""

from coordaction.content.settings import read_setting
from coordaction.content.settings import settings_of
from coordaction.policy import _
from zope import schema
from zope.interface import Interface


REGISTRY_PREFIX = "coordaction.participation"


class IParticipationSettings(Interface):
    anonymous_posts_per_hour = schema.Int(
        title=_("Envois anonymes par heure et par adresse IP"),
        description=_(
            "Au-delà, les formulaires publics refusent les envois de cette adresse "
            "pendant une heure (protection contre les robots)."
        ),
        min=1,
        max=1000,
        default=10,
    )
    submission_retention_days = schema.Int(
        title=_("Durée de conservation des envois de formulaires (jours)"),
        description=_(
            "Les envois enregistrés plus anciens sont supprimés par la tâche planifiée."
        ),
        min=1,
        max=3650,
        default=365,
    )
    ad_reminder_days = schema.Int(
        title=_("Rappel avant l'expiration d'une annonce (jours)"),
        description=_(
            "L'auteur d'une annonce reçoit un courriel ce nombre de jours avant "
            "qu'elle expire."
        ),
        min=1,
        max=90,
        default=7,
    )
    scheduled_token = schema.ASCIILine(
        title=_("Jeton de la tâche planifiée"),
        description=_(
            "Le secret que la tâche planifiée (cron) doit envoyer. Créé à "
            "l'installation ; la variable d'environnement COORDACTION_CRON_TOKEN le "
            "remplace au démarrage."
        ),
        required=False,
    )


def setting(name):
    return read_setting(IParticipationSettings, REGISTRY_PREFIX, name)


def set_setting(name, value):
    setattr(settings_of(IParticipationSettings, REGISTRY_PREFIX), name, value)
