"""The Observatoire juridique et financier, through the real server: its faceted
page, @facets, the page of a situation, the templates that link to it, and the
French add form. Anonymous visitors only ever see published situations."""

from lxml import html
from tests.http import Client
from tests.http import SiteTestCase
from tests.http import admin
from tests.observatory.layer import COOPERATIVE_TEMPLATE
from tests.observatory.layer import DRAFT_TEMPLATE
from tests.observatory.layer import INSURANCE
from tests.observatory.layer import LOAN
from tests.observatory.layer import NOTARY
from tests.observatory.layer import OBSERVATORY_FUNCTIONAL_TESTING
from tests.observatory.layer import PRIVATE_CASE
from tests.observatory.layer import PUBLISHED_CASES
from tests.observatory.layer import SAS_TEMPLATE
from tests.observatory.layer import SCIA_TEMPLATE
from tests.resourcecentre.test_faceted_pages import result_titles
import re
import unittest


SECTION = "observatoire"


def find(portal, title, section="trames-types"):
    (item,) = [obj for obj in portal[section].objectValues() if obj.Title() == title]
    return item


class ObservatoryTestCase(unittest.TestCase):
    layer = OBSERVATORY_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.anonymous = Client(self.portal.absolute_url())
        self.admin = admin(self.portal.absolute_url())

    def titles(self, params=(), client=None):
        response = (client or self.anonymous).page(
            f"{SECTION}/@@faceted_query", params=list(params)
        )
        self.assertEqual(response.status_code, 200, response.text[:500])
        return set(result_titles(response.text))

    def counts(self, cid, params=(), client=None):
        response = (client or self.anonymous).page(
            f"{SECTION}/@@faceted_counter", params=[*params, ("cid", cid)]
        )
        self.assertEqual(response.status_code, 200, response.text[:500])
        return response.json()

    def tree(self, url, client=None):
        response = (client or self.anonymous).page(url)
        self.assertEqual(response.status_code, 200, url)
        return html.fromstring(response.text)


class TestObservatoryFacetedPage(ObservatoryTestCase):
    def test_page_offers_french_facets(self):
        page = self.anonymous.page(SECTION)
        self.assertEqual(page.status_code, 200)
        tree = html.fromstring(page.text)
        self.assertEqual(
            tree.xpath("string(//h1)").strip(), "Observatoire juridique et financier"
        )
        for cid, texts in (
            ("domaine", ("Domaine", "Juridique", "Financier")),
            ("statut", ("Où en est-on ?", "Non résolue", "En cours de résolution")),
            ("forme", ("Forme juridique", "Coopérative d'habitants")),
            ("theme", ("Thèmes",)),
            ("region", ("Régions", "Bretagne")),
        ):
            (widget,) = tree.xpath(f"//div[@id='{cid}_widget']")
            for text in texts:
                self.assertIn(text, widget.text_content(), cid)
        self.assertIn("Rechercher", page.text)

    def test_anonymous_finds_published_situations_only(self):
        self.assertEqual(self.titles(), PUBLISHED_CASES)
        self.assertEqual(self.titles([("texte", "brouillon")]), set())
        self.assertEqual(self.titles([("statut", "en-cours")]), {NOTARY})
        self.assertIn(PRIVATE_CASE, self.titles(client=self.admin))

    def test_facets_narrow_the_situations(self):
        for params, expected in (
            ([("domaine", "juridique")], {NOTARY, INSURANCE}),
            ([("domaine", "financier")], {LOAN, INSURANCE}),
            ([("statut", "resolue")], {LOAN}),
            ([("statut[]", "resolue"), ("statut[]", "non-resolue")], {LOAN, INSURANCE}),
            ([("forme", "scia")], {NOTARY, INSURANCE}),
            ([("forme", "cooperative-habitants")], {LOAN, INSURANCE}),
            ([("region", "84")], {LOAN}),
            ([("theme", "financement"), ("region", "53")], {INSURANCE}),
            ([("domaine", "juridique"), ("statut", "resolue")], set()),
            ([("texte", "assureur")], {INSURANCE}),  # the situation's text
            ([("texte", "L. 212-1")], {NOTARY}),  # its legal references
        ):
            with self.subTest(params=params):
                self.assertEqual(self.titles(params), expected)

    def test_counts_never_include_the_private_situation(self):
        statuses = self.counts("statut")
        self.assertEqual(
            (statuses["resolue"], statuses["en-cours"], statuses["non-resolue"]),
            (1, 1, 1),
        )
        domains = self.counts("domaine")
        self.assertEqual((domains["juridique"], domains["financier"]), (2, 2))
        forms = self.counts("forme", [("domaine", "juridique")])
        self.assertEqual(
            (forms["scia"], forms["cooperative-habitants"]), (2, 1)
        )  # the private one is a coopérative too
        self.assertEqual(self.counts("statut", client=self.admin)["en-cours"], 2)

    def test_result_shows_the_status_in_french(self):
        page = self.anonymous.page(
            f"{SECTION}/@@faceted_query", params=[("statut", "non-resolue")]
        ).text
        (item,) = html.fromstring(page).xpath(
            "//li[contains(@class, 'coordaction-result')]"
        )
        self.assertEqual(
            item.xpath("string(.//*[contains(@class, 'coordaction-result-kind')])"),
            "Non résolue",
        )
        self.assertEqual(
            item.xpath("string(.//h2/a/@href)"),
            f"{self.portal.absolute_url()}/{SECTION}/assurance-dommages-ouvrage-introuvable",
        )


class TestObservatoryFacetsAPI(ObservatoryTestCase):
    def facets(self, query):
        response = self.anonymous.get_json(f"@facets?collection=observatoire&{query}")
        self.assertEqual(response.status_code, 200, response.text[:1000])
        return response.json()

    def test_results_and_counts_of_published_situations(self):
        data = self.facets("sort_on=title")
        self.assertEqual(data["items_total"], 3)
        self.assertEqual({item["title"] for item in data["items"]}, PUBLISHED_CASES)
        counts = {
            value["value"]: value["count"]
            for value in data["facets"]["case_status"]["values"]
        }
        self.assertEqual(counts, {"non-resolue": 1, "en-cours": 1, "resolue": 1})
        self.assertEqual(data["facets"]["case_status"]["title"], "Où en est-on ?")
        (loan,) = [item for item in data["items"] if item["title"] == LOAN]
        self.assertEqual(loan["case_status"], {"token": "resolue", "title": "Résolue"})
        self.assertEqual(
            loan["case_domains"], [{"token": "financier", "title": "Financier"}]
        )

    def test_filters_narrow_and_combine(self):
        data = self.facets("legal_forms=scia&case_domains=financier")
        self.assertEqual([item["title"] for item in data["items"]], [INSURANCE])
        response = self.anonymous.get_json(
            "@facets?collection=observatoire&case_status=oubliee"
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("Valeur inconnue", response.json()["error"]["message"])


class TestSituationPage(ObservatoryTestCase):
    def test_page_shows_situation_solution_references_and_templates(self):
        case = find(self.portal, NOTARY, SECTION)
        tree = self.tree(case.absolute_url())
        text = tree.xpath("string(//div[@id='content-core'])")
        for expected in (
            "En cours de résolution",
            "Juridique",
            "Situation bloquante",
            "Le notaire ne connaît pas la société d'attribution.",
            "Solution trouvée",
            "Un passage par une SAS coopérative est à l'étude.",
            "Formes juridiques concernées",
            "Société civile immobilière d'attribution (SCIA)",
            "Références juridiques",
            "Bretagne",
        ):
            self.assertIn(expected, text)
        references = [
            item.text_content()
            for item in tree.xpath(
                "//ul[contains(@class, 'coordaction-case-references')]/li"
            )
        ]
        self.assertEqual(
            references,
            [
                "Code de la construction et de l'habitation, article L. 212-1",
                "Loi du 16 juillet 1971",
            ],
        )
        sas = find(self.portal, SAS_TEMPLATE)
        links = tree.xpath(
            "//section[contains(@class, 'coordaction-case-templates')]//a/@href"
        )
        self.assertIn(sas.absolute_url(), links)
        self.assertIn(f"{self.portal.absolute_url()}/trames-types#forme=scia", links)
        # It also links to a template still in draft, which never shows.
        self.assertNotIn(DRAFT_TEMPLATE, tree.text_content())

    def test_rest_lists_only_the_templates_a_visitor_may_see(self):
        case = find(self.portal, NOTARY, SECTION)
        data = self.anonymous.get_json(case.absolute_url()).json()
        self.assertEqual(
            [template["title"] for template in data["related_templates"]],
            [SAS_TEMPLATE],
        )
        self.assertEqual(data["case_status"]["title"], "En cours de résolution")
        self.assertEqual(data["license_spdx"]["id"], "CC-BY-SA-4.0")
        data = self.admin.get_json(case.absolute_url()).json()
        self.assertEqual(
            sorted(template["title"] for template in data["related_templates"]),
            sorted([SAS_TEMPLATE, DRAFT_TEMPLATE]),
        )

    def test_situation_without_solution_says_so(self):
        case = find(self.portal, INSURANCE, SECTION)
        tree = self.tree(case.absolute_url())
        self.assertEqual(
            tree.xpath(
                "string(//*[contains(@class, 'coordaction-case-no-solution')])"
            ).strip(),
            "Aucune solution n'est encore connue. Vous en avez une ? Écrivez-nous.",
        )

    def test_private_situation_is_not_shown_to_anonymous(self):
        case = find(self.portal, PRIVATE_CASE, SECTION)
        response = self.anonymous.page(case.absolute_url(), allow_redirects=False)
        self.assertNotEqual(response.status_code, 200)
        self.assertNotIn(PRIVATE_CASE, self.anonymous.page(SECTION).text)
        self.assertNotEqual(
            self.anonymous.get_json(case.absolute_url()).status_code, 200
        )
        found = self.anonymous.get_json(
            "@search?portal_type=ObservatoryCase&sort_on=sortable_title"
        ).json()
        self.assertEqual({item["title"] for item in found["items"]}, PUBLISHED_CASES)


class TestTemplatesLinkToTheObservatory(ObservatoryTestCase):
    def cases_on(self, title):
        tree = self.tree(find(self.portal, title).absolute_url())
        (section,) = tree.xpath(
            "//section[contains(@class, 'coordaction-template-observatory')]"
        )
        return section, [
            link.text_content().strip()
            for link in section.xpath(
                ".//ul[contains(@class, 'coordaction-template-cases')]/li/a"
            )
        ]

    def test_template_lists_the_situations_of_its_legal_forms(self):
        section, titles = self.cases_on(COOPERATIVE_TEMPLATE)
        self.assertEqual(titles, [INSURANCE, LOAN])
        self.assertIn(
            "Situations de l'observatoire juridique et financier",
            section.text_content(),
        )
        (link,) = section.xpath(
            ".//a[contains(@class, 'coordaction-template-observatory-link')]"
        )
        self.assertEqual(
            link.get("href"),
            f"{self.portal.absolute_url()}/observatoire#forme=cooperative-habitants",
        )
        self.assertEqual(
            link.text_content().strip(),
            "Voir ces situations et les solutions trouvées dans l'observatoire",
        )
        _section, titles = self.cases_on(SCIA_TEMPLATE)
        self.assertEqual(titles, [INSURANCE, NOTARY])

    def test_template_lists_the_situations_that_link_to_it(self):
        # The SAS pact concerns no situation's legal form: the notary's links to it.
        # So does the private situation, which never shows.
        section, titles = self.cases_on(SAS_TEMPLATE)
        self.assertEqual(titles, [NOTARY])
        self.assertNotIn(PRIVATE_CASE, section.text_content())
        self.assertIn("En cours de résolution", section.text_content())
        # The observatory filtered on the SAS would show nothing: the link goes to
        # all of it.
        (link,) = section.xpath(
            ".//a[contains(@class, 'coordaction-template-observatory-link')]"
        )
        self.assertEqual(link.get("href"), f"{self.portal.absolute_url()}/observatoire")
        self.assertEqual(
            link.text_content().strip(),
            "Toutes les situations de l'observatoire juridique et financier",
        )


class TestAddForm(SiteTestCase):
    layer = OBSERVATORY_FUNCTIONAL_TESTING
    users = {"contributrice": {"roles": ("Member", "Contributor")}}

    def setUp(self):
        super().setUp()
        self.editor = self.signed_in("contributrice")

    def test_form_is_french(self):
        response = self.editor.page(f"{SECTION}/++add++ObservatoryCase")
        self.assertEqual(response.status_code, 200)
        for text in (
            "Signaler une situation",
            "Domaine",
            "Juridique",
            "Financier",
            "Où en est-on ?",
            "Non résolue",
            "Situation bloquante",
            "Contexte",
            "Solution trouvée",
            "Classement",
            "Formes juridiques concernées",
            "Références juridiques",
            "Trames-types liées",
        ):
            self.assertIn(text, response.text)

    def test_missing_fields_get_french_errors_and_create_nothing(self):
        before = set(self.portal[SECTION].objectIds())
        response = self.editor.submit(
            f"{SECTION}/++add++ObservatoryCase",
            {"form.widgets.IDublinCore.title": "Situation incomplète"},
            "form.buttons.save",
        )
        self.assertEqual(response.status_code, 200)
        errors = [
            error.strip()
            for error in re.findall(
                r'class="invalid-feedback">\s*([^<]*)<', response.text
            )
        ]
        self.assertTrue(errors, response.text[-2000:])
        self.assertEqual(set(errors), {"Champ obligatoire"}, errors)
        self.assertIn("Il y a des erreurs.", response.text)
        self.assertNotIn("Required", response.text)
        self.portal._p_jar.sync()
        self.assertEqual(set(self.portal[SECTION].objectIds()), before)

    def test_a_complete_situation_is_created_private(self):
        response = self.editor.submit(
            f"{SECTION}/++add++ObservatoryCase",
            {
                "form.widgets.IDublinCore.title": "Garantie d'emprunt refusée",
                "form.widgets.case_domains:list": "financier",
                "form.widgets.case_status:list": "non-resolue",
                "form.widgets.situation": "<p>La commune refuse sa garantie.</p>",
                "form.widgets.legal_forms:list": "cooperative-habitants",
                "form.widgets.ICreativeCommonsLicense.license_spdx:list": "CC-BY-SA-4.0",
            },
            "form.buttons.save",
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn(f"/{SECTION}/garantie-demprunt-refusee", response.url)
        self.assertIn("La commune refuse sa garantie.", response.text)
        self.assertIn("Non résolue", response.text)
        # Private until a reviewer publishes it.
        self.assertNotEqual(
            Client(self.portal.absolute_url())
            .page(response.url, allow_redirects=False)
            .status_code,
            200,
        )
