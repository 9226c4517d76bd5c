"""Items the portal sets up itself (its sections, forms, feeds and pages): created
when they are missing, then left as an administrator edits them."""

from coordaction.content.i18n import in_site_language
from coordaction.content.i18n import site_language
from plone import api
from Products.CMFCore.indexing import processQueue
from zope.i18nmessageid import Message
from zope.interface import alsoProvides
from zope.interface import noLongerProvides


# The pages and forms the portal sets up, linked from several features (the forms,
# the footer, the matching alerts): their ids, known here once.
CONTACT_FORM = "nous-contacter"  # in the "Contribuer" section
EVENT_FORM = "proposer-un-evenement"  # in the "Contribuer" section
SETUP_FORM = "partager-notre-montage"  # in the "Contribuer" section
PRIVACY_NOTICE = "donnees-personnelles"
ACCESSIBILITY_STATEMENT = "accessibilite"
SITE_TOOLS_PAGE = "outils-pour-vos-sites"
# The letters of the network: where they are composed, and their public archive.
LETTER_ARCHIVE = "lettre"


def ensure_item(container, item_id, portal_type, **fields):
    """The item ``item_id`` of ``container``, created in the site's language with
    ``fields`` (messages among them translated into it) when it is missing; and
    whether it was created. An existing item is kept as it is."""
    item = container.get(item_id)
    if item is not None:
        return item, False
    fields = {
        name: in_site_language(value) if isinstance(value, Message) else value
        for name, value in fields.items()
    }
    fields.setdefault("language", site_language())
    item = api.content.create(
        container=container, type=portal_type, id=item_id, **fields
    )
    return item, True


def publish(item):
    """Publish ``item`` unless it is published already."""
    if api.content.get_state(item, default=None) != "published":
        api.content.transition(item, to_state="published")


def show_with(item, marker, layout):
    """Show ``item`` with a page of ours: the ``marker`` interface its view is
    registered for, and that view as its layout; indexed at once."""
    alsoProvides(item, marker)
    item.setLayout(layout)
    publish(item)
    item.reindexObject()
    # Index now, while the site is the active component site (see skeleton.py).
    processQueue()
    return item


def forget_page(item, marker, layout, fallback):
    """Back to Plone's ``fallback`` view (on uninstall: without our layer, our
    page is gone)."""
    if item is not None and marker.providedBy(item):
        noLongerProvides(item, marker)
        if item.getLayout() == layout:
            item.setLayout(fallback)
