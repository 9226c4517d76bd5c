"""The secret link that lets a proposer follow their proposal without an account.

Each proposal deposited through a form gets a key (``secrets.token_urlsafe``), sent
to the proposer's address only: ``@@suivi-proposition?cle=…`` shows the proposal's
status to whoever holds it. The proposer may revoke the link (the page then says
the link no longer works); the organisers may too, from the proposal.

Storage: an annotation of the portal holds an OOBTree ``{key: proposal UID}``;
the proposal keeps its own key, so that a revoked or replaced key is deleted from
the tree."""

from BTrees.OOBTree import OOBTree
from plone import api
from plone.app.uuid.utils import uuidToObject
from zope.annotation.interfaces import IAnnotations
import re
import secrets


KEYS = "coordaction.policy.meetings.follow_keys"
KEY = re.compile(r"^[A-Za-z0-9_-]{20,100}$")
VIEW = "suivi-proposition"


def _tree(portal, create=False):
    annotations = IAnnotations(portal)
    tree = annotations.get(KEYS)
    if tree is None and create:
        tree = annotations[KEYS] = OOBTree()
    return tree


def issue_key(proposal):
    """A new key for the proposal (its former one no longer works)."""
    revoke(proposal)
    tree = _tree(api.portal.get(), create=True)
    key = secrets.token_urlsafe(24)
    while key in tree:
        key = secrets.token_urlsafe(24)
    tree[key] = proposal.UID()
    proposal._follow_key = key
    return key


def key_of(proposal):
    """The proposal's key, or None (none issued, or revoked)."""
    return getattr(proposal, "_follow_key", None)


def follow_url(key):
    return f"{api.portal.get().absolute_url()}/@@{VIEW}?cle={key}"


def proposal_of(key):
    """The proposal a key follows (whatever its state), or None."""
    tree = _tree(api.portal.get())
    if tree is None or not isinstance(key, str) or not KEY.match(key):
        return None
    uid = tree.get(key)
    return uuidToObject(uid, unrestricted=True) if uid else None


def revoke(proposal):
    """The proposal's link stops working; True when it had one."""
    key = key_of(proposal)
    if key is None:
        return False
    tree = _tree(api.portal.get())
    if tree is not None and key in tree:
        del tree[key]
    proposal._follow_key = None
    return True


def revoke_on_erasure(proposal, event):
    """An erasure request: the proposer's link stops working too."""
    revoke(proposal)
