"""The Creative Commons licence behavior (``coordaction.license``)."""

from coordaction.content import _
from coordaction.content.fields import WebAddress
from coordaction.content.licenses import DEFAULT_LICENSE
from coordaction.content.licenses import get_license
from coordaction.content.settings import content_setting
from plone.autoform.interfaces import IFormFieldProvider
from plone.supermodel import model
from zope import schema
from zope.interface import implementer
from zope.interface import provider
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import IContextAwareDefaultFactory


class ILicenseField(IChoice):
    """A choice among the licences, serialized in REST as an object."""


@implementer(ILicenseField)
class LicenseField(schema.Choice):
    pass


@provider(IContextAwareDefaultFactory)
def default_license(context):
    spdx = content_setting("default_license")
    return spdx if get_license(spdx) else DEFAULT_LICENSE


@provider(IFormFieldProvider)
class ICreativeCommonsLicense(model.Schema):
    model.fieldset(
        "license",
        label=_("Licence"),
        fields=["license_spdx", "rights_holder", "attribution_text", "source_url"],
    )

    license_spdx = LicenseField(
        title=_("Licence"),
        description=_(
            "Under which conditions anyone may reuse this content. Creative "
            "Commons licences allow sharing; “All rights reserved” forbids it."
        ),
        vocabulary="coordaction.vocabularies.licenses",
        defaultFactory=default_license,
        required=True,
    )
    rights_holder = schema.TextLine(
        title=_("Rights holder"),
        description=_("The person or organisation that holds the copyright."),
        required=False,
    )
    attribution_text = schema.TextLine(
        title=_("Attribution text"),
        description=_(
            "The credit to cite on reuse, for example “Photo: Jeanne Martin / Les "
            "Habiles”."
        ),
        required=False,
    )
    source_url = WebAddress(
        title=_("Source"),
        description=_(
            "The address of the original work, if it is published elsewhere."
        ),
        required=False,
    )


def license_of(context):
    """The License of an item, or None."""
    return get_license(getattr(context, "license_spdx", None))


def credit_of(context):
    """The credit to cite with an item (its attribution text, or else its rights
    holder), or None. ``context`` may be a catalog brain of a licensed item."""
    for name in ("attribution_text", "rights_holder"):
        value = getattr(context, name, None)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


# Items that carry the behavior provide its schema: views, viewlets and serializers
# are registered for it.
ILicensed = ICreativeCommonsLicense
