"""WorkingGroupRoster: who belongs to a working group, who coordinates it, and who
asked to join. Members are those of the space's Plone groups; join requests (and
the message each may carry) wait in annotations of the space until a coordinator
answers. A request and its answer are events (``JoinRequested``,
``JoinAnswered``): join_notices.py tells the people concerned by mail."""

from coordaction.content.i18n import in_request_language
from coordaction.workflows import _
from coordaction.workflows.spaces.lifecycle import coordinators_group_id
from coordaction.workflows.spaces.lifecycle import members_group_id
from DateTime import DateTime
from persistent.list import PersistentList
from persistent.mapping import PersistentMapping
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.event import notify
from zope.interface.interfaces import ObjectEvent


REQUESTS_KEY = "coordaction.workflows.join_requests"
MESSAGES_KEY = "coordaction.workflows.join_request_messages"
# {user id: when a coordinator declined their request}, until they ask again.
DECLINED_KEY = "coordaction.workflows.join_requests_declined"
# The message of a request is a few lines for the coordinators, not a letter.
MESSAGE_LENGTH = 1000


class JoinRequested(ObjectEvent):
    """``user_id`` asks to join the space ``object``, with ``message`` (or "")."""

    def __init__(self, space, user_id, message):
        super().__init__(space)
        self.user_id = user_id
        self.message = message


class Joined(ObjectEvent):
    """``user_id`` joined the open space ``object`` by themselves."""

    def __init__(self, space, user_id):
        super().__init__(space)
        self.user_id = user_id


class JoinAnswered(ObjectEvent):
    """A coordinator accepted (``accepted``) or declined the request of ``user_id``."""

    def __init__(self, space, user_id, accepted):
        super().__init__(space)
        self.user_id = user_id
        self.accepted = accepted


def name_and_email(user_id):
    """(the name a person gave, else their user id; their e-mail or ""), from
    one lookup of the account."""
    user = api.user.get(userid=user_id)
    if user is None:
        return user_id, ""
    fullname = (user.getProperty("fullname") or user_id).strip()
    return fullname, user.getProperty("email") or ""


def fullname_of(user_id):
    """The name a person gave, else their user id (never an empty string)."""
    return name_and_email(user_id)[0]


def email_of(user_id):
    return name_and_email(user_id)[1]


def person(user_id, **more):
    """{"id", "fullname", "email"} of ``user_id``, and ``more``."""
    fullname, email = name_and_email(user_id)
    return {"id": user_id, "fullname": fullname, "email": email, **more}


class RosterError(ValueError):
    """A roster change that cannot be made; its message is for the person who asked."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return in_request_language(self.message)


def find_user(identifier):
    """A user by login name or e-mail address, or None."""
    identifier = (identifier or "").strip()
    if not identifier:
        return None
    user = api.user.get(username=identifier)
    if user is not None:
        return user
    if "@" in identifier:
        acl_users = api.portal.get_tool("acl_users")
        for found in acl_users.searchUsers(email=identifier, exact_match=True):
            return api.user.get(userid=found["userid"])
    return None


class WorkingGroupRoster:
    def __init__(self, space):
        self.space = space

    # --- reading
    def _group_members(self, group_id):
        group = api.group.get(groupname=group_id)
        if group is None:
            return set()
        return set(group.getGroupMemberIds())

    def member_ids(self):
        return self._group_members(members_group_id(self.space))

    def coordinator_ids(self):
        return self._group_members(coordinators_group_id(self.space))

    def is_member(self, user_id):
        return user_id in self.member_ids() or user_id in self.coordinator_ids()

    def people(self):
        """Everyone on the roster, coordinators first, then by name."""
        coordinators = self.coordinator_ids()
        people = []
        for user_id in self.member_ids() | coordinators:
            people.append(person(user_id, coordinator=user_id in coordinators))
        return sorted(
            people,
            key=lambda person: (not person["coordinator"], person["fullname"].lower()),
        )

    def requests(self):
        return list(IAnnotations(self.space).get(REQUESTS_KEY, ()))

    def declined_at(self, user_id):
        """When a coordinator declined the last request of ``user_id``, or None."""
        return IAnnotations(self.space).get(DECLINED_KEY, {}).get(user_id)

    def request_message(self, user_id):
        return IAnnotations(self.space).get(MESSAGES_KEY, {}).get(user_id, "")

    def request_details(self):
        """The requests waiting, oldest first, with who asked and what they wrote."""
        return [
            person(user_id, message=self.request_message(user_id))
            for user_id in self.requests()
        ]

    # --- changing
    def add(self, identifier, coordinator=False):
        user = find_user(identifier)
        if user is None:
            raise RosterError(
                _(
                    "No account matches “${who}”: check the user name or the address.",
                    mapping={"who": identifier or ""},
                )
            )
        user_id = user.getId()
        api.group.add_user(groupname=members_group_id(self.space), username=user_id)
        if coordinator:
            api.group.add_user(
                groupname=coordinators_group_id(self.space), username=user_id
            )
        self._forget_request(user_id)
        return user_id

    def _require_on_roster(self, user_id):
        if not self.is_member(user_id):
            raise RosterError(
                _(
                    "“${who}” is not a member of the group.",
                    mapping={"who": fullname_of(user_id)},
                )
            )

    def _keep_a_coordinator(self, user_id, message=None):
        if self.coordinator_ids() == {user_id}:
            raise RosterError(
                message or _("The group must keep at least one coordinator.")
            )

    def remove(self, user_id):
        self._require_on_roster(user_id)
        self._keep_a_coordinator(user_id)
        for group_id in (
            members_group_id(self.space),
            coordinators_group_id(self.space),
        ):
            if user_id in self._group_members(group_id):
                api.group.remove_user(groupname=group_id, username=user_id)

    def set_coordinator(self, user_id, coordinator=True):
        self._require_on_roster(user_id)
        group_id = coordinators_group_id(self.space)
        if coordinator:
            api.group.add_user(groupname=members_group_id(self.space), username=user_id)
            api.group.add_user(groupname=group_id, username=user_id)
        elif user_id in self.coordinator_ids():
            self._keep_a_coordinator(user_id)
            api.group.remove_user(groupname=group_id, username=user_id)

    def leave(self, user_id):
        """``user_id`` leaves the group (not its last coordinator)."""
        if not self.is_member(user_id):
            raise RosterError(_("You are not a member of this group."))
        self._keep_a_coordinator(
            user_id,
            _(
                "You are the group's only coordinator: name another coordinator "
                "on the members' page before leaving."
            ),
        )
        self.remove(user_id)

    # --- join requests
    def joins_at_once(self):
        """An open group: a network member joins without waiting for an answer."""
        return getattr(self.space, "join_policy", "closed") == "open"

    def request_to_join(self, user_id, message="", announce=True):
        """Record the request of ``user_id`` (in an open group, make them a member
        at once); ``announce`` tells the coordinators (the demo content records
        its requests without mail)."""
        if self.joins_at_once():
            if self.is_member(user_id):
                raise RosterError(_("You are already a member of this group."))
            api.group.add_user(groupname=members_group_id(self.space), username=user_id)
            if announce:
                notify(Joined(self.space, user_id))
            return True
        if getattr(self.space, "join_policy", "closed") != "request":
            raise RosterError(
                _(
                    "This group does not accept requests: its coordinators invite the "
                    "members."
                )
            )
        if self.is_member(user_id):
            raise RosterError(_("You are already a member of this group."))
        annotations = IAnnotations(self.space)
        requests = annotations.setdefault(REQUESTS_KEY, PersistentList())
        if user_id in requests:
            return False
        requests.append(user_id)
        declined = annotations.get(DECLINED_KEY)
        if declined is not None:
            declined.pop(user_id, None)
        message = (message or "").strip()[:MESSAGE_LENGTH]
        if message:
            annotations.setdefault(MESSAGES_KEY, PersistentMapping())[user_id] = message
        if announce:
            notify(JoinRequested(self.space, user_id, message))
        return True

    def _forget_request(self, user_id):
        annotations = IAnnotations(self.space)
        requests = annotations.get(REQUESTS_KEY)
        if requests is not None and user_id in requests:
            requests.remove(user_id)
        messages = annotations.get(MESSAGES_KEY)
        if messages is not None:
            messages.pop(user_id, None)

    def _require_request(self, user_id):
        if user_id not in self.requests():
            raise RosterError(
                _(
                    "No request from “${who}” is waiting.",
                    mapping={"who": fullname_of(user_id)},
                )
            )

    def accept(self, user_id):
        self._require_request(user_id)
        api.group.add_user(groupname=members_group_id(self.space), username=user_id)
        self._forget_request(user_id)
        notify(JoinAnswered(self.space, user_id, accepted=True))

    def decline(self, user_id):
        self._require_request(user_id)
        self._forget_request(user_id)
        IAnnotations(self.space).setdefault(DECLINED_KEY, PersistentMapping())[
            user_id
        ] = DateTime()
        notify(JoinAnswered(self.space, user_id, accepted=False))
