"""Items the portal sets up itself (its sections, forms, feeds and pages): created
when they are missing, then left as an administrator edits them."""

from coordaction.content.i18n import in_site_language
from coordaction.content.i18n import site_language
from plone import api
from zope.i18nmessageid import Message


# The pages and forms the portal sets up, linked from several features (the forms,
# the footer, the matching alerts): their ids, known here once.
CONTACT_FORM = "nous-contacter"  # in the "Contribuer" section
PRIVACY_NOTICE = "donnees-personnelles"
ACCESSIBILITY_STATEMENT = "accessibilite"
SITE_TOOLS_PAGE = "outils-pour-vos-sites"


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
