"""Add items with files to a site, or list every item and blob of it, through a
zope.conf: what the scale-out tests compare before and after a migration, a
backup or a restore.

    python -m ops.tests.sitedata populate ZOPE_CONF COUNT
    python -m ops.tests.sitedata inventory ZOPE_CONF

``inventory`` prints JSON: each content item by path, with its type, title,
review state and the SHA-256 of each of its files (blobs read back from the
storage), and the number of catalog entries.
"""

import hashlib
import json
import sys


def _open(zope_conf):
    from AccessControl.SecurityManagement import newSecurityManager
    from coordaction.policy.scripts.zope_app import ensure_admin
    from coordaction.policy.scripts.zope_app import open_zope_app
    from zope.component.hooks import setSite

    app = open_zope_app(zope_conf)
    newSecurityManager(None, ensure_admin(app, "admin", "admin"))
    site = app["coordaction"]
    setSite(site)
    return app, site


def populate(zope_conf, count):
    from plone import api
    from tests import builders
    from tests import samples
    import transaction

    app, site = _open(zope_conf)
    try:
        resources = site["centre-de-ressources"]
        templates = site["trames-types"]
        for number in range(count):
            item = builders.resource(
                resources,
                title=f"Guide de test numéro {number}",
                file=samples.pdf_file(f"Guide de test {number}", f"guide-{number}.pdf"),
            )
            if number % 2:
                api.content.transition(item, to_state="published")
            if number % 5 == 0:
                builders.legal_template(
                    templates,
                    title=f"Statuts de test numéro {number}",
                    file_editable=samples.odt_file(
                        f"Article {number}", f"statuts-{number}.odt"
                    ),
                    file_pdf=samples.pdf_file(
                        f"Statuts {number}", f"statuts-{number}.pdf"
                    ),
                )
            transaction.commit()
    finally:
        app._p_jar.db().close()


def _blobs(item):
    from plone.dexterity.utils import iterSchemata
    from plone.namedfile.interfaces import INamedBlobFileField
    from plone.namedfile.interfaces import INamedBlobImageField
    from zope.schema import getFieldsInOrder

    found = {}
    for schema in iterSchemata(item):
        for name, field in getFieldsInOrder(schema):
            if not (
                INamedBlobFileField.providedBy(field)
                or INamedBlobImageField.providedBy(field)
            ):
                continue
            value = getattr(item, name, None)
            if value is None:
                continue
            with value.open() as blob:
                found[name] = hashlib.sha256(blob.read()).hexdigest()
    return found


def inventory(zope_conf):
    from plone import api

    app, site = _open(zope_conf)
    try:
        items = {}
        catalog = site.portal_catalog
        path = "/".join(site.getPhysicalPath())
        for brain in catalog.unrestrictedSearchResults(path=path):
            item = brain._unrestrictedGetObject()
            items[brain.getPath()] = {
                "type": item.portal_type,
                "title": item.Title(),
                "state": api.content.get_state(item, default=None),
                "blobs": _blobs(item),
            }
        return {"catalog": len(catalog), "items": items}
    finally:
        app._p_jar.db().close()


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    action, zope_conf, *rest = argv
    if action == "populate":
        populate(zope_conf, int(rest[0]))
    elif action == "inventory":
        print("INVENTORY " + json.dumps(inventory(zope_conf), sort_keys=True))
    else:
        raise SystemExit(__doc__)
    return 0


if __name__ == "__main__":
    sys.exit(main())
