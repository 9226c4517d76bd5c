"""Items the portal sets up itself (its sections, forms, feeds and pages): created
when they are missing, then left as an administrator edits them."""

from plone import api


def ensure_item(container, item_id, portal_type, **fields):
    """The item ``item_id`` of ``container``, created in French with ``fields`` when
    it is missing; and whether it was created. An existing item is kept as it is."""
    item = container.get(item_id)
    if item is not None:
        return item, False
    fields.setdefault("language", "fr")
    item = api.content.create(
        container=container, type=portal_type, id=item_id, **fields
    )
    return item, True


def publish(item):
    """Publish ``item`` unless it is published already."""
    if api.content.get_state(item, default=None) != "published":
        api.content.transition(item, to_state="published")
