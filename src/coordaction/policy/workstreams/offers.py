"""The offers of help on a chantier: someone with an account says "Je peux
contribuer" with their skills, their availability and a few words; whoever carries
the chantier accepts or declines. Accepted contributors appear on the chantier.

Storage: an annotation of the chantier holds an OOBTree ``{user id: record}``; a
record is a plain dict, replaced (never changed in place) at each step:

- ``skills``: identifiers of the portal's list of skills;
- ``availability``, ``message``: what they wrote (plain text, bounded);
- ``offered``: when they offered (again), aware UTC datetime;
- ``state``: ``offered``, ``accepted`` or ``declined``; ``answered``: when.

An offer and its answer are events (``OfferMade``, ``OfferAnswered``):
``notices`` tells the people concerned by mail."""

from BTrees.OOBTree import OOBTree
from coordaction.content.content.workstream import IWorkstream
from coordaction.content.i18n import in_request_language
from coordaction.content.i18n import in_site_language
from coordaction.policy import _
from datetime import UTC
from datetime import datetime
from plone import api
from zope.annotation.interfaces import IAnnotations
from zope.component import getUtility
from zope.event import notify
from zope.interface.interfaces import ObjectEvent
from zope.schema.interfaces import IVocabularyFactory


OFFERS_KEY = "coordaction.policy.workstreams.offers"
OFFERED = "offered"
ACCEPTED = "accepted"
DECLINED = "declined"
STATES = (OFFERED, ACCEPTED, DECLINED)
# A few lines for the carriers, not a letter.
MESSAGE_LENGTH = 1000
AVAILABILITY_LENGTH = 200
SKILLS = "coordaction.vocabularies.skills"


class OfferMade(ObjectEvent):
    """``user_id`` offers to help on the chantier ``object``."""

    def __init__(self, workstream, user_id):
        super().__init__(workstream)
        self.user_id = user_id


class OfferAnswered(ObjectEvent):
    """A carrier accepted (``accepted``) or declined the offer of ``user_id``."""

    def __init__(self, workstream, user_id, accepted):
        super().__init__(workstream)
        self.user_id = user_id
        self.accepted = accepted


class OfferError(ValueError):
    """An offer or an answer that cannot be made; its message is for the person."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return in_request_language(self.message)


def _now():
    return datetime.now(UTC)


def _text(value, length):
    return value.strip()[:length] if isinstance(value, str) else ""


def _storage(workstream, create=False):
    annotations = IAnnotations(workstream)
    tree = annotations.get(OFFERS_KEY)
    if tree is None and create:
        tree = annotations[OFFERS_KEY] = OOBTree()
    return tree


def skills_vocabulary():
    return getUtility(IVocabularyFactory, SKILLS)(None)


def skill_titles(skills, request=None):
    """The labels of ``skills``, joined: in the request's language on a page, in
    the site's in a mail (no ``request``)."""
    vocabulary = skills_vocabulary()
    titles = []
    for skill in skills or ():
        try:
            title = vocabulary.getTerm(skill).title
        except LookupError:
            titles.append(skill)
            continue
        titles.append(
            in_request_language(title, request) if request else in_site_language(title)
        )
    return ", ".join(titles)


def valid_skills(skills):
    """The identifiers of ``skills`` that the portal's list knows, in its order."""
    wanted = set(skills) if isinstance(skills, (list, tuple, set)) else set()
    return [term.value for term in skills_vocabulary() if term.value in wanted]


class WorkstreamOffers:
    """The offers of one chantier."""

    def __init__(self, workstream):
        if not IWorkstream.providedBy(workstream):
            raise TypeError("Not a chantier")
        self.workstream = workstream

    def get(self, user_id):
        tree = _storage(self.workstream)
        record = tree.get(user_id) if tree is not None else None
        return dict(record, user_id=user_id) if record is not None else None

    def all(self, state=None):
        """The offers, oldest first (of one ``state`` when given)."""
        tree = _storage(self.workstream)
        records = [
            dict(record, user_id=user_id) for user_id, record in (tree or {}).items()
        ]
        if state is not None:
            records = [record for record in records if record["state"] == state]
        return sorted(records, key=lambda record: record["offered"])

    def contributor_ids(self):
        return [record["user_id"] for record in self.all(ACCEPTED)]

    def offer(self, user_id, skills, availability, message):
        """Record the offer of ``user_id`` (an account); an accepted contributor
        keeps their place, a declined one may offer again."""
        workstream = self.workstream
        if api.content.get_state(workstream) != "published":
            raise OfferError(_("This chantier is not published: it takes no offers."))
        if not workstream.is_open():
            raise OfferError(_("This chantier is completed: it takes no more offers."))
        skills = valid_skills(skills)
        if not skills:
            raise OfferError(_("Choose at least one of your skills."))
        current = self.get(user_id)
        if current is not None and current["state"] == ACCEPTED:
            raise OfferError(_("You are already a contributor to this chantier."))
        _storage(workstream, create=True)[user_id] = {
            "skills": skills,
            "availability": _text(availability, AVAILABILITY_LENGTH),
            "message": _text(message, MESSAGE_LENGTH),
            "offered": _now(),
            "state": OFFERED,
            "answered": None,
        }
        notify(OfferMade(workstream, user_id))
        return self.get(user_id)

    def answer(self, user_id, accepted):
        """Accept or decline the waiting offer of ``user_id``; answering the same way
        twice (a double click) changes nothing and tells no one again."""
        current = self.get(user_id)
        if current is None:
            raise OfferError(_("There is no offer of help from this person."))
        state = ACCEPTED if accepted else DECLINED
        if current["state"] == state:
            return current
        tree = _storage(self.workstream)
        record = dict(tree[user_id], state=state, answered=_now())
        tree[user_id] = record
        notify(OfferAnswered(self.workstream, user_id, accepted))
        return self.get(user_id)

    def withdraw(self, user_id):
        """The person takes back their offer (or leaves the chantier)."""
        tree = _storage(self.workstream)
        if tree is not None and user_id in tree:
            del tree[user_id]
            return True
        return False
