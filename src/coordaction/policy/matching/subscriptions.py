"""Alert subscriptions of the Mise en lien page, and the functions other parts call.

A future resident leaves an e-mail address for the criteria of the page. The
subscription stays *pending* until they open the link of the confirmation e-mail
(double opt-in); only confirmed subscriptions get alerts. Every message carries the
unsubscribe link, which deletes the subscription. No account is needed.

Storage: an annotation of the portal holds an OOBTree ``{token: record}``. The token
(``secrets.token_urlsafe``) is a secret only the mailbox knows: it is the key of the
confirmation and unsubscribe links. A record is a plain dict and all we keep:

- ``email``: the address, lowercased;
- ``criteria``: ``Criteria.as_dict()`` (région, département, étape, foyers, statut);
- ``created``: when it was asked for (again, for a pending one), aware UTC datetime;
- ``confirmed``: when the link was opened, or None while pending.

A second annotation holds the UIDs of the items already announced, so that an item
published a second time (after a correction) is not announced twice.

For the scheduled job and the personal-data page:

- ``purge_unconfirmed(portal, older_than_days=7)``: delete what was never confirmed;
- ``forget_address(portal, email)``: delete every subscription of an address;
- ``subscriptions_of(portal, email)``: the subscriptions of an address.

The first two write in the portal: a page calling them answers a POST protected by
Plone's authenticator, as any form that writes.
"""

from BTrees.OOBTree import OOBTree
from BTrees.OOBTree import OOTreeSet
from coordaction.policy.matching.criteria import Criteria
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from zope.annotation.interfaces import IAnnotations
import re
import secrets


SUBSCRIPTIONS_KEY = "coordaction.policy.matching.subscriptions"
ANNOUNCED_KEY = "coordaction.policy.matching.announced"
# How long a pending subscription waits for its confirmation.
UNCONFIRMED_DAYS = 7
TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,100}$")


@dataclass(frozen=True)
class Subscription:
    token: str
    email: str
    criteria: Criteria
    created: datetime
    confirmed: datetime | None

    @property
    def is_confirmed(self):
        return self.confirmed is not None

    @classmethod
    def from_record(cls, token, record):
        return cls(
            token=token,
            email=record["email"],
            criteria=Criteria.from_dict(record["criteria"]),
            created=record["created"],
            confirmed=record["confirmed"],
        )


def now():
    return datetime.now(UTC)


def normalize_email(email):
    return (email or "").strip().lower()


def storage(portal, create=False):
    """The OOBTree of the subscriptions (None when there has never been one and
    ``create`` is false)."""
    annotations = IAnnotations(portal)
    tree = annotations.get(SUBSCRIPTIONS_KEY)
    if tree is None and create:
        tree = annotations[SUBSCRIPTIONS_KEY] = OOBTree()
    return tree


def _new_token(tree):
    while True:
        token = secrets.token_urlsafe(24)
        if token not in tree:
            return token


def subscribe(portal, email, criteria):
    """A pending subscription for this address and criteria: (subscription, is_new).

    The same address with the same criteria gets the one it already has (a pending
    one starts its wait again), never a second one."""
    email = normalize_email(email)
    tree = storage(portal, create=True)
    for token, record in tree.items():
        if (
            record["email"] == email
            and Criteria.from_dict(record["criteria"]) == criteria
        ):
            if record["confirmed"] is None:
                tree[token] = dict(record, created=now())
            return Subscription.from_record(token, tree[token]), False
    token = _new_token(tree)
    tree[token] = {
        "email": email,
        "criteria": criteria.as_dict(),
        "created": now(),
        "confirmed": None,
    }
    return Subscription.from_record(token, tree[token]), True


def get(portal, token):
    """The subscription of a link's token, or None (unknown, or not a token)."""
    tree = storage(portal)
    if tree is None or not isinstance(token, str) or not TOKEN.match(token):
        return None
    record = tree.get(token)
    return Subscription.from_record(token, record) if record is not None else None


def confirm(portal, token):
    """Confirm the subscription (again is harmless); None when the token is unknown."""
    subscription = get(portal, token)
    if subscription is None:
        return None
    if not subscription.is_confirmed:
        tree = storage(portal)
        tree[token] = dict(tree[token], confirmed=now())
        subscription = Subscription.from_record(token, tree[token])
    return subscription


def unsubscribe(portal, token):
    """Delete the subscription; the deleted one, or None when the token is unknown."""
    subscription = get(portal, token)
    if subscription is not None:
        del storage(portal)[token]
    return subscription


def delete(portal, subscription):
    tree = storage(portal)
    if tree is not None and subscription.token in tree:
        del tree[subscription.token]


def confirmed_subscriptions(portal):
    tree = storage(portal)
    for token, record in (tree or {}).items():
        if record["confirmed"] is not None:
            yield Subscription.from_record(token, record)


def mark_announced(portal, uid):
    """Remember that an item was announced; False when it already was."""
    annotations = IAnnotations(portal)
    announced = annotations.get(ANNOUNCED_KEY)
    if announced is None:
        announced = annotations[ANNOUNCED_KEY] = OOTreeSet()
    return bool(announced.insert(uid))


def _delete_where(portal, keep_out):
    tree = storage(portal)
    if tree is None:
        return 0
    tokens = [token for token, record in tree.items() if keep_out(record)]
    for token in tokens:
        del tree[token]
    return len(tokens)


def purge_unconfirmed(portal, older_than_days=UNCONFIRMED_DAYS):
    """Delete the subscriptions never confirmed, asked for more than
    ``older_than_days`` days ago. Returns how many were deleted."""
    limit = now() - timedelta(days=older_than_days)
    return _delete_where(
        portal,
        lambda record: record["confirmed"] is None and record["created"] < limit,
    )


def forget_address(portal, email):
    """Delete every subscription, confirmed or not, of this address (compared
    without case). Returns how many were deleted."""
    email = normalize_email(email)
    if not email:
        return 0
    return _delete_where(portal, lambda record: record["email"] == email)


def subscriptions_of(portal, email):
    """The subscriptions of this address (compared without case), oldest first:
    ``Subscription`` objects with ``token``, ``email``, ``criteria`` (its
    ``describe()`` says them in French), ``created``, ``confirmed``."""
    email = normalize_email(email)
    tree = storage(portal)
    if not email or tree is None:
        return []
    found = [
        Subscription.from_record(token, record)
        for token, record in tree.items()
        if record["email"] == email
    ]
    return sorted(found, key=lambda subscription: subscription.created)
