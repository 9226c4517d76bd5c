"""Personal data of the public, found and erased on request by an administrator
(@@donnees-personnelles-admin): the submissions saved by the forms, the private
contact address (and name) of ads, project sheets and proposals to the national
meetings, the alert subscriptions of the Mise
en lien. The ad or the sheet itself stays: only the address is erased."""

from coordaction.policy import _
from coordaction.policy.interfaces import IPersonalDataKeeper
from coordaction.policy.participation.saved import saved_data_storages
from coordaction.workflows.notifications import PRIVATE_ADDRESSES
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.component import getUtilitiesFor
from zope.event import notify
from zope.interface import implementer
from zope.interface.interfaces import IObjectEvent
from zope.interface.interfaces import ObjectEvent
import re


EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
CONTACT_TYPES = (
    "ClassifiedAd",
    "ProjectSheet",
    "MeetingProposal",
    "Event",
    "ObservatoryCase",  # a set-up shared by a group
)


class IContactErased(IObjectEvent):
    """An item's contact address was erased on request: what else a feature keeps
    for that person about the item goes too (a proposal's follow link)."""


@implementer(IContactErased)
class ContactErased(ObjectEvent):
    __doc__ = IContactErased.__doc__


def _same_address(value, email):
    return isinstance(value, str) and value.strip().lower() == email


def saved_submissions_of(email):
    """(form, storage, row id) of every saved submission holding the address."""
    return [
        (form, storage, row_id)
        for form, storage in saved_data_storages()
        for row_id, row in storage.items()
        if any(_same_address(value, email) for value in row.values())
    ]


def contacts_of(email):
    """Ads, project sheets, proposals and events with this address."""
    catalog = api.portal.get_tool("portal_catalog")
    items = []
    for brain in catalog.unrestrictedSearchResults(portal_type=CONTACT_TYPES):
        item = brain._unrestrictedGetObject()
        if any(
            _same_address(getattr(item, name, None), email)
            for name in PRIVATE_ADDRESSES
        ):
            items.append(item)
    return items


def erase_personal_data(email):
    """Erase what the portal keeps of this address; return what was erased."""
    submissions = saved_submissions_of(email)
    for _form, storage, row_id in submissions:
        del storage[row_id]
    items = contacts_of(email)
    for item in items:
        for name in PRIVATE_ADDRESSES:
            if _same_address(getattr(item, name, None), email):
                setattr(item, name, None)
        if getattr(item, "contact_name", None):
            item.contact_name = None
        item.reindexObject()
        notify(ContactErased(item))
    erased = {"submissions": len(submissions), "contacts": len(items)}
    for name, keeper in getUtilitiesFor(IPersonalDataKeeper):
        erased[name] = keeper.forget(api.portal.get(), email)
    return erased


class PersonalDataView(BrowserView):
    """Search an address, see what is kept of it, erase it."""

    email = ""
    error = None
    erased = None

    def __call__(self):
        email = self.request.form.get("email") or ""
        if isinstance(email, (list, tuple)):  # a repeated field: keep one
            email = email[0] if email else ""
        self.email = str(email).strip().lower()
        if self.email and not EMAIL.match(self.email):
            self.error = _(
                "“${email}” is not a valid e-mail address.",
                mapping={"email": self.email},
            )
            self.email = ""
        elif (
            self.email
            and self.request.method == "POST"
            and self.request.form.get("erase")
        ):
            CheckAuthenticator(self.request)
            self.erased = erase_personal_data(self.email)
        return self.index()

    def found(self):
        if not self.email:
            return None
        return {
            "submissions": [
                {"form": form.Title(), "url": form.absolute_url(), "row": row_id}
                for form, _storage, row_id in saved_submissions_of(self.email)
            ],
            "contacts": [
                {"title": item.Title(), "url": item.absolute_url()}
                for item in contacts_of(self.email)
            ],
            **{
                name: keeper.kept(api.portal.get(), self.email)
                for name, keeper in getUtilitiesFor(IPersonalDataKeeper)
            },
        }
