"""REST: the forms of *Contribuer* read by anyone, their saved data only by those
allowed to download it.

collective.easyform 5.0.2's serializer checks its saved-data permission with
``plone.api.user.has_permission("collective.easyform.DownloadSavedInput")``: that
function wants the permission's *title* ("collective.easyform: Download Saved
Input"), so the check fails with a 500 for everyone but the Zope admin (upstream
issue #431). This serializer, registered on the portal's browser layer, checks the
same permission by its id with ``zope.security.checkPermission``."""

from collective.easyform.config import DOWNLOAD_SAVED_PERMISSION
from collective.easyform.interfaces import IEasyForm
from collective.easyform.serializer import SerializeToJson
from coordaction.policy.interfaces import ICoordactionLayer
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.dxcontent import SerializeToJson as DXContentToJson
from zope.component import adapter
from zope.interface import implementer
from zope.security import checkPermission


# How the form works inside: its actions (mail recipients an administrator may
# add), its scripts (TALES overrides). For its editors only.
INTERNAL_FIELDS = (
    "actions_model",
    "thanksPageOverrideAction",
    "thanksPageOverride",
    "formActionOverride",
    "onDisplayOverride",
    "afterValidationOverride",
    "headerInjection",
    "submitLabelOverride",
)


@implementer(ISerializeToJson)
@adapter(IEasyForm, ICoordactionLayer)
class FormSerializer(SerializeToJson):
    def __call__(self, version=None, include_items=True):
        result = DXContentToJson.__call__(self, version, include_items)
        if not checkPermission("cmf.ModifyPortalContent", self.context):
            for name in INTERNAL_FIELDS:
                result.pop(name, None)
        if checkPermission(DOWNLOAD_SAVED_PERMISSION, self.context):
            self.serializeSavedData(result)
        return result
