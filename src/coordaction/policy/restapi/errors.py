"""REST: the errors that a client's input causes answer 400 with a French message,
not 500 with a Python exception name.

plone.rest's error view (``plone.rest.errors.ErrorHandling``) answers 500 to any
exception it does not know. Some of them can only come from what the client sent:
a body that is not a JSON object (plone.restapi's ``DeserializationError``, which
the content creation service does not catch), a full-text query the catalog cannot
parse (``ParseError``, ``QueryError``), a query value of the wrong type for its
index (``QueryParsingError``), a date that does not exist (DateTime's
``DateError``, ``TimeError``: plone.restapi only catches its ``SyntaxError``), a
version of an item that does not exist (``@history``: CMFEditions'
``ArchivistRetrieveError``), a value a constraint refuses (``Invalid``). These views, registered for those
exceptions on API requests, answer them as a ``BadRequest``. The transaction is
aborted as for any error: nothing is half-written.

Only what plone.restapi (10.0.4) answers 500 is handled here; a test
(``test_each_error_view_answers_what_plone_restapi_answers_500``) fails the day
plone.restapi answers one of them 400 itself, so that its view can go."""

from coordaction.content.i18n import in_request_language
from coordaction.policy import _
from coordaction.policy.interfaces import ICoordactionLayer
from plone.rest.errors import ErrorHandling


CLIENT_ERRORS = {
    "DeserializationError": _("The request body is not a valid JSON object."),
    "ParseError": _(
        "Invalid full-text search: check the brackets, the quotes and the "
        "words AND, OR, NOT."
    ),
    "QueryError": _(
        "Invalid full-text search: check the brackets, the quotes and the "
        "words AND, OR, NOT."
    ),
    "QueryParsingError": _(
        "Invalid search criterion: a value does not have the expected type "
        "(date, number, yes/no...)."
    ),
    "DateTimeError": _(
        "Invalid date: write a date that exists, in ISO 8601 format, for "
        "example “2027-03-01” or “2027-03-01T10:00:00+01:00”."
    ),
    "ArchivistRetrieveError": _(
        "Unknown version: this item does not have this version."
    ),
    "Invalid": _("Value refused: ${detail}"),
}


class ErrorEnvelope(ErrorHandling):
    """plone.rest's answer to an error (``{"type", "message"}``), with the same
    under ``"error"``: the envelope plone.restapi's ``@login`` answers in, and the
    one our services answered in before they raised ``BadRequest`` and
    ``Forbidden``; their clients read it."""

    def render_exception(self, exception):
        result = super().render_exception(exception)
        if isinstance(result, dict) and ICoordactionLayer.providedBy(self.request):
            result["error"] = {"type": result["type"], "message": result["message"]}
        return result


class ClientErrorHandling(ErrorEnvelope):
    """Answer an error caused by the request as 400 Bad Request."""

    def render_exception(self, exception):
        result = super().render_exception(exception)
        if not ICoordactionLayer.providedBy(self.request):
            return result
        result["type"] = "BadRequest"
        result["message"] = self.message(exception)
        result["error"] = {"type": "BadRequest", "message": result["message"]}
        result.pop("traceback", None)
        self.request.response.setStatus(400, lock=True)
        return result

    def message(self, exception):
        kinds = [cls.__name__ for cls in type(exception).__mro__]
        kind = next(name for name in kinds if name in CLIENT_ERRORS)
        if hasattr(exception, "doc"):  # a zope.schema ValidationError
            detail = exception.doc()
        else:
            detail = exception.args[0] if exception.args else ""
        message = _(
            CLIENT_ERRORS[kind],
            mapping={"detail": in_request_language(detail)},
        )
        return in_request_language(message)
