"""Who makes the request, for the pages and services a person signs in for, and
what a page or a message says of a member: name and e-mail."""

from plone import api


def current_user_id():
    """The id of the signed-in member, or None for an anonymous visitor."""
    if api.user.is_anonymous():
        return None
    return api.user.get_current().getId()


def member_name(user_id):
    """A member's full name (their login without one), or "" if unknown."""
    user = api.user.get(userid=user_id) if user_id else None
    if user is None:
        return ""
    return user.getProperty("fullname") or user.getUserName()


def member_email(user_id):
    """A member's e-mail, or None (unknown member, or none given)."""
    user = api.user.get(userid=user_id) if user_id else None
    return (user.getProperty("email") or None) if user is not None else None
