"""plone.restapi: a licence travels as an object an external site can show; a
relation (of any type, in any serializer: full, summary, ``fullobjects``,
``expand``) names only the items its reader may see (``relations``)."""

from coordaction.content.addresses import safe_href
from coordaction.content.behaviors.license import ILicenseField
from coordaction.content.fields import IWebAddress
from coordaction.content.i18n import in_request_language
from coordaction.content.interfaces import ICoordactionContentLayer
from coordaction.content.licenses import badge_url
from coordaction.content.licenses import get_license
from coordaction.content.relations import readable_relations
from coordaction.content.relations import readable_target
from plone.dexterity.interfaces import IDexterityContent
from plone.restapi.interfaces import IFieldSerializer
from plone.restapi.interfaces import IJsonCompatible
from plone.restapi.serializer.dxfields import DefaultFieldSerializer
from plone.restapi.serializer.relationfield import RelationListFieldSerializer
from plone.restapi.serializer.relationfield import relationvalue_converter
from z3c.relationfield.interfaces import IRelationList
from z3c.relationfield.relation import RelationValue
from zope.component import adapter
from zope.interface import Interface
from zope.interface import implementer


def license_json(spdx, request):
    license = get_license(spdx)
    if license is None:
        return None
    return {
        "id": license.spdx,
        "title": in_request_language(license.title),
        "url": license.url,
        "badge": badge_url(license),
    }


@implementer(IFieldSerializer)
@adapter(ILicenseField, IDexterityContent, Interface)
class LicenseFieldSerializer(DefaultFieldSerializer):
    def __call__(self):
        return license_json(self.get_value(), self.request)


@implementer(IJsonCompatible)
@adapter(RelationValue)
def readable_relation_summary(relation):
    """plone.restapi summarizes the target of any relation (title, UID, state,
    description), even a draft: a target the reader may not see becomes null.

    Registered for the RelationValue class, more specific than plone.restapi's
    adapter for IRelationValue, so that every serializer goes through it."""
    if readable_target(relation) is None:
        return None
    return relationvalue_converter(relation)


@implementer(IFieldSerializer)
@adapter(IRelationList, IDexterityContent, ICoordactionContentLayer)
class ReadableRelationsSerializer(RelationListFieldSerializer):
    """A list of relations keeps only the targets the reader may see (no null)."""

    def get_value(self, default=None):
        return readable_relations(super().get_value(default))


@implementer(IFieldSerializer)
@adapter(IWebAddress, IDexterityContent, Interface)
class WebAddressSerializer(DefaultFieldSerializer):
    """An address stored before the address rule (``javascript:``...) is not
    handed to the sites that read the API, which may render it as a link."""

    def __call__(self):
        return safe_href(self.get_value())
