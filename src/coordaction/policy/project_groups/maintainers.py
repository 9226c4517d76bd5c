"""Who keeps a project sheet up to date: its *maintainers*, members the group
itself entrusted with it.

A member asks from the sheet's page; a link goes to the sheet's private contact
address, the group's mailbox. Whoever reads that mailbox entrusts the sheet to
the member by following the link (a POST: ``mail_links``), which makes them a
maintainer: Editor and Contributor on that sheet only. They then edit it
directly, as its editorial team does: each save is a version of its history
(plone.versioning), that reviewers read and can revert. Nobody else's address or
account is ever shown to the asker.

Storage: an annotation of the sheet, ``{"claims": {token: {user_id, asked,
mailed}}, "maintainers": {user_id: since}}``, and a portal tree ``{token: sheet
UID}`` to find a link's sheet."""

from coordaction.policy.site.annotations import portal_tree
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from persistent.mapping import PersistentMapping
from plone import api
from zope.annotation.interfaces import IAnnotations
import re
import secrets


KEY = "coordaction.policy.project_groups"
TOKENS_KEY = "coordaction.policy.project_groups.tokens"
# {user id: (sheet UIDs)}: what a member keeps, for Mon espace.
KEPT_KEY = "coordaction.policy.project_groups.kept"
ROLES = ["Editor", "Contributor"]
# One e-mail to the group's mailbox per member and sheet within this many minutes.
REMAIL_MINUTES = 10
TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,100}$")


def now():
    return datetime.now(UTC)


def _state(sheet, create=False):
    annotations = IAnnotations(sheet)
    state = annotations.get(KEY)
    if state is None and create:
        state = annotations[KEY] = PersistentMapping(
            claims=PersistentMapping(), maintainers=PersistentMapping()
        )
    return state


def maintainers(sheet):
    """{user id: since} of the sheet's maintainers."""
    state = _state(sheet)
    return dict(state["maintainers"]) if state else {}


def is_maintainer(sheet, user_id):
    return bool(user_id) and user_id in maintainers(sheet)


def pending_claim(sheet, user_id):
    """(token, claim) of the member's claim waiting for the group, or None."""
    state = _state(sheet)
    for token, claim in (state["claims"] if state else {}).items():
        if claim["user_id"] == user_id:
            return token, dict(claim)
    return None


def ask(sheet, user_id):
    """The member asks to keep the sheet: (token, whether to e-mail the group
    now). Asking again within ``REMAIL_MINUTES`` sends nothing more."""
    found = pending_claim(sheet, user_id)
    state = _state(sheet, create=True)
    if found is not None:
        token, claim = found
        mailed = claim.get("mailed")
        if mailed is not None and now() - mailed < timedelta(minutes=REMAIL_MINUTES):
            return token, False
    else:
        token = secrets.token_urlsafe(24)
        portal_tree(TOKENS_KEY, create=True)[token] = api.content.get_uuid(sheet)
    state["claims"][token] = {"user_id": user_id, "asked": now(), "mailed": now()}
    return token, True


def _keep(user_id, uid, keeps):
    kept = portal_tree(KEPT_KEY, create=True)
    uids = (
        set(kept.get(user_id, ())) | {uid}
        if keeps
        else set(kept.get(user_id, ())) - {uid}
    )
    if uids:
        kept[user_id] = tuple(sorted(uids))
    elif user_id in kept:
        del kept[user_id]


def kept_by(user_id):
    """The brains of the sheets the member keeps (and may still see), by title."""
    kept = portal_tree(KEPT_KEY)
    uids = list(kept.get(user_id, ())) if kept is not None and user_id else []
    if not uids:
        return []
    return api.portal.get_tool("portal_catalog")(
        UID=uids, portal_type="ProjectSheet", sort_on="sortable_title"
    )


def find(token):
    """(sheet, claim) of a link's token, or None."""
    tokens = portal_tree(TOKENS_KEY)
    if tokens is None or not isinstance(token, str) or not TOKEN.match(token):
        return None
    uid = tokens.get(token)
    brains = (
        api.portal.get_tool("portal_catalog").unrestrictedSearchResults(UID=uid)
        if uid
        else []
    )
    if not brains:
        return None
    sheet = brains[0]._unrestrictedGetObject()
    state = _state(sheet)
    claim = state["claims"].get(token) if state else None
    if claim is None:
        # Followed already: the member it named keeps the sheet.
        return sheet, None
    return sheet, dict(claim, token=token)


def entrust(sheet, token):
    """The group's mailbox entrusts the sheet to the member of the claim; the
    member's id, or None if the claim is gone (followed, or the account is)."""
    state = _state(sheet)
    claim = state["claims"].pop(token, None) if state else None
    if claim is None or api.user.get(userid=claim["user_id"]) is None:
        return None
    user_id = claim["user_id"]
    state["maintainers"][user_id] = now()
    _keep(user_id, api.content.get_uuid(sheet), True)
    api.user.grant_roles(
        user=api.user.get(userid=user_id), obj=sheet, roles=keeper_roles(sheet)
    )
    sheet.reindexObjectSecurity()
    return user_id


def keeper_roles(sheet):
    """The local roles of the sheet's keepers: they edit it, unless the reviewers
    marked it sensitive (they then propose their changes, and add photos)."""
    return ["Contributor"] if getattr(sheet, "sensitive", False) else ROLES


def sync_keeper_roles(sheet, event=None):
    """Subscriber: a sheet marked sensitive (or no longer) gives its keepers the
    roles that go with it."""
    wanted = set(keeper_roles(sheet))
    changed = False
    for user_id in maintainers(sheet):
        held = set(sheet.get_local_roles_for_userid(user_id))
        if held & set(ROLES) != wanted:
            others = held - set(ROLES)
            sheet.manage_setLocalRoles(user_id, sorted(others | wanted))
            changed = True
    if changed:
        sheet.reindexObjectSecurity()


def hand_over(sheet, user_id):
    """A maintainer stops keeping the sheet (another of the group took over)."""
    state = _state(sheet)
    if state is None or state["maintainers"].pop(user_id, None) is None:
        return False
    _keep(user_id, api.content.get_uuid(sheet), False)
    user = api.user.get(userid=user_id)
    if user is not None:
        api.user.revoke_roles(user=user, obj=sheet, roles=ROLES)
    else:
        sheet.manage_delLocalRoles([user_id])
    sheet.reindexObjectSecurity()
    return True
