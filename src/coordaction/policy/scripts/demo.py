"""Fill the coordaction site with French demo content, to try every feature.

    coordaction-demo var/instance/etc/zope.conf

Creates demo accounts (one per role, with public passwords: FOR LOCAL USE ONLY),
resources, legal templates, project sheets, working groups, events and classified
ads. Idempotent: what exists is kept as it is, running it again creates nothing.
The site must exist (``make create-site``).

Environment: COORDACTION_SITE_ID (default ``coordaction``), COORDACTION_ADMIN_USER,
COORDACTION_ADMIN_PASSWORD (as for ``coordaction-create-site``), and
COORDACTION_PUBLIC_URL (defaults to ``http://localhost:$COORDACTION_PORT``): the
address the links stored in the catalog (file downloads) point to.
"""

from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import noSecurityManager
from coordaction.policy.scripts.create_site import ensure_admin
from coordaction.policy.scripts.create_site import open_zope_app
from coordaction.policy.scripts.create_site import public_url
from coordaction.policy.scripts.create_site import set_server_url
from zope.component.hooks import setSite
import os
import sys
import time
import transaction


def print_summary(created, seconds, site_url):
    from coordaction.policy.demo.build import CATEGORIES
    from coordaction.policy.demo.build import demo_accounts

    total = sum(created.values())
    if total:
        print(f"Contenu de démonstration créé en {seconds:.0f} s :")
        for key, label in CATEGORIES:
            print(f"  {created.get(key, 0):4d} {label}")
    else:
        print("Le contenu de démonstration existe déjà : rien n'a été créé ni modifié.")
    print(f"Portail : {site_url}")
    print("Comptes de démonstration (mots de passe publics : usage local seulement) :")
    accounts = demo_accounts()
    width = max(len(account["login"]) for account in accounts)
    for account in accounts:
        print(
            f"  {account['login']:<{width}}  {account['password']:<18}  {account['role']}"
        )


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        print(__doc__)
        return 2
    from coordaction.policy.demo.build import create_demo_content

    site_id = os.environ.get("COORDACTION_SITE_ID", "coordaction")
    login = os.environ.get("COORDACTION_ADMIN_USER", "admin")
    password = os.environ.get("COORDACTION_ADMIN_PASSWORD", "admin")
    app = open_zope_app(argv[0])
    newSecurityManager(None, ensure_admin(app, login, password))
    try:
        if site_id not in app.objectIds():
            print(
                f"Le site « {site_id} » n'existe pas : créez-le d'abord "
                "(make create-site).",
                file=sys.stderr,
            )
            return 1
        set_server_url(app, public_url())
        site = app[site_id]
        setSite(site)
        started = time.monotonic()
        created = create_demo_content(site)
        transaction.commit()
        seconds = time.monotonic() - started
    finally:
        noSecurityManager()
        # Close the database cleanly: the server started next opens it without
        # having to rebuild the FileStorage index.
        app._p_jar.db().close()
    print_summary(created, seconds, f"{public_url()}/{site_id}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
