"""The faceted pages of the sections, through the real server: what @@faceted_query
lists and what @@faceted_counter counts, for anonymous visitors and for an admin."""

from coordaction.policy.resourcecentre.faceted.criteria import section_criteria
from coordaction.policy.resourcecentre.faceted.pages import RESULTS_LAYOUT
from coordaction.policy.resourcecentre.faceted.pages import apply_faceted_configurations
from coordaction.policy.resourcecentre.faceted.pages import faceted_sections
from coordaction.policy.resourcecentre.faceted.pages import results_layout
from DateTime import DateTime
from eea.facetednavigation.interfaces import ICriteria
from eea.facetednavigation.interfaces import IFacetedLayout
from eea.facetednavigation.interfaces import IFacetedNavigable
from lxml import html
from plone import api
from tests import builders
from tests.http import Client
from tests.http import admin
from tests.http import as_manager
from tests.http import commit
from tests.layers import content_layers
from zoneinfo import ZoneInfo
import unittest


# The resources anonymous visitors may find, and the one they may not.
PUBLISHED_RESOURCES = {
    "Guide du foncier solidaire",
    "Guide du financement participatif",
    "Étude sur les coopératives d'habitants",
    "Vidéo des rencontres nationales",
}
PRIVATE_RESOURCE = "Témoignage en brouillon"


def build_resources(portal):
    """Four published resources of different kinds, themes, regions, licences and
    years, and a private one."""
    centre = portal["centre-de-ressources"]
    for title, kind, themes, regions, year, license_spdx, extra in (
        (
            "Guide du foncier solidaire",
            "guide",
            ["foncier"],
            ["53"],
            2019,
            "CC-BY-SA-4.0",
            {},  # keeps the builder's PDF: the result offers its download
        ),
        (
            "Guide du financement participatif",
            "guide",
            ["financement"],
            ["53"],
            2021,
            "CC-BY-4.0",
            {"file": None, "external_url": "https://example.org/financement"},
        ),
        (
            "Étude sur les coopératives d'habitants",
            "etude",
            ["juridique", "financement"],
            ["84"],
            2023,
            "CC-BY-SA-4.0",
            {"file": None, "external_url": "https://example.org/etude"},
        ),
        (
            "Vidéo des rencontres nationales",
            "video",
            ["gouvernance"],
            ["11"],
            2024,
            "CC0-1.0",
            {"file": None, "external_url": "https://example.org/video"},
        ),
    ):
        builders.publish(
            builders.resource(
                centre,
                title=title,
                description=f"Résumé : {title.lower()}.",
                resource_kind=kind,
                themes=themes,
                regions=regions,
                year=year,
                license_spdx=license_spdx,
                **extra,
            )
        )
    builders.resource(
        centre,
        title=PRIVATE_RESOURCE,
        resource_kind="temoignage",
        themes=["foncier"],
        regions=["53"],
        year=2022,
        license_spdx="LicenseRef-All-Rights-Reserved",
        file=None,
        external_url="https://example.org/brouillon",
    )


def build_templates(portal):
    """Two published legal templates and an obsolete one."""
    templates = portal["trames-types"]
    builders.publish(
        builders.legal_template(templates, title="Statuts de coopérative d'habitants"),
        builders.legal_template(
            templates,
            title="Budget prévisionnel type",
            document_kind="budget-previsionnel",
            legal_forms=["scia"],
            license_spdx="CC-BY-SA-4.0",
            file_pdf=None,
        ),
    )
    old = builders.publish(
        builders.legal_template(templates, title="Statuts d'avant la loi ALUR")
    )
    api.content.transition(old, transition="mark_obsolete")


def build_projects(portal):
    """Two published project sheets and a private one."""
    projects = portal["projets"]
    builders.publish(
        builders.project_sheet(projects),  # Le Village Vertical, looking for members
        builders.project_sheet(
            projects,
            title="La Maison des Rennais",
            stage="conception",
            commune="Rennes",
            postal_code="35000",
            departement="35",
            region="53",
            latitude=48.1173,
            longitude=-1.6778,
            legal_form="scia",
            tenure="propriete",
            looking_for_members=False,
            shared_spaces=["jardin"],
        ),
    )
    builders.project_sheet(
        projects, title="Projet pas encore publié", stage="reflexion"
    )


def build_ads(portal):
    """Two current ads and an expired one."""
    ads = portal["petites-annonces"]
    builders.publish(
        builders.classified_ad(ads),  # Groupe nantais cherche deux foyers (44)
        builders.classified_ad(
            ads,
            title="Terrain à bâtir près de Rennes",
            ad_kind="foncier-bati",
            region="53",
            departement="35",
            commune="Rennes",
        ),
    )
    expired = builders.classified_ad(ads, title="Annonce expirée")
    expired.expiration_date = DateTime() - 1
    builders.publish(expired)
    expired.reindexObject()


def result_titles(page):
    """The titles of the results in a @@faceted_query answer, in order."""
    if not page.strip():
        return []
    tree = html.fromstring(page)
    return [
        link.text_content().strip()
        for link in tree.xpath("//li[contains(@class, 'coordaction-result')]//h2/a")
    ]


def faceted_layers(name, *builds):
    """The faceted sections configured from the table of sections (once, in the
    layer ``Faceted``), plus what ``builds`` add, built once for the layer."""
    if not builds:
        return FACETED

    def build(portal):
        for build in builds:
            build(portal)

    return content_layers(name, build, base=FACETED.fixture)


FACETED = content_layers("Faceted", apply_faceted_configurations)
FACETED_RESOURCES = faceted_layers("FacetedResources", build_resources)
FACETED_TEMPLATES = faceted_layers("FacetedTemplates", build_templates)
FACETED_PROJECTS = faceted_layers("FacetedProjects", build_projects)
FACETED_ADS = faceted_layers("FacetedAds", build_ads)
FACETED_RESOURCES_AND_TEMPLATES = faceted_layers(
    "FacetedResourcesAndTemplates", build_resources, build_templates
)


class FacetedTestCase(unittest.TestCase):
    """Faceted sections configured from the table of sections; the layer adds
    known content."""

    layer = FACETED.functional

    def setUp(self):
        self.portal = self.layer["portal"]
        as_manager(self.portal)
        commit()
        self.anonymous = Client(self.portal.absolute_url())
        self.admin = admin(self.portal.absolute_url())

    def query(self, section, params=(), client=None):
        response = (client or self.anonymous).page(
            f"{section}/@@faceted_query", params=list(params)
        )
        self.assertEqual(response.status_code, 200, response.text[:500])
        return response.text

    def titles(self, section, params=(), client=None):
        return result_titles(self.query(section, params, client))

    def counts(self, section, cid, params=(), client=None):
        response = (client or self.anonymous).page(
            f"{section}/@@faceted_counter", params=[*params, ("cid", cid)]
        )
        self.assertEqual(response.status_code, 200, response.text[:500])
        return response.json()


def criteria_snapshot(portal):
    """{section: [(criterion id, its properties)]}, in the criteria's order."""
    return {
        section_id: [
            (cid, sorted(vars(criterion).items()))
            for cid, criterion in ICriteria(portal[section_id]).items()
        ]
        for section_id in faceted_sections()
    }


class TestConfiguration(FacetedTestCase):
    def test_sections_are_faceted_with_the_criteria_of_the_table(self):
        for section_id, entry in faceted_sections().items():
            section = self.portal[section_id]
            self.assertTrue(IFacetedNavigable.providedBy(section), section_id)
            self.assertEqual(section.getLayout(), "facetednavigation_view")
            self.assertEqual(IFacetedLayout(section).layout, results_layout(section_id))
            names = [criterion.cid for criterion in section_criteria(entry)]
            self.assertEqual(ICriteria(section).keys(), names, section_id)
        # Their ids are the parameters of the pages' addresses, shared and linked
        # to (…/observatoire#forme=scia): they stay what they are.
        self.assertEqual(
            {
                section_id: ICriteria(self.portal[section_id]).keys()
                for section_id in faceted_sections()
            },
            {
                "centre-de-ressources": [
                    *("type", "texte", "nature", "theme", "public", "region"),
                    *("licence", "annee", "criteres", "tri", "parpage"),
                ],
                "trames-types": [
                    *("type", "chemin", "texte", "etat", "document", "forme"),
                    *("licence", "criteres", "tri", "parpage"),
                ],
                "observatoire": [
                    *("type", "chemin", "texte", "domaine", "statut", "forme"),
                    *("theme", "region", "criteres", "tri", "parpage"),
                ],
                "projets": [
                    *("type", "chemin", "texte", "etape", "recrute", "a-jour"),
                    "region",
                    *("departement", "forme", "statut", "espaces", "criteres"),
                    *("tri", "parpage"),
                ],
                "petites-annonces": [
                    *("type", "chemin", "tri", "annonce", "region", "departement"),
                    *("criteres", "parpage"),
                ],
                "banque-d-images": [
                    *("type", "montre-dans", "texte", "theme", "region", "licence"),
                    *("criteres", "tri", "parpage"),
                ],
                "chantiers": [
                    *("type", "chemin", "texte", "competence", "statut", "region"),
                    *("porteur", "criteres", "tri", "parpage"),
                ],
            },
        )

        # Applying again (an upgrade step, make create-site) changes nothing, and
        # resets a criterion added by hand in the criteria screen.
        first = criteria_snapshot(self.portal)
        ICriteria(self.portal["centre-de-ressources"]).add("checkbox", "left")
        ids = apply_faceted_configurations(self.portal)
        self.assertEqual(criteria_snapshot(self.portal), first)
        self.assertEqual(
            ids, {section: [cid for cid, _ in first[section]] for section in first}
        )
        self.assertEqual(IFacetedLayout(self.portal["projets"]).layout, RESULTS_LAYOUT)

    def test_faceted_page_shows_french_facets_with_counts(self):
        page = self.anonymous.page("centre-de-ressources")
        self.assertEqual(page.status_code, 200)
        for text in (
            "Type de ressource",
            "Thèmes",
            "Publics",
            "Régions",
            "Licence",
            "Année",
            "Trier par",
            "Pertinence",
            "Date de publication",
            "Résultats par page",
            "Fiche pratique",  # a term of the resource kinds vocabulary
        ):
            self.assertIn(text, page.text)
        tree = html.fromstring(page.text)
        for cid in ("nature", "theme", "public", "region", "licence"):
            (widget,) = tree.xpath(f"//div[@id='{cid}_widget']")
            self.assertIn("faceted-count", widget.get("class"), cid)
            self.assertIn("faceted-zero-count-hidden", widget.get("class"), cid)
        # The hidden type criterion offers nothing to choose.
        self.assertFalse(tree.xpath("//div[@id='type_widget']//input"))

    def bundles(self, path, client=None):
        """The eea bundles (and the portal's for eea) the page at ``path`` asks the
        browser to load, in the order of its scripts (they run in that order:
        they are deferred)."""
        page = (client or self.anonymous).page(path)
        self.assertEqual(page.status_code, 200, path)
        return [
            script.get("data-bundle")
            for script in html.fromstring(page.text).xpath("//script[@data-bundle]")
            if script.get("data-bundle").startswith(("faceted.", "coordaction-faceted"))
        ]

    def test_eea_scripts_load_on_faceted_pages_only(self):
        # A visitor's home page, form or document does not download them...
        for path in ("", "contribuer/nous-contacter", "login"):
            self.assertEqual(self.bundles(path), [], path)
        # ...a faceted page brings those of the page, under either address, without
        # eea's jQuery plugins, which none of its widgets uses...
        page_bundles = ["coordaction-faceted-page", "faceted.view"]
        for path in ("centre-de-ressources", "projets/facetednavigation_view"):
            self.assertEqual(self.bundles(path), page_bundles, path)
            self.assertEqual(self.bundles(path, self.admin), page_bundles, path)
        # ...and its "Faceted criteria" screen those of the editor too.
        self.assertEqual(
            self.bundles("projets/configure_faceted.html", self.admin),
            [
                "coordaction-faceted-page",
                "faceted.jquery",
                "faceted.view",
                "faceted.edit",
            ],
        )

    def test_a_widget_with_plugins_brings_eeas_plugins(self):
        # An editor adds a date range (jQuery UI's date picker) to a page.
        criteria = ICriteria(self.portal["projets"])
        cid = criteria.add("daterange", "left", title="Dates", index="effective")
        commit()
        self.assertEqual(
            self.bundles("projets"),
            ["coordaction-faceted-page", "faceted.jquery", "faceted.view"],
        )
        # A hidden one is not shown, nor started.
        criteria.edit(cid, hidden=True)
        commit()
        self.assertEqual(
            self.bundles("projets"), ["coordaction-faceted-page", "faceted.view"]
        )


class TestResourceCentre(FacetedTestCase):
    section = "centre-de-ressources"
    layer = FACETED_RESOURCES.functional

    def setUp(self):
        super().setUp()
        # The catalog keeps the download address the indexing request saw: the
        # layer's had no server; index the resources again under the test server's.
        for resource in self.portal[self.section].objectValues():
            resource.reindexObject(idxs=["getId"])
        commit()

    def test_filters_sorting_and_counts(self):
        self.assertEqual(set(self.titles(self.section)), PUBLISHED_RESOURCES)
        # The hidden type criterion holds, whatever the request says.
        self.assertEqual(
            set(self.titles(self.section, [("portal_type", "Folder")])),
            PUBLISHED_RESOURCES,
        )
        for params, expected in (
            (
                [("nature", "guide")],
                {"Guide du foncier solidaire", "Guide du financement participatif"},
            ),
            (
                [("nature[]", "etude"), ("nature[]", "video")],
                {
                    "Étude sur les coopératives d'habitants",
                    "Vidéo des rencontres nationales",
                },
            ),
            (
                [("theme", "financement")],
                {
                    "Guide du financement participatif",
                    "Étude sur les coopératives d'habitants",
                },
            ),
            (
                [("theme", "financement"), ("region", "84")],
                {"Étude sur les coopératives d'habitants"},
            ),
            (
                [("public", "collectivites"), ("licence", "CC-BY-SA-4.0")],
                {
                    "Guide du foncier solidaire",
                    "Étude sur les coopératives d'habitants",
                },
            ),
            (
                [("annee[]", "2020"), ("annee[]", "2023")],
                {
                    "Guide du financement participatif",
                    "Étude sur les coopératives d'habitants",
                },
            ),
            ([("texte", "vidéo")], {"Vidéo des rencontres nationales"}),
            ([("nature", "outil")], set()),
        ):
            with self.subTest(params=params):
                self.assertEqual(set(self.titles(self.section, params)), expected)

        by_title = self.titles(self.section, [("tri", "sortable_title")])
        self.assertEqual(
            by_title,
            [
                "Étude sur les coopératives d'habitants",
                "Guide du financement participatif",
                "Guide du foncier solidaire",
                "Vidéo des rencontres nationales",
            ],
        )
        self.assertEqual(
            self.titles(self.section, [("tri", "sortable_title"), ("reversed", "on")]),
            list(reversed(by_title)),
        )
        page = self.query(self.section, [("tri", "sortable_title"), ("parpage", "2")])
        self.assertEqual(result_titles(page), by_title[:2])

        counts = self.counts(self.section, "nature")
        self.assertEqual(counts["all"], 4)
        self.assertEqual(
            (counts["guide"], counts["etude"], counts["video"], counts["outil"]),
            (2, 1, 1, 0),
        )
        # Counts follow the other facets, not their own.
        counts = self.counts(
            self.section, "nature", [("theme", "financement"), ("nature", "guide")]
        )
        self.assertEqual((counts["guide"], counts["etude"], counts["video"]), (1, 1, 0))
        themes = self.counts(self.section, "theme")
        self.assertEqual(
            (themes["financement"], themes["foncier"], themes["gouvernance"]),
            (2, 1, 1),
        )
        regions = self.counts(self.section, "region")
        self.assertEqual((regions["53"], regions["84"], regions["11"]), (2, 1, 1))
        licences = self.counts(self.section, "licence")
        self.assertEqual((licences["CC-BY-SA-4.0"], licences["CC0-1.0"]), (2, 1))

    def test_private_resource_is_never_shown_nor_counted_for_anonymous(self):
        self.assertNotIn(PRIVATE_RESOURCE, self.titles(self.section))
        self.assertEqual(self.titles(self.section, [("nature", "temoignage")]), [])
        self.assertEqual(self.titles(self.section, [("texte", "brouillon")]), [])
        self.assertEqual(self.counts(self.section, "nature")["temoignage"], 0)
        self.assertEqual(self.counts(self.section, "theme")["foncier"], 1)
        licences = self.counts(self.section, "licence")
        self.assertEqual(licences["LicenseRef-All-Rights-Reserved"], 0)
        # It is there: an administrator finds and counts it.
        self.assertIn(PRIVATE_RESOURCE, self.titles(self.section, client=self.admin))
        self.assertEqual(
            self.counts(self.section, "nature", client=self.admin)["temoignage"], 1
        )

    def test_result_shows_kind_licence_date_and_download_in_french(self):
        page = self.query(
            self.section, [("nature", "guide"), ("licence", "CC-BY-SA-4.0")]
        )
        tree = html.fromstring(page)
        (item,) = tree.xpath("//li[contains(@class, 'coordaction-result')]")
        resource = self.portal[self.section]["guide-du-foncier-solidaire"]
        (link,) = item.xpath(".//h2/a")
        self.assertEqual(link.get("href"), resource.absolute_url())

        def text(css_class):
            return item.xpath(f"string(.//*[contains(@class, '{css_class}')])").strip()

        self.assertEqual(
            text("coordaction-result-description"),
            "Résumé : guide du foncier solidaire.",
        )
        self.assertEqual(text("coordaction-result-kind"), "Guide")
        (badge,) = item.xpath(".//a[@rel='license']/img")
        self.assertTrue(badge.get("src").endswith("/by-sa.svg"))
        self.assertEqual(badge.get("alt"), "CC BY-SA 4.0")
        # The day in Paris (DateTime's strftime would give the day in UTC: from
        # 23:00 to midnight UTC, the day before).
        paris = resource.effective().asdatetime().astimezone(ZoneInfo("Europe/Paris"))
        self.assertEqual(item.xpath("string(.//time)"), paris.strftime("%d/%m/%Y"))
        (download,) = item.xpath(
            ".//a[contains(@class, 'coordaction-result-download')]"
        )
        self.assertEqual(download.text_content().strip(), "Télécharger")
        self.assertEqual(
            download.get("href"), f"{resource.absolute_url()}/@@download/file"
        )
        self.assertNotIn("Read more", page)
        # A resource that is a link downloads from there.
        page = self.query(self.section, [("nature", "video")])
        (download,) = html.fromstring(page).xpath(
            "//a[contains(@class, 'coordaction-result-download')]"
        )
        self.assertEqual(download.get("href"), "https://example.org/video")
        # No result: said in French.
        page = self.query(self.section, [("nature", "outil")])
        self.assertIn("Aucun résultat ne correspond à votre recherche.", page)


class TestLegalTemplates(FacetedTestCase):
    section = "trames-types"
    layer = FACETED_TEMPLATES.functional

    def test_obsolete_templates_only_when_asked_for(self):
        # The page asks for published templates only, unless the visitor changes it.
        page = html.fromstring(self.anonymous.page(self.section).text)
        (published,) = page.xpath("//input[@name='etat'][@value='published']")
        (obsolete,) = page.xpath("//input[@name='etat'][@value='obsolete']")
        self.assertIsNotNone(published.get("checked"))
        self.assertIsNone(obsolete.get("checked"))
        legend = page.xpath("string(//div[@id='etat_widget'])")
        self.assertIn("Publiée", legend)
        self.assertIn("Obsolète", legend)

        self.assertEqual(
            self.titles(
                self.section, [("etat", "published"), ("tri", "sortable_title")]
            ),
            ["Budget prévisionnel type", "Statuts de coopérative d'habitants"],
        )
        page = self.query(self.section, [("etat", "obsolete")])
        self.assertEqual(result_titles(page), ["Statuts d'avant la loi ALUR"])
        self.assertIn("coordaction-result-obsolete", page)
        # Both at once: the obsolete one is flagged, never mixed in silently.
        both = self.query(
            self.section, [("etat[]", "published"), ("etat[]", "obsolete")]
        )
        self.assertEqual(len(result_titles(both)), 3)
        self.assertEqual(both.count('class="coordaction-result-obsolete'), 1)
        counts = self.counts(self.section, "etat", [("etat", "published")])
        self.assertEqual((counts["published"], counts["obsolete"]), (2, 1))

    def test_filters_and_counts(self):
        published = [("etat", "published")]
        self.assertEqual(
            self.titles(self.section, [*published, ("document", "statuts")]),
            ["Statuts de coopérative d'habitants"],
        )
        self.assertEqual(
            self.titles(self.section, [*published, ("forme", "scia")]),
            ["Budget prévisionnel type"],
        )
        self.assertEqual(
            self.titles(self.section, [*published, ("licence", "CC-BY-SA-4.0")]),
            ["Budget prévisionnel type"],
        )
        counts = self.counts(self.section, "document", published)
        self.assertEqual((counts["statuts"], counts["budget-previsionnel"]), (1, 1))
        counts = self.counts(self.section, "document")
        self.assertEqual(counts["statuts"], 2)  # with the obsolete one
        counts = self.counts(self.section, "licence", published)
        self.assertEqual((counts["CC-BY-4.0"], counts["CC-BY-SA-4.0"]), (1, 1))


class TestProjects(FacetedTestCase):
    section = "projets"
    layer = FACETED_PROJECTS.functional

    def test_filters_and_counts(self):
        self.assertEqual(
            self.titles(self.section, [("tri", "sortable_title")]),
            ["La Maison des Rennais", "Le Village Vertical"],
        )
        for params, expected in (
            ([("etape", "conception")], ["La Maison des Rennais"]),
            ([("recrute", "selected")], ["Le Village Vertical"]),
            ([("region", "84")], ["Le Village Vertical"]),
            ([("departement", "35")], ["La Maison des Rennais"]),
            ([("forme", "cooperative-habitants")], ["Le Village Vertical"]),
            ([("statut", "propriete")], ["La Maison des Rennais"]),
            ([("espaces", "buanderie")], ["Le Village Vertical"]),
            ([("texte", "Villeurbanne")], ["Le Village Vertical"]),
            ([("etape", "reflexion")], []),  # the private sheet
        ):
            with self.subTest(params=params):
                self.assertEqual(self.titles(self.section, params), expected)
        stages = self.counts(self.section, "etape")
        self.assertEqual(
            (stages["habite"], stages["conception"], stages["reflexion"]), (1, 1, 0)
        )
        self.assertEqual(self.counts(self.section, "recrute")["selected"], 1)
        departements = self.counts(self.section, "departement")
        self.assertEqual((departements["69"], departements["35"]), (1, 1))
        spaces = self.counts(self.section, "espaces")
        self.assertEqual((spaces["jardin"], spaces["buanderie"]), (1, 1))


class TestClassifiedAds(FacetedTestCase):
    section = "petites-annonces"
    layer = FACETED_ADS.functional

    def test_expired_ad_is_never_shown_nor_counted_for_anonymous(self):
        self.assertEqual(
            set(self.titles(self.section)),
            {"Terrain à bâtir près de Rennes", "Groupe nantais cherche deux foyers"},
        )
        for params, expected in (
            ([("departement", "44")], ["Groupe nantais cherche deux foyers"]),
            ([("region", "52")], ["Groupe nantais cherche deux foyers"]),
            ([("annonce", "foncier-bati")], ["Terrain à bâtir près de Rennes"]),
        ):
            with self.subTest(params=params):
                self.assertEqual(self.titles(self.section, params), expected)
        kinds = self.counts(self.section, "annonce")
        self.assertEqual(
            (kinds["groupe-cherche-membres"], kinds["foncier-bati"]), (1, 1)
        )
        self.assertEqual(self.counts(self.section, "departement")["44"], 1)
        # It is there: an administrator, who may see inactive content, finds it.
        self.assertIn("Annonce expirée", self.titles(self.section, client=self.admin))
        kinds = self.counts(self.section, "annonce", client=self.admin)
        self.assertEqual(kinds["groupe-cherche-membres"], 2)
