"""REST: what a client sends to plone.restapi's services is checked before they
run, so that a wrong shape answers 400 with a French message instead of failing
inside them with a Python error (a 500).

plone.restapi reads many parameters without checking their type: ``@search``
hands ``b_start``, ``b_size``, ``sort_limit`` and index options to the catalog,
``@querystring-search`` its ``query`` to plone.app.querystring, content creation
a numeric ``@type`` to the type tool, ``PATCH`` a ``layout`` to ``setLayout``,
``@copy``/``@move`` their ``source``, ``@lock`` its ``timeout``, ``@sharing`` its
``entries``, ``@history`` the version... One table, CHECKS, maps each of those
services (by class) to the function that checks its input; one subscriber runs it
once traversal has found the service. Errors of the body itself (not JSON, not an
object) are plone.restapi's DeserializationError, answered 400 by errors.py.

Only what plone.restapi (10.0.4) does not refuse itself is checked here: without
these checks each case of ``tests/rest/test_bad_input.py`` that they cover answers
500 (or, for an unknown layout, writes it), and a test says so
(``test_each_input_check_guards_what_plone_restapi_lets_through``): when
plone.restapi refuses one itself, that test fails and the check can go."""

from coordaction.content.i18n import in_request_language
from coordaction.policy import _
from coordaction.policy.interfaces import ICoordactionLayer
from plone import api
from plone.rest.interfaces import IAPIRequest
from plone.restapi.deserializer import json_body
from plone.restapi.services.content.add import FolderPost
from plone.restapi.services.content.sharing import SharingPost
from plone.restapi.services.content.update import ContentPatch
from plone.restapi.services.copymove.copymove import BaseCopyMove
from plone.restapi.services.history.get import HistoryGet
from plone.restapi.services.history.patch import HistoryPatch
from plone.restapi.services.locking.add import Lock
from plone.restapi.services.querystringsearch.get import QuerystringSearchGet
from plone.restapi.services.querystringsearch.get import QuerystringSearchPost
from plone.restapi.services.search.get import SearchGet
from plone.restapi.services.users.get import UsersGet
from urllib import parse
from zExceptions import BadRequest
import json


def refuse(message, **mapping):
    return BadRequest(in_request_language(_(message, mapping=mapping)))


def is_whole_number(value):
    if isinstance(value, str):
        value = value.strip()
        return value.isascii() and value.isdigit()
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def whole_numbers(data, *names):
    for name in names:
        value = data.get(name)
        if value is not None and not is_whole_number(value):
            raise refuse(
                _("“${name}” must be a positive whole number, not “${value}”."),
                name=name,
                value=str(value)[:50],
            )


def search(service, request):
    """@search: batch numbers, and the options of each index (``effective.range``)
    among those the index knows."""
    whole_numbers(request.form, "b_start", "b_size", "sort_limit")
    catalog = api.portal.get_tool("portal_catalog")
    for key in request.form:
        index_id, _dot, option = key.partition(".")
        index = catalog._catalog.indexes.get(index_id)
        if option and index is not None:
            options = getattr(index, "query_options", ())
            if option not in options:
                raise refuse(
                    _(
                        "Unknown search option: “${key}”. Options of the index “${index}”: "
                        "${options}."
                    ),
                    key=key[:100],
                    index=index_id,
                    options=", ".join(options),
                )


CRITERION_KEYS = ("i", "o")


def querystring_search_query(data):
    if not isinstance(data, dict):
        raise refuse(_("The request body must be a JSON object."))
    whole_numbers(data, "b_start", "b_size", "limit")
    query = data.get("query")
    if query is None:
        return  # plone.restapi answers "No query supplied"
    if not isinstance(query, list) or not all(
        isinstance(criterion, dict)
        and all(isinstance(criterion.get(key), str) for key in CRITERION_KEYS)
        for criterion in query
    ):
        raise refuse(
            _(
                '“query” must be a list of criteria, for example [{"i": "portal_type", '
                '"o": "plone.app.querystring.operation.selection.any", "v": '
                '["Resource"]}].'
            )
        )


def querystring_search_post(service, request):
    querystring_search_query(json_body(request))


def querystring_search_get(service, request):
    try:
        data = json.loads(parse.unquote(request.form.get("query", "{}")))
    except ValueError:
        return  # plone.restapi answers 400 "No JSON object could be decoded"
    querystring_search_query(data)


NAMING_KEYS = ("@type", "id", "title")


def content_body(service, request):
    """POST (creation) and PATCH: the names of the item are strings, and a layout
    is one of the views of the item."""
    data = json_body(request)
    for key in NAMING_KEYS:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise refuse(_("“${key}” must be a string."), key=key)
    if "layout" in data and isinstance(service, ContentPatch):
        layout = data["layout"]
        views = [view_id for view_id, _title in service.context.getAvailableLayouts()]
        if layout != service.context.getLayout() and layout not in views:
            raise refuse(
                _("Unknown display: “${layout}”. Possible displays: ${views}."),
                layout=str(layout)[:100],
                views=", ".join(views),
            )


def copy_move(service, request):
    source = json_body(request).get("source")
    sources = source if isinstance(source, list) else [source]
    if source is not None and not all(isinstance(item, str) for item in sources):
        raise refuse(
            _(
                "“source” must be the address, the path or the UID of an item, or a "
                "list of them."
            )
        )


def lock(service, request):
    whole_numbers(json_body(request), "timeout")


def history_version(service, request):
    version = getattr(service, "version", None)
    if version is not None and not is_whole_number(version):
        raise refuse(_("Unknown version: “${version}”."), version=str(version)[:50])


def history_revert(service, request):
    whole_numbers(json_body(request), "version")


def sharing(service, request):
    data = json_body(request)
    entries = data.get("entries")
    if entries is not None and not (
        isinstance(entries, list)
        and all(
            isinstance(entry, dict)
            and isinstance(entry.get("id"), str)
            and isinstance(entry.get("roles"), dict)
            for entry in entries
        )
    ):
        raise refuse(
            _(
                '“entries” must be a list of {"id": "identifier", "type": "user", '
                '"roles": {"Reader": true}}.'
            )
        )
    if not isinstance(data.get("inherit", True), (bool, type(None))):
        raise refuse(_("“inherit” is true or false."))


def users(service, request):
    whole_numbers(request.form, "limit")


# plone.restapi service class: the check of its input.
CHECKS = {
    SearchGet: search,
    QuerystringSearchPost: querystring_search_post,
    QuerystringSearchGet: querystring_search_get,
    FolderPost: content_body,
    ContentPatch: content_body,
    BaseCopyMove: copy_move,
    Lock: lock,
    HistoryGet: history_version,
    HistoryPatch: history_revert,
    SharingPost: sharing,
    UsersGet: users,
}


def check_input(event):
    """After traversal, before the service runs: check what the client sent."""
    request = event.request
    if not (IAPIRequest.providedBy(request) and ICoordactionLayer.providedBy(request)):
        return
    service = request.get("PUBLISHED")
    for cls in type(service).__mro__:
        check = CHECKS.get(cls)
        if check is not None:
            check(service, request)
            return
