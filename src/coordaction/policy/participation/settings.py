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
        title=_("Anonymous submissions per hour and per IP address"),
        description=_(
            "Beyond that, the public forms refuse submissions from that address "
            "for one hour (protection against robots)."
        ),
        min=1,
        max=1000,
        default=10,
    )
    submission_retention_days = schema.Int(
        title=_("Retention period of form submissions (days)"),
        description=_("Older saved submissions are deleted by the scheduled task."),
        min=1,
        max=3650,
        default=365,
    )
    ad_reminder_days = schema.Int(
        title=_("Reminder before an ad expires (days)"),
        description=_(
            "The author of an ad receives an e-mail this number of days before it "
            "expires."
        ),
        min=1,
        max=90,
        default=7,
    )
    scheduled_token = schema.ASCIILine(
        title=_("Token of the scheduled task"),
        description=_(
            "The secret the scheduled task (cron) must send. Created on "
            "installation; the environment variable COORDACTION_CRON_TOKEN "
            "replaces it on start-up."
        ),
        required=False,
    )


def setting(name):
    return read_setting(IParticipationSettings, REGISTRY_PREFIX, name)


def set_setting(name, value):
    setattr(settings_of(IParticipationSettings, REGISTRY_PREFIX), name, value)
