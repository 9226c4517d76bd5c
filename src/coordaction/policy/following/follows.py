"""Who follows what. An annotation of the portal holds an OOBTree ``{user id:
record}``; a record is a plain dict, replaced at each change:

- ``targets``: the UIDs of what they follow (working groups, chantiers, sections);
- ``frequency``: ``daily`` or ``weekly``;
- ``last_sent``: when their last digest covered up to (aware UTC datetime), or
  None before the first: a new follower's first digest starts when they follow.

Only a person with an account follows; what they may see is checked when the
digest is written, with their rights of that day."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from coordaction.content.content.working_group import IWorkingGroup
from coordaction.content.content.workstream import IWorkstream
from coordaction.content.sections import SECTIONS_BY_ID
from coordaction.policy.site.annotations import portal_tree
from datetime import UTC
from datetime import datetime
from plone.app.uuid.utils import uuidToObject
from plone.base.interfaces.siteroot import IPloneSiteRoot
from zExceptions import Unauthorized


FOLLOWS_KEY = "coordaction.policy.following.follows"
DAILY, WEEKLY = "daily", "weekly"
FREQUENCIES = (DAILY, WEEKLY)


def now():
    return datetime.now(UTC)


def is_followable(obj):
    """A working group, a chantier, or a section of the table of sections."""
    if IWorkingGroup.providedBy(obj) or IWorkstream.providedBy(obj):
        return True
    parent = aq_parent(aq_inner(obj))
    return IPloneSiteRoot.providedBy(parent) and obj.getId() in SECTIONS_BY_ID


def _storage(create=False):
    return portal_tree(FOLLOWS_KEY, create)


def record_of(user_id):
    tree = _storage()
    record = tree.get(user_id) if tree is not None and user_id else None
    if record is None:
        return {"targets": [], "frequency": WEEKLY, "last_sent": None}
    return dict(record, targets=list(record["targets"]))


def _save(user_id, record):
    """Keep the record while it says something: what one follows, or a frequency
    chosen before following anything."""
    tree = _storage(create=True)
    if record["targets"] or record["frequency"] != WEEKLY:
        tree[user_id] = record
    elif user_id in tree:
        del tree[user_id]


def follows(user_id, obj):
    return obj.UID() in record_of(user_id)["targets"]


def visible(uid):
    """The object of ``uid`` if the current user may see it, else None (what one
    may not see answers as what does not exist: a space one has left)."""
    try:
        return uuidToObject(uid)
    except Unauthorized:
        return None


def followed(user_id):
    """What ``user_id`` follows that the current user may see, by title."""
    found = [visible(uid) for uid in record_of(user_id)["targets"]]
    return sorted(
        (obj for obj in found if obj is not None), key=lambda obj: obj.Title().lower()
    )


def follow(user_id, obj):
    record = record_of(user_id)
    if obj.UID() not in record["targets"]:
        record["targets"].append(obj.UID())
        if record["last_sent"] is None:
            record["last_sent"] = now()
        _save(user_id, record)


def unfollow(user_id, obj):
    record = record_of(user_id)
    if obj.UID() in record["targets"]:
        record["targets"].remove(obj.UID())
        _save(user_id, record)


def set_frequency(user_id, frequency):
    if frequency not in FREQUENCIES:
        raise ValueError(frequency)
    record = record_of(user_id)
    record["frequency"] = frequency
    _save(user_id, record)


def mark_sent(user_id, moment):
    record = record_of(user_id)
    record["last_sent"] = moment
    _save(user_id, record)


def followers():
    """[(user id, record)] of everyone who follows something."""
    return [(user_id, dict(record)) for user_id, record in (_storage() or {}).items()]
