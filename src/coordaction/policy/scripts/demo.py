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

from coordaction.policy.scripts.zope_app import existing_site
from coordaction.policy.scripts.zope_app import public_url
from coordaction.policy.scripts.zope_app import site_id as configured_site_id
from coordaction.policy.scripts.zope_app import zope_as_admin
from coordaction.policy.scripts.zope_app import zope_conf_argument
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
    zope_conf = zope_conf_argument(argv, __doc__)
    if zope_conf is None:
        return 2
    from coordaction.policy.demo.build import create_demo_content

    site_id = configured_site_id()
    with zope_as_admin(zope_conf) as app:
        site = existing_site(app, site_id)
        if site is None:
            return 1
        started = time.monotonic()
        created = create_demo_content(site)
        transaction.commit()
        seconds = time.monotonic() - started
    print_summary(created, seconds, f"{public_url()}/{site_id}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
