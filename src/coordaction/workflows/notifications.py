"""E-mails of the publication workflow, through Plone's MailHost: the reviewers on
submission, the author on publication or rejection (with the reviewer's comment)."""

from coordaction.workflows import _
from coordaction.workflows.notices import send_notice
from coordaction.workflows.transitions import _is_ours
from coordaction.workflows.transitions import _transition_id
from coordaction.workflows.transitions import comment_of
from plone import api
from plone.app.uuid.utils import uuidToObject
from zope.i18nmessageid import Message


REVIEWERS_GROUP = "Reviewers"


def reviewer_addresses():
    group = api.group.get(groupname=REVIEWERS_GROUP)
    if group is None:
        return []
    addresses = {
        member.getProperty("email")
        for member in api.user.get_users(group=group)
        if member.getProperty("email")
    }
    return sorted(addresses)


# The fields of a private address, the first found is the author's.
PRIVATE_ADDRESSES = ("proposer_email", "contact_email")


def author_address(obj):
    """Where to write to the author: the item's private contact address when it
    has one (an ad or a project sheet deposited through a public form, whose
    owner may be an anonymous visitor; an event's proposer), else its owner's
    e-mail."""
    for name in PRIVATE_ADDRESSES:
        if getattr(obj, name, None):
            return getattr(obj, name)
    owner = obj.getOwner()
    user = api.user.get(userid=owner.getId()) if owner is not None else None
    return user.getProperty("email") if user is not None else None


def _author(obj):
    return [address for address in [author_address(obj)] if address]


# transition -> (who is told, subject, body): the messages of the publication workflow.
TRANSITION_NOTICES = {
    "submit": (
        lambda obj: reviewer_addresses(),
        _("[Coordin'action] To review: ${title}"),
        _(
            "Hello,\n"
            "\n"
            "“${title}” is waiting for your review:\n"
            "${url}\n"
            "\n"
            "You can publish it or refuse it with a comment."
        ),
    ),
    "publish": (
        _author,
        _("[Coordin'action] Published: ${title}"),
        _(
            "Hello,\n"
            "\n"
            "“${title}” is published on the Coordin'action portal:\n"
            "${url}\n"
            "\n"
            "Thank you for your contribution!"
        ),
    ),
    "reject": (
        _author,
        _("[Coordin'action] To rework: ${title}"),
        _(
            "Hello,\n"
            "\n"
            "“${title}” was not published. The reviewer's comment:\n"
            "\n"
            "${comment}\n"
            "\n"
            "You can edit it and submit it again:\n"
            "${url}"
        ),
    ),
}


def notify_transition(obj, event):
    if not _is_ours(event):
        return
    notice = TRANSITION_NOTICES.get(_transition_id(event))
    if notice is None:
        return
    recipients, subject, body = notice
    # The item may have moved on publication: link to where it is now.
    current = uuidToObject(obj.UID(), unrestricted=True) or obj
    mapping = {
        "title": obj.Title(),
        "url": current.absolute_url(),
        "comment": comment_of(event),
    }
    send_notice(
        recipients(obj),
        Message(subject, mapping=mapping),
        Message(body, mapping=mapping),
    )
