"""The base of the product's own REST services that read a JSON object: the body
(an object, or a 400), and a refusal as a 400 with its French ``message``."""

from coordaction.content.i18n import in_request_language
from coordaction.policy import _
from plone.restapi.deserializer import json_body
from plone.restapi.services import Service
from zExceptions import BadRequest
from zope.interface import alsoProvides
import plone.protect.interfaces


class JSONService(Service):
    def body(self):
        """The JSON object sent; the API authenticates by token, not cookie form."""
        alsoProvides(self.request, plone.protect.interfaces.IDisableCSRFProtection)
        data = json_body(self.request)
        if not isinstance(data, dict):
            self.refuse(_("Send a JSON object."))
        return data

    def refuse(self, message):
        raise BadRequest(in_request_language(message, self.request))
