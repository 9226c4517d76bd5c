"""Outgoing mail settings, read from the environment.

The SMTP account of a production site is a secret that belongs to the host, not to
the database nor to the code: the site reads it from environment variables when it
is installed and each time ``make create-site`` (or ``make start``) runs.
"""

from plone import api
import os


# environment variable -> (registry record, type)
MAIL_ENVIRONMENT = {
    "COORDACTION_SMTP_HOST": ("plone.smtp_host", str),
    "COORDACTION_SMTP_PORT": ("plone.smtp_port", int),
    "COORDACTION_SMTP_USER": ("plone.smtp_userid", str),
    "COORDACTION_SMTP_PASSWORD": ("plone.smtp_pass", str),
    "COORDACTION_MAIL_FROM": ("plone.email_from_address", str),
    "COORDACTION_MAIL_FROM_NAME": ("plone.email_from_name", str),
}

# Used when the environment says nothing: a local development setup.
MAIL_DEFAULTS = {
    "plone.email_from_address": "noreply@coordaction.localhost",
    "plone.email_from_name": "Coordin'action",
}


def configure_mail_from_environment(environ=None):
    """Write the mail settings found in ``environ`` into the registry.

    Records with no environment variable keep their value, or get the local
    default when they are still empty. Returns the names of the records changed.
    An invalid variable raises ValueError before any record is written.
    """
    environ = os.environ if environ is None else environ
    values = {}
    for variable, (record, cast) in MAIL_ENVIRONMENT.items():
        raw = environ.get(variable, "").strip()
        if raw:
            try:
                values[record] = cast(raw)
            except ValueError as error:
                raise ValueError(
                    f"La variable d'environnement {variable} est invalide : {raw!r}"
                ) from error
        elif record in MAIL_DEFAULTS and not api.portal.get_registry_record(
            record, default=None
        ):
            values[record] = MAIL_DEFAULTS[record]
    changed = []
    for record, value in values.items():
        if api.portal.get_registry_record(record, default=None) != value:
            api.portal.set_registry_record(record, value)
            changed.append(record)
    return changed
