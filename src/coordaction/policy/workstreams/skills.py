"""The skills a member offers, set in *Mon espace*, and their alert: a mail when a
published chantier wants one of them.

The alert follows the rules of the Mise en lien's alerts: asked for, it stays
*pending* until the member opens the link of the confirmation mail (double
opt-in); every alert carries the link that stops it, which works without logging
in; a request never confirmed is dropped after ``UNCONFIRMED_DAYS``.

Storage: an annotation of the portal holds an OOBTree ``{user id: record}``; a
record is a plain dict, replaced at each change:

- ``skills``: identifiers of the portal's list of skills;
- ``token``: the secret of the confirmation and stop links (None without alert);
- ``asked``: when the alert was asked for (aware UTC datetime), or None;
- ``confirmed``: when its link was opened, or None while pending.

Mails go to the address of the account at the time they are sent."""

from coordaction.policy.matching.subscriptions import TOKEN
from coordaction.policy.matching.subscriptions import UNCONFIRMED_DAYS
from coordaction.policy.matching.subscriptions import normalize_email
from coordaction.policy.site.annotations import portal_tree
from coordaction.policy.workstreams.offers import valid_skills
from coordaction.workflows.spaces.roster import email_of
from datetime import UTC
from datetime import datetime
from datetime import timedelta
import secrets


SKILLS_KEY = "coordaction.policy.workstreams.skills"


def _now():
    return datetime.now(UTC)


def _storage(create=False):
    return portal_tree(SKILLS_KEY, create)


def record_of(user_id):
    tree = _storage()
    record = tree.get(user_id) if tree is not None and user_id else None
    return dict(record) if record is not None else None


def skills_of(user_id):
    record = record_of(user_id)
    return list(record["skills"]) if record else []


def alert_state(user_id):
    """ "off", "pending" or "on"."""
    record = record_of(user_id)
    if record is None or record["token"] is None:
        return "off"
    return "on" if record["confirmed"] is not None else "pending"


def set_skills(user_id, skills, alert):
    """Save the member's skills and whether they want the alert; returns the token
    of a confirmation to send (a new alert, or one still pending asked again), or
    None. Without skills, there is nothing to alert about."""
    skills = valid_skills(skills)
    record = record_of(user_id) or {"token": None, "asked": None, "confirmed": None}
    record["skills"] = skills
    to_confirm = None
    if alert and skills:
        if record["token"] is None:
            record["token"] = secrets.token_urlsafe(24)
        if record["confirmed"] is None:
            record["asked"] = _now()
            to_confirm = record["token"]
    else:
        record.update(token=None, asked=None, confirmed=None)
    tree = _storage(create=True)
    if skills or record["token"]:
        tree[user_id] = record
    elif user_id in tree:
        del tree[user_id]
    return to_confirm


def user_of(token):
    """The user id of an alert's token, or None."""
    tree = _storage()
    if tree is None or not isinstance(token, str) or not TOKEN.match(token):
        return None
    for user_id, record in tree.items():
        if record["token"] == token:
            return user_id
    return None


def confirm(token):
    """Turn the alert on; the user id, or None when the link is unknown."""
    user_id = user_of(token)
    if user_id is not None:
        record = record_of(user_id)
        if record["confirmed"] is None:
            _storage()[user_id] = dict(record, confirmed=_now())
    return user_id


def stop(token):
    """Turn the alert off (the skills stay); the user id, or None."""
    user_id = user_of(token)
    if user_id is not None:
        _storage()[user_id] = dict(
            record_of(user_id), token=None, asked=None, confirmed=None
        )
    return user_id


def alerted_for(skills):
    """{user id: the skills they share with ``skills``} of the confirmed alerts."""
    wanted = set(skills or ())
    found = {}
    for user_id, record in (_storage() or {}).items():
        shared = [skill for skill in record["skills"] if skill in wanted]
        if record["confirmed"] is not None and shared:
            found[user_id] = shared
    return found


def purge_unconfirmed(older_than_days=UNCONFIRMED_DAYS):
    """Drop the alerts asked for and never confirmed in time; how many."""
    limit = _now() - timedelta(days=older_than_days)
    tree = _storage()
    dropped = 0
    for user_id, record in list((tree or {}).items()):
        if record["confirmed"] is None and record["asked"] and record["asked"] < limit:
            tree[user_id] = dict(record, token=None, asked=None)
            dropped += 1
    return dropped


def users_with_address(email):
    email = normalize_email(email)
    return [
        user_id
        for user_id in (_storage() or {})
        if email and normalize_email(email_of(user_id)) == email
    ]


def forget(user_id):
    tree = _storage()
    if tree is not None and user_id in tree:
        del tree[user_id]
        return 1
    return 0
