"""REST: creating content with ``@type``, ``id`` or ``title`` that are not strings
answers 400 (plone.restapi's ``FolderPost`` hands them to the type tool and the id
chooser, which fail with an AttributeError, a 500). The creation itself is
plone.restapi's."""

from coordaction.policy import _
from plone.restapi.deserializer import json_body
from plone.restapi.services.content.add import FolderPost
from zExceptions import BadRequest
from zope.i18n import translate


NAMING_KEYS = ("@type", "id", "title")


class CheckedFolderPost(FolderPost):
    def reply(self):
        data = json_body(self.request)  # a DeserializationError is a 400 (errors.py)
        for key in NAMING_KEYS:
            value = data.get(key)
            if value is not None and not isinstance(value, str):
                raise BadRequest(
                    translate(
                        _(
                            "« ${key} » doit être une chaîne de caractères.",
                            mapping={"key": key},
                        ),
                        target_language="fr",
                    )
                )
        return super().reply()
