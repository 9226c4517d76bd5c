"""No 500 on bad input: what a client sends wrong is refused with 400 and a
readable message (French where the check is ours), never an exception name nor a
traceback, and nothing is written. A table of known cases, then a corpus generated
from the schema of every type: wrong JSON types, unknown vocabulary values, 1 MB
strings, invalid dates and files, per field type."""

from coordaction.policy.testing import COORDACTION_FUNCTIONAL_TESTING
from plone import api
from plone.app.textfield.interfaces import IRichText
from plone.dexterity.utils import iterSchemataForType
from plone.namedfile.interfaces import INamedField
from tests import builders
from tests.content.test_rest import VALID
from tests.http import Client
from tests.http import as_manager
from tests.http import commit
from tests.http import make_user
from z3c.relationfield.interfaces import IRelation
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IDatetime
from zope.schema.interfaces import IFloat
from zope.schema.interfaces import IInt
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITextLine
import ast
import re
import unittest


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
    ("b_size non numérique", "GET", "@search", None, "b_size=abc"),
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
        return ["nord", {"a": 1}, [1.0]]
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


class TestBadInput(unittest.TestCase):
    layer = COORDACTION_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        as_manager(self.portal)
        make_user("contributrice", groups=("equipe-editoriale",))
        self.items = builders.published_samples(self.portal)
        commit()
        self.url = self.portal.absolute_url()
        self.client = Client(self.url, "contributrice")

    def count(self):
        return len(
            api.content.find(
                portal_type=list(api.portal.get_tool("portal_types").keys())
            )
        )

    def assertRefused(self, response, what):
        self.assertEqual(response.status_code, 400, f"{what}: {response.text[:500]}")
        data = response.json()
        self.assertNotIn("traceback", data, what)
        for message in refusal_messages(response):
            self.assertTrue(message.strip(), what)
            self.assertIsNone(PYTHON_ERRORS.search(message), f"{what}: {message}")

    def test_known_bad_inputs_answer_400(self):
        before = self.count()
        for what, method, path, body, query in CASES:
            with self.subTest(what):
                url = f"{self.url}/{path}" + (f"?{query}" if query else "")
                kwargs = {}
                if isinstance(body, str):
                    kwargs = {
                        "data": body,
                        "headers": {"Content-Type": "application/json"},
                    }
                elif body is not None:
                    kwargs = {"json": body}
                self.assertRefused(self.client.api(method, url, **kwargs), what)
        commit()
        self.assertEqual(self.count(), before)

    def test_generated_corpus_answers_400_and_writes_nothing(self):
        before = self.count()
        for item in self.items:
            url = item.absolute_url()
            read = self.client.get_json(url).json()
            for schema in iterSchemataForType(item.portal_type):
                for name, field in getFieldsInOrder(schema):
                    if field.readonly:
                        continue
                    for value in bad_values(field):
                        what = f"{item.portal_type}.{name} = {str(value)[:40]}"
                        with self.subTest(what):
                            self.assertRefused(
                                self.client.api("PATCH", url, json={name: value}), what
                            )
            after = self.client.get_json(url).json()
            self.assertEqual(after, read, item.portal_type)
        commit()
        self.assertEqual(self.count(), before)
