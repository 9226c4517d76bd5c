"""No 500 on bad input: what a client sends wrong is refused with 400 and a
readable message (French where the check is ours), never an exception name nor a
traceback, and nothing is written. A table of known cases, then a corpus generated
from the schema of every type: wrong JSON types, unknown vocabulary values, 1 MB
strings, invalid dates and files, per field type."""

from coordaction.policy.restapi.errors import CLIENT_ERRORS
from coordaction.policy.restapi.errors import ClientErrorHandling
from coordaction.policy.restapi.input_checks import check_input
from plone import api
from plone.app.textfield.interfaces import IRichText
from plone.autoform.interfaces import WRITE_PERMISSIONS_KEY
from plone.dexterity.utils import iterSchemataForType
from plone.namedfile.interfaces import INamedField
from tests.content.test_rest import VALID
from tests.http import Client
from tests.http import SiteTestCase
from tests.http import commit
from tests.rest.types import TYPES
from tests.rest.types import build_items
from z3c.relationfield.interfaces import IRelation
from zope.component import getGlobalSiteManager
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IDatetime
from zope.schema.interfaces import IFloat
from zope.schema.interfaces import IInt
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITextLine
from ZPublisher.interfaces import IPubAfterTraversal
import ast
import re


MEGABYTE = "x" * 1_000_000
# Python exception names (``ValueError``, ``KeyError``...) and tracebacks. The
# "ValidationError" category plone.restapi puts beside each field error (the
# format Volto reads) is not a message: field messages are checked one by one.
PYTHON_ERRORS = re.compile(r"\b[A-Z]\w*(Error|Exception)\b|Traceback|File \"/")

EVENT = {
    "@type": "Event",
    "title": "Rencontre régionale",
    "start": "2027-01-14T18:00:00+01:00",
    "end": "2027-01-14T20:00:00+01:00",
}
RESOURCE = "centre-de-ressources/guide-du-foncier-partage"  # builders.resource
# (what, method, path, body or None, query string)
CASES = (
    ("JSON mal formé", "POST", "centre-de-ressources", "{pas du json", None),
    ("un tableau au lieu d'un objet", "POST", "centre-de-ressources", "[1, 2]", None),
    (
        "@type numérique",
        "POST",
        "centre-de-ressources",
        {"@type": 5, "title": "x"},
        None,
    ),
    (
        "titre en liste",
        "POST",
        "centre-de-ressources",
        {**VALID["centre-de-ressources"], "title": ["x"]},
        None,
    ),
    (
        "thèmes en objet",
        "POST",
        "centre-de-ressources",
        {**VALID["centre-de-ressources"], "themes": {"a": 1}},
        None,
    ),
    (
        "thèmes en chaîne",
        "POST",
        "centre-de-ressources",
        {**VALID["centre-de-ressources"], "themes": "foncier"},
        None,
    ),
    (
        "licence inconnue",
        "POST",
        "centre-de-ressources",
        {**VALID["centre-de-ressources"], "license_spdx": "GPL-3.0"},
        None,
    ),
    (
        "licence en nombre",
        "POST",
        "centre-de-ressources",
        {**VALID["centre-de-ressources"], "license_spdx": 5},
        None,
    ),
    (
        "type de texte inconnu",
        "POST",
        "centre-de-ressources",
        {
            **VALID["centre-de-ressources"],
            "text": {"data": "<p>x</p>", "content-type": "application/x-evil"},
        },
        None,
    ),
    (
        "peut-être",
        "POST",
        "projets",
        {**VALID["projets"], "looking_for_members": "peut-etre"},
        None,
    ),
    (
        "date invalide",
        "POST",
        "petites-annonces",
        {**VALID["petites-annonces"], "effective": "2027-13-45"},
        None,
    ),
    (
        "date en nombre",
        "POST",
        "petites-annonces",
        {**VALID["petites-annonces"], "expires": 5},
        None,
    ),
    (
        "URL d'événement invalide",
        "POST",
        "agenda",
        {**EVENT, "event_url": "pas une url"},
        None,
    ),
    (
        "règle de récurrence invalide",
        "POST",
        "agenda",
        {**EVENT, "recurrence": "RRULE:FREQ=NONSENSE"},
        None,
    ),
    ("début invalide", "POST", "agenda", {**EVENT, "start": "demain"}, None),
    ("PATCH en JSON mal formé", "PATCH", RESOURCE, "{pas du json", None),
    ("PATCH d'un tableau", "PATCH", RESOURCE, "[1, 2]", None),
    ("PATCH d'un titre numérique", "PATCH", RESOURCE, {"title": 5}, None),
    (
        "PATCH d'un bon titre et de mauvais thèmes",
        "PATCH",
        RESOURCE,
        {"title": "Nouveau titre", "themes": "foncier"},
        None,
    ),
    ("PATCH d'un affichage numérique", "PATCH", RESOURCE, {"layout": 5}, None),
    ("PATCH d'un affichage inconnu", "PATCH", RESOURCE, {"layout": "zzz"}, None),
    ("partage en chaîne", "POST", f"{RESOURCE}/@sharing", {"entries": "x"}, None),
    (
        "partage mal formé",
        "POST",
        f"{RESOURCE}/@sharing",
        {"entries": [{"id": 5, "roles": "x"}]},
        None,
    ),
    (
        "copie d'un objet",
        "POST",
        "centre-de-ressources/@copy",
        {"source": [{"a": 1}]},
        None,
    ),
    (
        "déplacement d'un nombre",
        "POST",
        "centre-de-ressources/@move",
        {"source": 5},
        None,
    ),
    ("verrou non numérique", "POST", f"{RESOURCE}/@lock", {"timeout": "abc"}, None),
    ("version non numérique", "GET", f"{RESOURCE}/@history/abc", None, None),
    (
        "retour à une version non numérique",
        "PATCH",
        f"{RESOURCE}/@history",
        {"version": "abc"},
        None,
    ),
    (
        "retour à une version qui n'existe pas",
        "PATCH",
        f"{RESOURCE}/@history",
        {"version": 999},
        None,
    ),
    ("limite d'utilisateurs non numérique", "GET", "@users", None, "query=x&limit=abc"),
    (
        "option d'index inconnue",
        "GET",
        "@search",
        None,
        "portal_type.query=x&portal_type.operator=zz",
    ),
    ("sort_limit non numérique", "GET", "@search", None, "sort_limit=abc"),
    ("b_size non numérique", "GET", "@search", None, "b_size=abc"),
    ("b_size en chiffre exposant", "GET", "@search", None, "b_size=²"),
    (
        "PATCH d'un texte au type non textuel",
        "PATCH",
        RESOURCE,
        {"text": {"data": "<p>x</p>", "content-type": ["text/html"]}},
        None,
    ),
    ("b_start non numérique", "GET", "centre-de-ressources/@search", None, "b_start=x"),
    (
        "date de recherche invalide",
        "GET",
        "@search",
        None,
        "effective.query=pasdate&effective.range=min",
    ),
    ("recherche mal parenthésée", "GET", "@search", None, "SearchableText=(((%20AND"),
    ("NOT seul", "GET", "@search", None, "SearchableText=NOT%20foncier"),
    (
        "facettes mal parenthésées",
        "GET",
        "@facets",
        None,
        "collection=ressources&SearchableText=(((%20NOT",
    ),
    ("facettes b_size", "GET", "@facets", None, "collection=ressources&b_size=abc"),
    ("query en chaîne", "POST", "@querystring-search", {"query": "x"}, None),
    ("query de nombres", "POST", "@querystring-search", {"query": [1, 2]}, None),
    ("query GET invalide", "GET", "@querystring-search", None, "query=x"),
)


# The cases plone.restapi lets through (500, or a bad layout written) without
# policy/restapi/input_checks.py.
GUARDED_BY_INPUT_CHECKS = (
    "@type numérique",
    "PATCH d'un affichage numérique",
    "PATCH d'un affichage inconnu",
    "partage en chaîne",
    "partage mal formé",
    "copie d'un objet",
    "déplacement d'un nombre",
    "verrou non numérique",
    "version non numérique",
    "limite d'utilisateurs non numérique",
    "option d'index inconnue",
    "sort_limit non numérique",
    "b_size non numérique",
    "b_size en chiffre exposant",
    "b_start non numérique",
    "query en chaîne",
    "query de nombres",
)


# The cases plone.restapi answers 500 without policy/restapi/errors.py, by the
# exception it lets through.
GUARDED_BY_ERROR_VIEWS = {
    "JSON mal formé": "DeserializationError",
    "recherche mal parenthésée": "ParseError",
    "date de recherche invalide": "QueryParsingError",
    "retour à une version qui n'existe pas": "ArchivistRetrieveError",
}


def bad_values(field):
    """Values a client might send by mistake for a field of this type."""
    if ICollection.providedBy(field):
        values = ["une-chaine", {"a": 1}, [["imbrique"]], 5]
        if IChoice.providedBy(field.value_type):
            values.append(["valeur-inconnue-kz"])
        return values
    if IChoice.providedBy(field) or IRelation.providedBy(field):
        return [{"a": 1}, ["liste"], "valeur-inconnue-kz"]
    if IBool.providedBy(field):
        return ["peut-etre", 5, {"a": 1}]
    if IInt.providedBy(field):
        return ["abc", 1.5, {"a": 1}, [1]]
    if IFloat.providedBy(field):
        return ["nord", "1e400", "nan", {"a": 1}, [1.0]]
    if IDatetime.providedBy(field):
        return ["pas une date", "2027-02-30T10:00:00", 5, {"a": 1}]
    if IRichText.providedBy(field):
        return [5, {"data": 5}, {"data": "x", "content-type": "application/x-evil"}]
    if INamedField.providedBy(field):
        return [5, {"data": 5}, {"data": "%%%", "encoding": "base64"}]
    if ITextLine.providedBy(field) or IText.providedBy(field):
        return [["liste"], {"a": 1}, 5, MEGABYTE]
    return []


def refusal_messages(response):
    """The messages of a 400, one per field error where plone.restapi lists them."""
    data = response.json()
    error = data.get("error", data)
    message = error["message"]
    try:
        problems = ast.literal_eval(message)
    except (ValueError, SyntaxError):
        return [message]
    if isinstance(problems, list):
        return [problem["message"] for problem in problems]
    return [message]


# Pieces of a full-text query: every sequence of one or two of them is sent.
QUERY_PIECES = ("(", ")", '"', "AND", "OR", "NOT", "*", "?", "foncier")
BAD_DATES = ("abc", "2027-13-45", "2027-02-30T10:00:00", "")


def broken_queries():
    for first in QUERY_PIECES:
        yield first
        for second in QUERY_PIECES:
            yield f"{first} {second}"


def fields_of(portal_type):
    """The fields a client may write, but those with a write permission of their
    own (``sensitive``, for reviewers): plone.restapi leaves such a field aside
    for whoever lacks the permission, and the request changes nothing there
    (each test checks the item is unchanged)."""
    for schema in iterSchemataForType(portal_type):
        protected = schema.queryTaggedValue(WRITE_PERMISSIONS_KEY, {})
        for name, field in getFieldsInOrder(schema):
            if not field.readonly and name not in protected:
                yield name, field


class TestBadInput(SiteTestCase):
    def build(self):
        self.items = build_items(self.portal)

    def setUp(self):
        super().setUp()
        self.client = self.signed_in("contributeur")

    def counts(self):
        """The number of items in each section."""
        commit()  # see what the server committed
        return {
            row.container: len(
                self.portal.unrestrictedTraverse(row.container).objectIds()
            )
            for row in TYPES
        }

    def assertRefused(self, response, what):
        self.assertEqual(response.status_code, 400, f"{what}: {response.text[:500]}")
        data = response.json()
        self.assertNotIn("traceback", data, what)
        self.assertEqual(data.get("error", data)["type"], "BadRequest", what)
        for message in refusal_messages(response):
            self.assertTrue(message.strip(), what)
            self.assertIsNone(PYTHON_ERRORS.search(message), f"{what}: {message}")

    def send(self, method, path, body, query):
        url = f"{self.url}/{path}" + (f"?{query}" if query else "")
        kwargs = {}
        if isinstance(body, str):
            kwargs = {"data": body, "headers": {"Content-Type": "application/json"}}
        elif body is not None:
            kwargs = {"json": body}
        return self.client.api(method, url, **kwargs)

    def test_known_bad_inputs_answer_400(self):
        before = self.counts()
        resource = self.client.get_json(RESOURCE).json()
        for what, method, path, body, query in CASES:
            with self.subTest(what):
                self.assertRefused(self.send(method, path, body, query), what)
        self.assertEqual(self.counts(), before)
        self.assertEqual(self.client.get_json(RESOURCE).json(), resource)

    def test_each_error_view_answers_what_plone_restapi_answers_500(self):
        """Without our error views, plone.restapi answers these cases 500: the
        day it answers one 400 itself, this fails and its view can go."""
        registry = getGlobalSiteManager()
        views = [
            registration
            for registration in registry.registeredAdapters()
            if registration.factory is ClientErrorHandling
        ]
        self.assertEqual(len(views), len(CLIENT_ERRORS))
        for registration in views:
            registry.unregisterAdapter(
                registration.factory,
                registration.required,
                registration.provided,
                registration.name,
            )
        cases = {case[0]: case[1:] for case in CASES}
        try:
            for what, kind in GUARDED_BY_ERROR_VIEWS.items():
                with self.subTest(what):
                    response = self.send(*cases[what])
                    self.assertEqual(response.status_code, 500, what)
                    self.assertEqual(response.json()["type"], kind)
        finally:
            for registration in views:
                registry.registerAdapter(
                    registration.factory,
                    registration.required,
                    registration.provided,
                    registration.name,
                )
        self.assertRefused(self.send(*cases["JSON mal formé"]), "restored")

    def test_each_input_check_guards_what_plone_restapi_lets_through(self):
        """Without our input checks, plone.restapi does not refuse these cases
        itself: the day it does, this fails and the check can go."""
        registry = getGlobalSiteManager()
        self.assertTrue(registry.unregisterHandler(check_input, (IPubAfterTraversal,)))
        try:
            cases = {case[0]: case[1:] for case in CASES}
            for what in GUARDED_BY_INPUT_CHECKS:
                with self.subTest(what):
                    response = self.send(*cases[what])
                    self.assertNotEqual(response.status_code, 400, what)
        finally:
            registry.registerHandler(check_input, (IPubAfterTraversal,))
        self.assertRefused(self.send(*cases["b_size non numérique"]), "restored")

    def test_generated_corpus_on_creation_answers_400_and_creates_nothing(self):
        before = self.counts()
        for section, valid in {**VALID, "agenda": EVENT}.items():
            for name, field in fields_of(valid["@type"]):
                for value in bad_values(field):
                    what = f"POST {valid['@type']}.{name} = {str(value)[:40]}"
                    with self.subTest(what):
                        body = {**valid, name: value}
                        self.assertRefused(
                            self.client.api("POST", section, json=body), what
                        )
        self.assertEqual(self.counts(), before)

    def test_generated_corpus_on_edition_answers_400_and_changes_nothing(self):
        for row in TYPES:
            url = self.items[row.key].absolute_url()
            client = Client(self.url, row.editors[0])
            read = client.get_json(url).json()
            for name, field in fields_of(row.portal_type):
                for value in bad_values(field):
                    what = f"PATCH {row.key}.{name} = {str(value)[:40]}"
                    with self.subTest(what):
                        self.assertRefused(
                            client.api("PATCH", url, json={name: value}), what
                        )
            self.assertEqual(client.get_json(url).json(), read, row.key)

    def assertAnsweredOrRefused(self, response, what):
        """A query that may be valid (``foncier*``) is answered; one that is not
        is refused as any bad input."""
        if response.status_code != 200:
            self.assertRefused(response, what)

    def test_generated_full_text_queries_never_fail(self):
        for text in broken_queries():
            with self.subTest(text):
                self.assertAnsweredOrRefused(
                    self.client.api("GET", "@search", params={"SearchableText": text}),
                    f"@search {text}",
                )
                self.assertAnsweredOrRefused(
                    self.client.api(
                        "GET",
                        "@facets",
                        params={"collection": "ressources", "SearchableText": text},
                    ),
                    f"@facets {text}",
                )
                criterion = {
                    "i": "SearchableText",
                    "o": "plone.app.querystring.operation.string.contains",
                    "v": text,
                }
                self.assertAnsweredOrRefused(
                    self.client.api(
                        "POST", "@querystring-search", json={"query": [criterion]}
                    ),
                    f"@querystring-search {text}",
                )

    def test_generated_invalid_dates_in_search_are_refused(self):
        catalog = api.portal.get_tool("portal_catalog")
        date_indexes = [
            index.getId()
            for index in catalog.getIndexObjects()
            if index.meta_type in ("DateIndex", "DateRecurringIndex")
        ]
        self.assertIn("effective", date_indexes)
        for index in date_indexes:
            for value in BAD_DATES[:-1]:
                what = f"@search {index}={value}"
                with self.subTest(what):
                    params = {f"{index}.query": value, f"{index}.range": "min"}
                    self.assertRefused(
                        self.client.api("GET", "@search", params=params), what
                    )
