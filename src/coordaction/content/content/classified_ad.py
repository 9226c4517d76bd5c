"""ClassifiedAd (Petite annonce): a group looking for members, land for sale...

Its expiry is Plone's own expiration date (plone.publication): once past, the
catalog hides the ad from everyone who may not see inactive content, listings and
search included. When an ad is published without one, it gets the lifetime set in
the control panel (90 days by default)."""

from coordaction.content import _
from coordaction.content.permissions import VIEW_CONTACT_PERMISSION
from coordaction.content.settings import content_setting
from coordaction.content.validators import check_place
from DateTime import DateTime
from plone.app.dexterity.textindexer import searchable
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.schema import Email
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import invariant


class IClassifiedAd(model.Schema):
    ad_kind = schema.Choice(
        title=_("Ad kind"),
        vocabulary="coordaction.vocabularies.ad_kinds",
        required=True,
    )
    searchable("text", "commune")
    text = schema.Text(
        title=_("Text of the ad"),
        required=True,
        max_length=5000,
    )
    region = schema.Choice(
        title=_("Region"),
        vocabulary="coordaction.vocabularies.regions",
        required=True,
    )
    departement = schema.Choice(
        title=_("Département"),
        vocabulary="coordaction.vocabularies.departements",
        required=False,
    )
    commune = schema.TextLine(title=_("Municipality"), required=False)

    directives.read_permission(contact_email=VIEW_CONTACT_PERMISSION)
    contact_email = Email(
        title=_("Author's e-mail"),
        description=_("Never shown: replies go through a contact form."),
        required=False,
    )

    @invariant
    def place(data):
        check_place(data)


@implementer(IClassifiedAd)
class ClassifiedAd(Item):
    """A classified ad."""


def set_default_expiry(ad, event):
    """On publication, an ad without an expiry date gets the default lifetime."""
    if event.action != "publish" or ad.expiration_date is not None:
        return
    days = content_setting("ad_lifetime_days")
    start = ad.effective_date or DateTime()
    ad.expiration_date = start + days
    ad.reindexObject(idxs=["expires", "effectiveRange"])
