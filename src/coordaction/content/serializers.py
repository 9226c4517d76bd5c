"""plone.restapi: a licence travels as an object an external site can show; the
templates a situation of the observatory links to are those the reader may see."""

from coordaction.content.behaviors.license import ILicenseField
from coordaction.content.content.observatory_case import IObservatoryCase
from coordaction.content.licenses import get_license
from plone.dexterity.interfaces import IDexterityContent
from plone.restapi.interfaces import IFieldSerializer
from plone.restapi.serializer.dxfields import DefaultFieldSerializer
from plone.restapi.serializer.relationfield import RelationListFieldSerializer
from z3c.relationfield.interfaces import IRelationList
from zope.component import adapter
from zope.i18n import translate
from zope.interface import Interface
from zope.interface import implementer
from zope.security import checkPermission


def license_json(spdx, request):
    license = get_license(spdx)
    if license is None:
        return None
    return {
        "id": license.spdx,
        "title": translate(license.title, target_language="fr"),
        "url": license.url,
        "badge": license.badge,
    }


@implementer(IFieldSerializer)
@adapter(ILicenseField, IDexterityContent, Interface)
class LicenseFieldSerializer(DefaultFieldSerializer):
    def __call__(self):
        return license_json(self.get_value(), self.request)


@implementer(IFieldSerializer)
@adapter(IRelationList, IObservatoryCase, Interface)
class VisibleRelationsSerializer(RelationListFieldSerializer):
    """plone.restapi summarizes every related item, even one the reader may not see
    (a template still in draft): only the visible ones are kept."""

    def get_value(self, default=None):
        return [
            relation
            for relation in super().get_value(default)
            if checkPermission("zope2.View", relation.to_object)
        ]
