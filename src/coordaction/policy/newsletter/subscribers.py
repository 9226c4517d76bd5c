"""The subscribers of the letter. They are not Plone users: an address, its
topics, and the proof of its consent; nothing else.

A subscription stays *pending* until the link of the confirmation e-mail is
followed by a POST (double opt-in); only confirmed subscribers receive letters.
A member signed in subscribes with the address of their account in one click,
confirmed from its mailbox too. An imported list is confirmed only when the file
says when consent was collected; otherwise it is refused.

Storage: an annotation of the portal holds an OOBTree ``{token: record}`` and an
index ``{email: token}`` (one subscription per address; subscribing again changes
its topics). The token (``secrets.token_urlsafe``) is a secret only the mailbox
knows: the key of the confirmation and unsubscribe links. A record is a plain
dict, replaced at each change:

- ``email``: lowercased;
- ``topics``: ids of ``topics.TOPIC_IDS``; ``region``: a région code or "";
- ``pending``: the topics, région and member (``user_id``) asked for, applied
  when the mailbox confirms them; None otherwise;
- ``user_id``: the member whose account address it is, linked at confirmation;
- ``created``: when it was asked for (again, for a pending one), aware UTC;
- ``confirmed``: when it was confirmed, or None while pending;
- ``consent``: how (``form``, ``account``, ``import``, ``api``) and, for an
  import, the date the file gives;
- ``bounced``: the SMTP server's answer when it refused the address for good,
  or None (such an address gets no letter).
"""

from coordaction.policy.site.annotations import portal_tree
from datetime import UTC
from datetime import datetime
from datetime import timedelta
import re
import secrets


SUBSCRIBERS_KEY = "coordaction.policy.newsletter.subscribers"
ADDRESSES_KEY = "coordaction.policy.newsletter.addresses"
UNCONFIRMED_DAYS = 7
# At most one confirmation e-mail per address within this many minutes.
REMAIL_MINUTES = 10
TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,100}$")
CONSENTS = ("form", "account", "import", "api")


def now():
    return datetime.now(UTC)


def normalize_email(email):
    return email.strip().lower() if isinstance(email, str) else ""


def _trees(create=False):
    return portal_tree(SUBSCRIBERS_KEY, create), portal_tree(ADDRESSES_KEY, create)


def _new_token(tree):
    while True:
        token = secrets.token_urlsafe(24)
        if token not in tree:
            return token


def get(token):
    """(token, record) of a link's token, or None (unknown, or not a token)."""
    tree, _addresses = _trees()
    if tree is None or not isinstance(token, str) or not TOKEN.match(token):
        return None
    record = tree.get(token)
    return (token, dict(record)) if record is not None else None


def of_address(email):
    """(token, record) of an address, or None."""
    tree, addresses = _trees()
    token = addresses.get(normalize_email(email)) if addresses is not None else None
    return (token, dict(tree[token])) if token is not None else None


def subscribe(email, topics, region="", consent="form", consented=None, user_id=None):
    """Subscribe an address to ``topics`` (and a ``region``): (token, record,
    needs_confirmation).

    Only an import (``consent`` ``import``, with ``consented``, the date the file
    gives) confirms at once. Otherwise a new address waits for its confirmation,
    and a confirmed one keeps what it has until the change is confirmed from its
    mailbox (``pending``): nobody changes another person's letter by typing their
    address, not even as the address of their account, which Plone lets a member
    change without any check. A member who subscribes (``user_id``) is linked to
    the subscription when the mailbox confirms it: only then do their pages show
    it. The caller has checked the address, the topics and the région."""
    email = normalize_email(email)
    tree, addresses = _trees(create=True)
    token = addresses.get(email)
    record = dict(tree[token]) if token is not None else None
    if record is None:
        token = _new_token(tree)
        record = {
            "email": email,
            "confirmed": None,
            "bounced": None,
            "topics": [],
            "region": "",
        }
    choice = {"topics": list(topics), "region": region or ""}
    if consent == "import":
        record.update(choice, pending=None, created=now())
        if record["confirmed"] is None:
            record["confirmed"] = consented or now()
            record["consent"] = {"how": consent, "date": consented}
    elif record["confirmed"] is not None:
        record["pending"] = dict(choice, user_id=user_id)
    else:
        record.update(pending=dict(choice, user_id=user_id), created=now())
        record["consent"] = {"how": consent, "date": None}
    tree[token] = record
    addresses[email] = token
    return token, dict(record), needs_confirmation(record)


def needs_confirmation(record):
    return record["confirmed"] is None or bool(record.get("pending"))


def wanted(record):
    """What the subscriber asked for last: the change waiting for its
    confirmation, else what they receive."""
    return record.get("pending") or record


def confirm(token):
    """Confirm the subscription, or the change waiting for it (again is
    harmless); the record, or None for an unknown token."""
    found = get(token)
    if found is None:
        return None
    token, record = found
    if needs_confirmation(record):
        if record["confirmed"] is None:
            record["confirmed"] = now()
        choice = dict(record.get("pending") or {})
        user_id = choice.pop("user_id", None)
        record.update(choice, pending=None, mailed=None)
        if user_id:
            record["user_id"] = user_id
        _trees()[0][token] = record
    return record


def of_member(email, user_id):
    """(token, record) of a member's confirmed subscription: the address of their
    account, linked to them when its mailbox confirmed it; None otherwise."""
    found = of_address(email) if email and user_id else None
    if found is None:
        return None
    token, record = found
    if record["confirmed"] is None or record.get("user_id") != user_id:
        return None
    return token, record


def unsubscribe(token):
    """Delete the subscription and the address; the deleted record, or None."""
    found = get(token)
    if found is None:
        return None
    token, record = found
    _delete(token, record)
    return record


def _delete(token, record):
    tree, addresses = _trees()
    del tree[token]
    if addresses.get(record["email"]) == token:
        del addresses[record["email"]]


def mailed_recently(record):
    """Whether a confirmation went to this address within ``REMAIL_MINUTES`` and
    waits to be followed: no second one then, whoever asks (nobody floods a
    mailbox through the form)."""
    mailed = record.get("mailed")
    return mailed is not None and now() - mailed < timedelta(minutes=REMAIL_MINUTES)


def mark_mailed(token):
    tree, _addresses = _trees()
    tree[token] = dict(tree[token], mailed=now())


def mark_bounced(email, answer):
    """The SMTP server refused this address for good: no more letters to it."""
    found = of_address(email)
    if found is not None:
        token, record = found
        record["bounced"] = str(answer)[:500]
        _trees()[0][token] = record


def confirmed():
    """[(token, record)] of the confirmed subscribers a letter may go to."""
    tree, _addresses = _trees()
    return [
        (token, dict(record))
        for token, record in (tree or {}).items()
        if record["confirmed"] is not None and not record["bounced"]
    ]


def all_subscribers():
    tree, _addresses = _trees()
    return [(token, dict(record)) for token, record in (tree or {}).items()]


def purge_unconfirmed(older_than_days=UNCONFIRMED_DAYS):
    """Delete what was never confirmed within ``older_than_days``; how many."""
    limit = now() - timedelta(days=older_than_days)
    stale = [
        (token, record)
        for token, record in all_subscribers()
        if record["confirmed"] is None and record["created"] < limit
    ]
    for token, record in stale:
        _delete(token, record)
    return len(stale)


def forget_address(email):
    """Erase the subscription of an address; how many (0 or 1)."""
    found = of_address(email)
    if found is None:
        return 0
    _delete(*found)
    return 1
