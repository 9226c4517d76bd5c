"""plone.restapi: a licence travels as an object an external site can show."""

from coordaction.content.behaviors.license import ILicenseField
from coordaction.content.licenses import get_license
from plone.dexterity.interfaces import IDexterityContent
from plone.restapi.interfaces import IFieldSerializer
from plone.restapi.serializer.dxfields import DefaultFieldSerializer
from zope.component import adapter
from zope.i18n import translate
from zope.interface import Interface
from zope.interface import implementer


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
