"""REST: ``@querystring-search`` with a query that is not a list of criteria
answers 400 (plone.restapi passes it on to plone.app.querystring, which fails with
a TypeError, a 500). The search itself is plone.restapi's."""

from coordaction.policy import _
from plone.restapi.deserializer import json_body
from plone.restapi.exceptions import DeserializationError
from plone.restapi.services.querystringsearch.get import QuerystringSearchGet
from plone.restapi.services.querystringsearch.get import QuerystringSearchPost
from urllib import parse
from zExceptions import BadRequest
from zope.i18n import translate
import json


CRITERION_KEYS = ("i", "o")


def check_query(data):
    """Raise BadRequest unless ``data`` is an object whose "query" is a list of
    criteria ``{"i": index, "o": operation, "v": value}``."""
    if not isinstance(data, dict):
        raise BadRequest(message(_("Le corps de la requête doit être un objet JSON.")))
    query = data.get("query")
    if query is None:
        return  # plone.restapi answers "No query supplied"
    if not isinstance(query, list) or not all(
        isinstance(criterion, dict)
        and all(isinstance(criterion.get(key), str) for key in CRITERION_KEYS)
        for criterion in query
    ):
        raise BadRequest(
            message(
                _(
                    "« query » doit être une liste de critères, par exemple "
                    '[{"i": "portal_type", "o": "plone.app.querystring.operation.'
                    'selection.any", "v": ["Resource"]}].'
                )
            )
        )


def message(text):
    return translate(text, target_language="fr")


class CheckedQuerystringSearchPost(QuerystringSearchPost):
    def reply(self):
        try:
            check_query(json_body(self.request))
        except DeserializationError:
            raise BadRequest(
                message(_("Le corps de la requête n'est pas un objet JSON valide."))
            ) from None
        return super().reply()


class CheckedQuerystringSearchGet(QuerystringSearchGet):
    def reply(self):
        try:
            data = json.loads(parse.unquote(self.request.form.get("query", "{}")))
        except ValueError:
            raise BadRequest(
                message(_("« query » n'est pas un objet JSON valide."))
            ) from None
        check_query(data)
        return super().reply()
