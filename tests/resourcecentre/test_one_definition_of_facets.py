"""The facets of a section are defined once, in the table of sections: its faceted
page and its @facets collection show the same facets, under the same titles, in
the same order; a facet added to the table shows on both, and a section added to
it shows in the menu, on a faceted page, in @facets and receives its import."""

from coordaction.content import _
from coordaction.content import sections
from coordaction.content.sections import LICENCE
from coordaction.content.sections import PROJECTS
from coordaction.content.sections import REGIONS
from coordaction.content.sections import Facet
from coordaction.content.sections import Search
from coordaction.content.sections import Section
from coordaction.policy.resourcecentre.faceted.pages import apply_faceted_configurations
from coordaction.policy.resourcecentre.faceted.pages import faceted_sections
from coordaction.policy.site.skeleton import ensure_navigation_skeleton
from coordaction.workflows.groups import grant_editorial_roles
from dataclasses import replace
from eea.facetednavigation.interfaces import ICriteria
from eea.facetednavigation.interfaces import IFacetedNavigable
from lxml import html
from plone import api
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from tests import builders
from tests.http import commit
from tests.resourcecentre.test_faceted_pages import FACETED_PROJECTS
from tests.resourcecentre.test_faceted_pages import FacetedTestCase
from tests.samples import IMPORT_SAMPLE
from unittest import mock
import re
import transaction


def page_facets(page):
    """The titles of the counted facets of a faceted page, as a visitor sees them."""
    tree = html.fromstring(page)
    return [
        widget.xpath("string(.//legend)").strip()
        for widget in tree.xpath(
            "//div[contains(@class, 'faceted-widget')]"
            "[contains(concat(' ', @class, ' '), ' faceted-count ')]"
        )
    ]


def api_facets(answer):
    """The titles of the facets of a @facets answer, in its order."""
    return [facet["title"] for facet in answer["facets"].values()]


def with_section(section):
    """The table of sections with ``section`` in place of its namesake, or added."""
    table = [entry for entry in sections.SECTIONS if entry.id != section.id]
    position = [entry.id for entry in sections.SECTIONS].index(section.id)
    table.insert(position, section)
    return mock.patch.object(sections, "SECTIONS", tuple(table))


def projects_with(facets):
    projects = sections.SECTIONS_BY_ID[PROJECTS]
    return replace(projects, search=replace(projects.search, facets=facets))


class TestSameFacetsOnThePageAndInFacets(FacetedTestCase):
    def collection(self, name, **params):
        response = self.anonymous.api(
            "GET", "@facets", params={"collection": name, **params}
        )
        self.assertEqual(response.status_code, 200, response.text[:500])
        return response.json()

    def test_each_page_and_its_collection_show_the_same_facets_in_the_same_order(
        self,
    ):
        for section_id, section in faceted_sections().items():
            with self.subTest(section=section_id):
                page = self.anonymous.page(section_id)
                self.assertEqual(page.status_code, 200)
                answer = self.collection(section.search.collection)
                self.assertTrue(page_facets(page.text))
                self.assertEqual(page_facets(page.text), api_facets(answer))
        page = self.anonymous.page("projets").text
        self.assertEqual(
            page_facets(page),
            [
                "Étape du projet",
                "Cherche de nouveaux membres",
                "Informations confirmées depuis moins de deux ans",
                "Régions",
                "Départements",
                "Forme juridique",
                "Statut d'occupation",
                "Espaces partagés",
            ],
        )
        self.assertEqual(
            list(self.collection("projets")["facets"]),
            [
                "stage",
                "looking_for_members",
                "up_to_date",
                "regions",
                "departements",
                "legal_forms",
                "tenure",
                "shared_spaces",
            ],
        )


class TestAFacetAddedToTheTable(FacetedTestCase):
    layer = FACETED_PROJECTS.functional

    def test_shows_on_the_page_and_in_facets_at_its_place(self):
        stage, *others = sections.SECTIONS_BY_ID[PROJECTS].search.facets
        rennes = self.portal["projets"]["la-maison-des-rennais"]
        rennes.license_spdx = "CC0-1.0"
        rennes.reindexObject()
        with with_section(projects_with((stage, LICENCE, *others))):
            apply_faceted_configurations(self.portal)  # as an upgrade step does
            commit()
            criterion = ICriteria(self.portal["projets"]).get("licence")
            self.assertEqual(
                (criterion.widget, criterion.index, criterion.title),
                ("checkbox", "license_spdx", "Licence"),
            )
            page = self.anonymous.page("projets").text
            answer = self.anonymous.get_json("@facets?collection=projets").json()
            self.assertEqual(page_facets(page)[:2], ["Étape du projet", "Licence"])
            self.assertEqual(page_facets(page), api_facets(answer))
            # Both filter and count by it.
            self.assertEqual(
                self.titles("projets", [("licence", "CC0-1.0")]),
                ["La Maison des Rennais"],
            )
            self.assertEqual(self.counts("projets", "licence")["CC0-1.0"], 1)
            answer = self.anonymous.get_json(
                "@facets?collection=projets&license_spdx=CC0-1.0"
            ).json()
            self.assertEqual(
                [item["title"] for item in answer["items"]], ["La Maison des Rennais"]
            )
            self.assertIn(
                {
                    "value": "CC0-1.0",
                    "title": "CC0 1.0 Universel (transfert dans le domaine public)",
                    "count": 1,
                    "selected": True,
                },
                answer["facets"]["license_spdx"]["values"],
            )
        # Out of the table again: the next upgrade takes it off the page.
        apply_faceted_configurations(self.portal)
        self.assertIsNone(ICriteria(self.portal["projets"]).get("licence"))


def with_section_after(section_id, section):
    """The table of sections with ``section`` added after ``section_id``."""
    table = list(sections.SECTIONS)
    position = [entry.id for entry in table].index(section_id) + 1
    table.insert(position, section)
    return mock.patch.object(sections, "SECTIONS", tuple(table))


def set_up_sections(portal):
    """What installing or upgrading the policy does with the table of sections."""
    ensure_navigation_skeleton(portal)
    grant_editorial_roles(portal)
    configured = apply_faceted_configurations(portal)
    commit()
    return configured


def menu(page):
    """The addresses of the main menu of a page, in order, without the portal's."""
    tree = html.fromstring(page)
    return [
        link.get("href").rstrip("/").rsplit("/", 1)[-1]
        for link in tree.xpath('//*[@id="portal-globalnav"]/li/a')
    ]


class TestASectionAddedToTheTable(FacetedTestCase):
    def test_shows_in_the_menu_on_a_faceted_page_and_in_facets(self):
        guides = Section(
            "fiches-pratiques",
            _("Fiches pratiques"),
            _("Des pages pour se lancer."),
            allowed_types=("Document",),
            listed_type="Document",
            editorial=True,
            search=Search(
                collection="fiches",
                facets=(
                    Facet(
                        "Subject",
                        _("Mots-clés"),
                        "motcle",
                        "plone.app.vocabularies.Keywords",
                    ),
                    REGIONS,
                ),
                text=_("Un mot de la fiche"),
                sort="title",
            ),
        )
        with with_section_after(PROJECTS, guides):
            configured = set_up_sections(self.portal)
            # The navigation: a published section, in the menu after the Projets.
            folder = self.portal[guides.id]
            self.assertEqual(folder.Title(), "Fiches pratiques")
            self.assertEqual(api.content.get_state(folder), "published")
            self.assertEqual(
                ISelectableConstrainTypes(folder).getLocallyAllowedTypes(),
                ["Document"],
            )
            self.assertIn(
                "EditorialTeam",
                api.group.get_roles(
                    groupname="equipe-editoriale", obj=folder, inherit=False
                ),
            )
            shown = menu(self.anonymous.page().text)
            self.assertEqual(shown[shown.index(PROJECTS) + 1], guides.id)
            # Two pages in it.
            builders.publish(
                api.content.create(
                    folder, "Document", title="Trouver un terrain", subject=["foncier"]
                ),
                api.content.create(
                    folder,
                    "Document",
                    title="Animer une réunion",
                    subject=["gouvernance"],
                ),
            )
            commit()
            # The faceted page, with the criteria of its facets.
            self.assertIn(guides.id, configured)
            self.assertTrue(IFacetedNavigable.providedBy(folder))
            criteria = ICriteria(folder)
            self.assertEqual(
                (criteria.get("motcle").index, criteria.get("region").index),
                ("Subject", "regions"),
            )
            page = self.anonymous.page(guides.id).text
            self.assertEqual(page_facets(page), ["Mots-clés", "Régions"])
            self.assertEqual(
                self.titles(guides.id, [("tri", "sortable_title")]),
                ["Animer une réunion", "Trouver un terrain"],
            )
            self.assertEqual(
                self.titles(guides.id, [("motcle", "foncier")]), ["Trouver un terrain"]
            )
            # @facets.
            answer = self.anonymous.get_json("@facets?collection=fiches").json()
            self.assertEqual(api_facets(answer), ["Mots-clés", "Régions"])
            self.assertEqual(
                [item["title"] for item in answer["items"]],
                ["Animer une réunion", "Trouver un terrain"],
            )
            self.assertEqual(
                {v["value"]: v["count"] for v in answer["facets"]["Subject"]["values"]},
                {"foncier": 1, "gouvernance": 1},
            )
        # Out of the table, no collection.
        response = self.anonymous.get_json("@facets?collection=fiches")
        self.assertEqual(response.status_code, 400)

    def test_a_section_added_for_a_type_receives_its_import(self):
        """The import puts each type in the section that lists it: here a new
        section takes the project sheets over from the Projets."""
        projects = sections.SECTIONS_BY_ID[PROJECTS]
        habitats = replace(projects, id="habitats", title=_("Habitats"))
        table = tuple(
            habitats if entry.id == PROJECTS else entry for entry in sections.SECTIONS
        )
        with mock.patch.object(sections, "SECTIONS", table):
            set_up_sections(self.portal)
            self.assertIn("habitats", menu(self.anonymous.page().text))
            page = self.admin.page("@@import-export")
            self.assertIn("habitats", page.text)
            token = re.search(r'name="_authenticator"[^>]*value="([^"]+)"', page.text)
            response = self.admin.session.post(
                self.admin.url("@@import-export"),
                data={
                    "_authenticator": token[1],
                    "type": "projets",
                    "form.import": "1",
                },
                files={"file": ("projets.csv", IMPORT_SAMPLE.read_bytes(), "text/csv")},
                timeout=120,
            )
            self.assertEqual(response.status_code, 200)
            self.assertIn("Créés : 8", html.fromstring(response.text).text_content())
            transaction.begin()  # see what the server committed
            imported = list(self.portal["habitats"].objectIds())
            self.assertEqual(len(imported), 8)
            self.assertEqual(list(self.portal["projets"].objectIds()), [])
            # The faceted page and @facets of the section list them.
            answer = self.anonymous.get_json("@facets?collection=projets").json()
            self.assertTrue(answer["items"])
            self.assertTrue(
                all("/habitats/" in item["@id"] for item in answer["items"])
            )
            self.assertEqual(len(self.titles("habitats")), len(answer["items"]))
