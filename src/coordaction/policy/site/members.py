"""Who makes the request, for the pages and services a person signs in for."""

from plone import api


def current_user_id():
    """The id of the signed-in member, or None for an anonymous visitor."""
    if api.user.is_anonymous():
        return None
    return api.user.get_current().getId()
