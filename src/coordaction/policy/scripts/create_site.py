"""Create the coordaction site in a Zope database, or bring an existing one up to date.

    coordaction-create-site var/instance/etc/zope.conf

Idempotent: an existing site keeps all its data; it only gets the pending upgrade
steps of our profiles and the mail settings of the environment. The Zope
administrator ``admin`` gets the password of COORDACTION_ADMIN_PASSWORD (``admin``
when unset: for local use only).

Environment: COORDACTION_SITE_ID (default ``coordaction``), COORDACTION_ADMIN_USER,
COORDACTION_ADMIN_PASSWORD, COORDACTION_DEMO (``1``: a new site gets the demo content,
as ``make start`` asks), COORDACTION_PUBLIC_URL (printed at the end; defaults to
``http://localhost:$COORDACTION_PORT``), COORDACTION_CACHING_PROXIES (the caching
proxies to purge: ``coordaction.policy.site.caching``), and the mail variables of
``coordaction.policy.mailqueue.settings``.
"""

from coordaction.policy import PROFILE_ID
from coordaction.policy.mailqueue.settings import configure_mail_from_environment
from coordaction.policy.participation.scheduled import ensure_scheduled_token
from coordaction.policy.scripts.zope_app import admin_login
from coordaction.policy.scripts.zope_app import public_url
from coordaction.policy.scripts.zope_app import site_id as configured_site_id
from coordaction.policy.scripts.zope_app import zope_as_admin
from coordaction.policy.scripts.zope_app import zope_conf_argument
from coordaction.policy.site.caching import configure_caching_from_environment
from zope.component.hooks import setSite
import os
import sys
import transaction


SITE_TITLE = "Coordin'action des associations de l'habitat participatif"
OUR_PROFILES = (
    "coordaction.content:default",
    "coordaction.workflows:default",
    PROFILE_ID,
)


def upgrade_profiles(site):
    setup = site.portal_setup
    upgraded = []
    for profile_id in OUR_PROFILES:
        if setup.listUpgrades(profile_id):
            setup.upgradeProfile(profile_id)
            upgraded.append(profile_id)
    return upgraded


def mail_summary(site):
    """Where the portal's mail goes, for the person starting it."""
    from coordaction.policy.mailqueue.outbox import queue_directory
    from plone import api

    host = api.portal.get_registry_record("plone.smtp_host", default="localhost")
    port = api.portal.get_registry_record("plone.smtp_port", default=25)
    return (
        f"Courriels : mis en file dans {queue_directory()}, puis envoyés en tâche de "
        f"fond au serveur SMTP {host}:{port} dès qu'il répond (aucun n'est perdu "
        "s'il est absent). « make mail-queue » montre la file ; « make mailcatcher » "
        "puis « make start-with-mailcatcher » permettent de les lire."
    )


def create_or_update_site(app, site_id):
    from Products.CMFPlone.factory import addPloneSite

    if site_id in app.objectIds():
        site = app[site_id]
        setSite(site)
        upgraded = upgrade_profiles(site)
        message = f"Le site « {site_id} » existe déjà : ses données sont conservées."
        if upgraded:
            message += " Mis à jour : " + ", ".join(upgraded) + "."
    else:
        site = addPloneSite(
            app,
            site_id,
            title=SITE_TITLE,
            extension_ids=(PROFILE_ID,),
            setup_content=False,
            default_language="fr",
            portal_timezone="Europe/Paris",
        )
        setSite(site)
        message = f"Site « {site_id} » créé."
        if os.environ.get("COORDACTION_DEMO", "").lower() in {"1", "true", "oui"}:
            from coordaction.policy.demo.build import CATEGORIES
            from coordaction.policy.demo.build import create_demo_content

            counts = create_demo_content(site)
            message += (
                " Contenu de démonstration ajouté : "
                + ", ".join(f"{counts[key]} {label}" for key, label in CATEGORIES)
                + "."
            )
    configure_mail_from_environment()
    message += "\n" + mail_summary(site)
    proxies = configure_caching_from_environment()
    if proxies:
        message += " Cache HTTP : purge de " + ", ".join(proxies) + "."
    ensure_scheduled_token()
    return site, message


def main(argv=None):
    zope_conf = zope_conf_argument(argv, __doc__)
    if zope_conf is None:
        return 2
    site_id = configured_site_id()
    login, password = admin_login()
    with zope_as_admin(zope_conf, login, password) as app:
        _site, message = create_or_update_site(app, site_id)
        transaction.commit()
    print(message)
    print(f"Portail : {public_url()}/{site_id}")
    print(
        f"Connexion : {public_url()}/{site_id}/login  (identifiant « {login} »,",
        end=" ",
    )
    if "COORDACTION_ADMIN_PASSWORD" in os.environ:
        print("mot de passe de COORDACTION_ADMIN_PASSWORD)")
    else:
        print(
            "mot de passe « admin » : définissez COORDACTION_ADMIN_PASSWORD hors usage local)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
