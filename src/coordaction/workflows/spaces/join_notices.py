"""E-mails of joining a working group: the coordinators when someone asks (with
the message, and where to answer), the person who asked when a coordinator
answers. Names, never logins. Like every notice, a mail that cannot be sent is
logged and never undoes the request or the answer (notifications.send_notice)."""

from coordaction.content.sections import CONTRIBUTE
from coordaction.content.site_items import CONTACT_FORM
from coordaction.workflows import _
from coordaction.workflows.notices import send_notice
from coordaction.workflows.spaces.roster import WorkingGroupRoster
from coordaction.workflows.spaces.roster import email_of
from coordaction.workflows.spaces.roster import fullname_of
from coordaction.workflows.spaces.roster import name_and_email
from plone import api
from zope.i18nmessageid import Message


ASKED_SUBJECT = _("[Coordin'action] ${who} asks to join “${group}”")
ASKED_BODY = _(
    "Hello,\n"
    "\n"
    "${who} asks to join the working group “${group}”.\n"
    "\n"
    "${message}"
    "You can accept or decline the request on the members' page of the group:\n"
    "${url}"
)
ASKED_MESSAGE = _("Their message:\n\n${message}\n\n")
JOINED_SUBJECT = _("[Coordin'action] ${who} joined “${group}”")
JOINED_BODY = _(
    "Hello,\n"
    "\n"
    "${who} joined the working group “${group}”, open to every network member.\n"
    "\n"
    "Its members' page:\n"
    "${url}"
)
ACCEPTED_SUBJECT = _("[Coordin'action] Welcome to “${group}”")
ACCEPTED_BODY = _(
    "Hello ${who},\n"
    "\n"
    "A coordinator accepted your request: you are now a member of the working "
    "group “${group}”. Its space:\n"
    "${url}"
)
DECLINED_SUBJECT = _("[Coordin'action] Your request to join “${group}”")
DECLINED_BODY = _(
    "Hello ${who},\n"
    "\n"
    "The coordinators of the working group “${group}” did not accept your "
    "request. You can write to them through the contact form of the portal:\n"
    "${contact}"
)


def coordinators_addresses(space):
    roster = WorkingGroupRoster(space)
    return sorted({email_of(user_id) for user_id in roster.coordinator_ids()} - {""})


def tell_the_coordinators_of_a_newcomer(space, event):
    mapping = {
        "who": fullname_of(event.user_id),
        "group": space.Title(),
        "url": f"{space.absolute_url()}/@@roster",
    }
    send_notice(
        coordinators_addresses(space),
        Message(JOINED_SUBJECT, mapping=mapping),
        Message(JOINED_BODY, mapping=mapping),
    )


def tell_the_coordinators(space, event):
    addresses = coordinators_addresses(space)
    message = ""
    if event.message:
        message = Message(ASKED_MESSAGE, mapping={"message": event.message})
    mapping = {
        "who": fullname_of(event.user_id),
        "group": space.Title(),
        "message": message,
        "url": f"{space.absolute_url()}/@@roster",
    }
    send_notice(
        addresses,
        Message(ASKED_SUBJECT, mapping=mapping),
        Message(ASKED_BODY, mapping=mapping),
    )


def tell_who_asked(space, event):
    who, address = name_and_email(event.user_id)
    if not address:
        return
    portal_url = api.portal.get().absolute_url()
    mapping = {
        "who": who,
        "group": space.Title(),
        "url": space.absolute_url(),
        "contact": f"{portal_url}/{CONTRIBUTE}/{CONTACT_FORM}",
    }
    subject, body = (
        (ACCEPTED_SUBJECT, ACCEPTED_BODY)
        if event.accepted
        else (DECLINED_SUBJECT, DECLINED_BODY)
    )
    send_notice(
        [address], Message(subject, mapping=mapping), Message(body, mapping=mapping)
    )
