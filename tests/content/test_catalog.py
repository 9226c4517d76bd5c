"""What the catalog knows of each content type: the facets that filter listings,
the columns a listing or the map reads from brains, and full-text search, file
contents included."""

from coordaction.policy.testing import COORDACTION_INTEGRATION_TESTING
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from plone.app.textfield.value import RichTextValue
from tests import builders
from tests import samples
import io
import unittest
import zipfile


def html(text):
    return RichTextValue(f"<p>{text}</p>", "text/html", "text/x-html-safe")


def found(**query):
    """The ids of the items a catalog query returns, sorted."""
    return sorted(brain.getId for brain in api.content.find(**query))


def brain_of(item):
    brains = api.content.find(UID=item.UID())
    assert len(brains) == 1, brains
    return brains[0]


class CatalogTestCase(unittest.TestCase):
    layer = COORDACTION_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        self.resources = self.portal["centre-de-ressources"]
        self.templates = self.portal["trames-types"]
        self.projects = self.portal["projets"]
        self.ads = self.portal["petites-annonces"]

    def assertFound(self, expected_items, **query):
        self.assertEqual(
            found(**query),
            sorted(item.getId() for item in expected_items),
            query,
        )


class TestFacetIndexes(CatalogTestCase):
    def test_resource_kind_filters_resources(self):
        guide = builders.resource(self.resources, title="Guide", resource_kind="guide")
        video = builders.resource(self.resources, title="Vidéo", resource_kind="video")
        builders.resource(self.resources, title="Étude", resource_kind="etude")
        self.assertFound([guide], portal_type="Resource", resource_kind="guide")
        self.assertFound([video], portal_type="Resource", resource_kind="video")
        self.assertFound(
            [guide, video], portal_type="Resource", resource_kind=["guide", "video"]
        )
        self.assertFound([], portal_type="Resource", resource_kind="temoignage")

    def test_themes_filter_items_having_any_of_the_themes(self):
        both = builders.resource(
            self.resources,
            title="Foncier et financement",
            themes=["foncier", "financement"],
        )
        land = builders.resource(self.resources, title="Foncier", themes=["foncier"])
        template = builders.legal_template(
            self.templates, title="Budget", themes=["financement"]
        )
        builders.resource(self.resources, title="Écologie", themes=["ecologie"])
        self.assertFound([both, land], themes="foncier")
        self.assertFound([both, template], themes="financement")
        self.assertFound(
            [both], themes={"query": ["foncier", "financement"], "operator": "and"}
        )
        self.assertFound([], themes="gouvernance")

    def test_audiences_filter_resources(self):
        elected = builders.resource(
            self.resources, title="Pour les élus", audiences=["collectivites"]
        )
        landlords = builders.resource(
            self.resources,
            title="Pour les bailleurs",
            audiences=["bailleurs-sociaux", "professionnels"],
        )
        self.assertFound([elected], portal_type="Resource", audiences="collectivites")
        self.assertFound(
            [landlords], portal_type="Resource", audiences="professionnels"
        )
        self.assertFound([], portal_type="Resource", audiences="associations")

    def test_regions_of_a_resource_come_from_its_behavior_field(self):
        brittany = builders.resource(self.resources, title="Bretagne", regions=["53"])
        west = builders.resource(self.resources, title="Ouest", regions=["53", "52"])
        national = builders.resource(self.resources, title="National", regions=[])
        self.assertFound([brittany, west], portal_type="Resource", regions="53")
        self.assertFound([west], portal_type="Resource", regions="52")
        self.assertEqual(brain_of(national).regions, [])

    def test_single_region_of_sheets_and_ads_is_indexed_as_regions(self):
        lyon = builders.project_sheet(self.projects, title="Lyon", region="84")
        nantes = builders.project_sheet(
            self.projects,
            title="Nantes",
            region="52",
            departement="44",
            commune="Nantes",
            postal_code="44000",
        )
        ad_west = builders.classified_ad(self.ads, title="Annonce Rezé", region="52")
        ad_paris = builders.classified_ad(
            self.ads, title="Annonce Paris", region="11", departement="75"
        )
        self.assertFound([lyon], regions="84")
        self.assertFound([nantes, ad_west], regions="52")
        self.assertFound([ad_paris], regions="11")
        self.assertEqual(brain_of(lyon).regions, ["84"])

    def test_departement_of_sheets_and_ads_is_indexed_as_departements(self):
        rhone = builders.project_sheet(self.projects, title="Rhône", departement="69")
        isere = builders.project_sheet(
            self.projects, title="Isère", departement="38", postal_code="38000"
        )
        ad_loire = builders.classified_ad(self.ads, title="Loire", departement="44")
        ad_without = builders.classified_ad(self.ads, title="Sans", departement=None)
        self.assertFound([rhone], departements="69")
        self.assertFound([isere], departements="38")
        self.assertFound([ad_loire], departements="44")
        self.assertEqual(brain_of(ad_without).departements, [])

    def test_year_filters_resources_exactly_and_by_range(self):
        old = builders.resource(self.resources, title="Ancienne", year=2012)
        recent = builders.resource(self.resources, title="Récente", year=2023)
        newest = builders.resource(self.resources, title="Nouvelle", year=2025)
        self.assertFound([recent], portal_type="Resource", year=2023)
        self.assertFound([old], portal_type="Resource", year=2012)
        self.assertFound(
            [recent, newest],
            portal_type="Resource",
            year={"query": 2020, "range": "min"},
        )

    def test_license_spdx_filters_licensed_items(self):
        cc0 = builders.resource(self.resources, title="Libre", license_spdx="CC0-1.0")
        by_sa = builders.resource(
            self.resources, title="Partage", license_spdx="CC-BY-SA-4.0"
        )
        template = builders.legal_template(
            self.templates, title="Trame", license_spdx="CC-BY-4.0"
        )
        self.assertFound([cc0], license_spdx="CC0-1.0")
        self.assertFound([by_sa], license_spdx="CC-BY-SA-4.0")
        self.assertFound([template], license_spdx="CC-BY-4.0")
        self.assertFound([], license_spdx="LicenseRef-All-Rights-Reserved")

    def test_document_kind_filters_legal_templates(self):
        statutes = builders.legal_template(
            self.templates, title="Statuts", document_kind="statuts"
        )
        budget = builders.legal_template(
            self.templates, title="Budget", document_kind="budget-previsionnel"
        )
        self.assertFound([statutes], document_kind="statuts")
        self.assertFound([budget], document_kind="budget-previsionnel")
        self.assertFound([], document_kind="charte")

    def test_legal_forms_gather_template_lists_and_the_form_of_a_sheet(self):
        coop_and_sccc = builders.legal_template(
            self.templates,
            title="Statuts coopératifs",
            legal_forms=["cooperative-habitants", "sccc"],
        )
        association = builders.legal_template(
            self.templates, title="Statuts associatifs", legal_forms=["association"]
        )
        coop_sheet = builders.project_sheet(
            self.projects, title="Coopérative", legal_form="cooperative-habitants"
        )
        sci_sheet = builders.project_sheet(self.projects, title="SCI", legal_form="sci")
        no_form = builders.project_sheet(self.projects, title="Sans", legal_form=None)
        self.assertFound(
            [coop_and_sccc, coop_sheet], legal_forms="cooperative-habitants"
        )
        self.assertFound([coop_and_sccc], legal_forms="sccc")
        self.assertFound([association], legal_forms="association")
        self.assertFound([sci_sheet], legal_forms="sci")
        self.assertEqual(brain_of(coop_sheet).legal_forms, ["cooperative-habitants"])
        self.assertEqual(brain_of(no_form).legal_forms, [])

    def test_stage_filters_project_sheets(self):
        lived_in = builders.project_sheet(self.projects, title="Habité", stage="habite")
        building = builders.project_sheet(
            self.projects, title="Chantier", stage="chantier"
        )
        self.assertFound([lived_in], stage="habite")
        self.assertFound([building], stage="chantier")
        self.assertFound([], stage="reflexion")

    def test_tenure_filters_project_sheets(self):
        coop = builders.project_sheet(self.projects, title="Coop", tenure="cooperative")
        rented = builders.project_sheet(
            self.projects, title="Locatif", tenure="location-sociale"
        )
        self.assertFound([coop], tenure="cooperative")
        self.assertFound([rented], tenure="location-sociale")
        self.assertFound([], tenure="propriete")

    def test_looking_for_members_filters_on_true_and_on_false(self):
        open_group = builders.project_sheet(
            self.projects, title="Ouvert", looking_for_members=True
        )
        full_group = builders.project_sheet(
            self.projects, title="Complet", looking_for_members=False
        )
        self.assertFound(
            [open_group], portal_type="ProjectSheet", looking_for_members=True
        )
        self.assertFound(
            [full_group], portal_type="ProjectSheet", looking_for_members=False
        )

    def test_shared_spaces_filter_project_sheets(self):
        garden = builders.project_sheet(
            self.projects, title="Jardin", shared_spaces=["jardin", "salle-commune"]
        )
        workshop = builders.project_sheet(
            self.projects, title="Atelier", shared_spaces=["atelier", "salle-commune"]
        )
        self.assertFound([garden], shared_spaces="jardin")
        self.assertFound([workshop], shared_spaces="atelier")
        self.assertFound([garden, workshop], shared_spaces="salle-commune")
        self.assertFound([], shared_spaces="potager")

    def test_ad_kind_filters_classified_ads(self):
        group = builders.classified_ad(
            self.ads, title="Groupe", ad_kind="groupe-cherche-membres"
        )
        land = builders.classified_ad(self.ads, title="Terrain", ad_kind="foncier-bati")
        self.assertFound([group], ad_kind="groupe-cherche-membres")
        self.assertFound([land], ad_kind="foncier-bati")
        self.assertFound([], ad_kind="competences")

    def test_has_coordinates_tells_sheets_that_can_go_on_the_map(self):
        placed = builders.project_sheet(
            self.projects, title="Placé", latitude=45.77, longitude=4.89
        )
        unplaced = builders.project_sheet(
            self.projects, title="Non placé", latitude=None, longitude=None
        )
        self.assertFound([placed], portal_type="ProjectSheet", has_coordinates=True)
        self.assertFound([unplaced], portal_type="ProjectSheet", has_coordinates=False)


class TestMetadataColumns(CatalogTestCase):
    def test_project_sheet_brain_carries_what_the_map_shows(self):
        sheet = builders.project_sheet(
            self.projects,
            title="Le Village Vertical",
            latitude=45.7719,
            longitude=4.8902,
            commune="Villeurbanne",
            stage="habite",
        )
        brain = brain_of(sheet)
        self.assertEqual(brain.latitude, 45.7719)
        self.assertEqual(brain.longitude, 4.8902)
        self.assertEqual(brain.commune, "Villeurbanne")
        self.assertEqual(brain.stage, "habite")

    def test_sheet_without_coordinates_has_none_on_its_brain(self):
        sheet = builders.project_sheet(
            self.projects, title="Sans carte", latitude=None, longitude=None
        )
        brain = brain_of(sheet)
        self.assertIsNone(brain.latitude)
        self.assertIsNone(brain.longitude)

    def test_resource_brain_carries_kind_and_license(self):
        resource = builders.resource(
            self.resources,
            title="Fiche",
            resource_kind="fiche-pratique",
            license_spdx="CC-BY-NC-4.0",
        )
        brain = brain_of(resource)
        self.assertEqual(brain.resource_kind, "fiche-pratique")
        self.assertEqual(brain.license_spdx, "CC-BY-NC-4.0")

    def test_download_url_of_a_resource_with_a_file_is_its_download_view(self):
        resource = builders.resource(self.resources, title="Avec fichier")
        url = brain_of(resource).download_url
        self.assertTrue((url or "").endswith("/@@download/file"), url)
        self.assertEqual(url, resource.absolute_url() + "/@@download/file")

    def test_download_url_of_a_resource_with_a_link_is_the_link(self):
        resource = builders.resource(
            self.resources,
            title="Vidéo en ligne",
            resource_kind="video",
            file=None,
            external_url="https://video.example.org/watch/42",
        )
        self.assertEqual(
            brain_of(resource).download_url, "https://video.example.org/watch/42"
        )

    def test_download_url_of_a_resource_with_neither_is_empty(self):
        resource = builders.resource(self.resources, title="Vide", file=None)
        self.assertIsNone(brain_of(resource).download_url)

    def test_no_catalog_column_holds_a_javascript_address(self):
        """Addresses saved before the address rule: listings and Plone's
        navigation read these columns into hrefs."""
        resource = builders.resource(self.resources, title="Vidéo piégée", file=None)
        resource.external_url = "javascript:alert(1)"
        resource.reindexObject()
        link = api.content.create(
            container=self.portal,
            type="Link",
            title="Lien piégé",
            remoteUrl="JavaScript:alert(2)",
        )
        portal_link = api.content.create(
            container=self.portal,
            type="Link",
            title="Agenda",
            remoteUrl="${portal_url}/agenda",
        )
        self.assertIsNone(brain_of(resource).download_url)
        self.assertIsNone(brain_of(link).getRemoteUrl)
        self.assertEqual(brain_of(portal_link).getRemoteUrl, "/plone/agenda")

    def test_download_url_of_a_legal_template_is_its_editable_file(self):
        template = builders.legal_template(self.templates, title="Statuts types")
        url = brain_of(template).download_url
        self.assertTrue((url or "").endswith("/@@download/file_editable"), url)
        self.assertEqual(url, template.absolute_url() + "/@@download/file_editable")


class TestFullTextSearch(CatalogTestCase):
    def assertSearch(self, word, expected_items):
        self.assertFound(expected_items, SearchableText=word)

    def test_finds_words_of_the_title(self):
        item = builders.resource(self.resources, title="Le manuel zygomorphe")
        builders.resource(self.resources, title="Un autre manuel")
        self.assertSearch("zygomorphe", [item])
        self.assertSearch("brachycéphale", [])

    def test_finds_words_of_the_description(self):
        item = builders.resource(
            self.resources,
            title="Décrit",
            description="Une méthode ornithorynque pour démarrer",
        )
        builders.resource(self.resources, title="Non décrit", description="Rien")
        self.assertSearch("ornithorynque", [item])
        self.assertSearch("brachycéphale", [])

    def test_finds_words_of_the_rich_text_body(self):
        resource = builders.resource(
            self.resources,
            title="Avec corps",
            text=html("Le <strong>pangolin</strong> est un animal discret."),
        )
        sheet = builders.project_sheet(
            self.projects,
            title="Fiche avec corps",
            text=html("Notre groupe aime la <em>tarentelle</em>."),
        )
        builders.resource(self.resources, title="Sans corps")
        self.assertSearch("pangolin", [resource])
        self.assertSearch("tarentelle", [sheet])
        self.assertSearch("strong", [])
        self.assertSearch("brachycéphale", [])

    def test_finds_accented_words_of_the_body_with_or_without_accents(self):
        resource = builders.resource(
            self.resources,
            title="Accents",
            text=html("Une pérégrination éléphantesque."),
        )
        self.assertSearch("pérégrination", [resource])
        self.assertSearch("peregrination", [resource])
        self.assertSearch("éléphantesque", [resource])

    def test_finds_the_authors_and_organisation_of_a_resource(self):
        resource = builders.resource(
            self.resources,
            title="Signée",
            authors=["Hortense Quillebeuf", "Anatole Vermicelle"],
            organisation="Collectif Tamarinier",
        )
        builders.resource(self.resources, title="Anonyme", authors=[], organisation="")
        self.assertSearch("Quillebeuf", [resource])
        self.assertSearch("Vermicelle", [resource])
        self.assertSearch("Tamarinier", [resource])
        self.assertSearch("Brachycéphale", [])

    def test_finds_the_text_inside_a_pdf_resource(self):
        resource = builders.resource(
            self.resources,
            title="Guide en PDF",
            file=samples.pdf_file("Le lemme zygomorphe du bail solidaire"),
        )
        builders.resource(
            self.resources, title="Autre PDF", file=samples.pdf_file("Rien de tel")
        )
        self.assertSearch("zygomorphe", [resource])
        self.assertSearch("lemme", [resource])
        self.assertSearch("brachycephale", [])

    def test_finds_the_text_inside_an_odt_resource(self):
        resource = builders.resource(
            self.resources,
            title="Guide en ODT",
            file=samples.odt_file("La clause kaléidoscope du pacte", "guide.odt"),
        )
        builders.resource(
            self.resources, title="Autre ODT", file=samples.odt_file("Rien", "x.odt")
        )
        self.assertSearch("kaléidoscope", [resource])
        self.assertSearch("kaleidoscope", [resource])
        self.assertSearch("brachycéphale", [])

    def test_finds_the_text_inside_a_docx_resource(self):
        resource = builders.resource(
            self.resources,
            title="Guide en DOCX",
            file=samples.docx_file("Le principe hippocampe de gouvernance", "g.docx"),
        )
        builders.resource(
            self.resources, title="Autre DOCX", file=samples.docx_file("Rien", "y.docx")
        )
        self.assertSearch("hippocampe", [resource])
        self.assertSearch("brachycéphale", [])

    def test_finds_the_text_inside_the_editable_file_of_a_legal_template(self):
        template = builders.legal_template(
            self.templates,
            title="Statuts",
            file_editable=samples.odt_file("Article 3 : la gérance chrysalide"),
        )
        builders.legal_template(self.templates, title="Autres statuts")
        self.assertSearch("chrysalide", [template])
        self.assertSearch("brachycéphale", [])

    def test_finds_the_text_inside_the_alternative_file_of_a_legal_template(self):
        template = builders.legal_template(
            self.templates,
            title="Règlement",
            file_alternative=samples.docx_file("Le comité salamandre se réunit"),
        )
        builders.legal_template(self.templates, title="Autre règlement")
        self.assertSearch("salamandre", [template])
        self.assertSearch("brachycéphale", [])

    def test_finds_the_text_inside_a_docx_editable_file_of_a_legal_template(self):
        template = builders.legal_template(
            self.templates,
            title="Pacte",
            file_editable=samples.docx_file("Le pacte axolotl des associés"),
        )
        self.assertSearch("axolotl", [template])

    def test_finds_the_commune_of_a_project_sheet(self):
        sheet = builders.project_sheet(
            self.projects, title="Projet rural", commune="Trifouilly-les-Oies"
        )
        builders.project_sheet(self.projects, title="Projet urbain", commune="Lyon")
        self.assertSearch("Trifouilly", [sheet])
        self.assertSearch("Oies", [sheet])
        self.assertSearch("Brachycéphale", [])

    def test_finds_the_text_of_a_classified_ad(self):
        ad = builders.classified_ad(
            self.ads,
            title="Cherche foyers",
            text="Nous cherchons un foyer\naimant le mandolinisme.",
        )
        builders.classified_ad(self.ads, title="Autre annonce", text="Rien à dire.")
        self.assertSearch("mandolinisme", [ad])
        self.assertSearch("brachycéphale", [])


class TestIndexingRobustness(CatalogTestCase):
    def test_a_corrupt_odt_does_not_stop_a_resource_being_indexed(self):
        corrupt = samples.named_file(
            b"this is not a zip archive at all",
            "x.odt",
            "application/vnd.oasis.opendocument.text",
        )
        resource = builders.resource(
            self.resources, title="Dossier tarabiscoté", file=corrupt
        )
        self.assertFound([resource], SearchableText="tarabiscoté")
        self.assertFound([resource], portal_type="Resource", resource_kind="guide")

    def test_a_corrupt_editable_file_does_not_stop_a_template_being_indexed(self):
        corrupt = samples.named_file(
            b"PK\x03\x04 truncated", "x.odt", "application/vnd.oasis.opendocument.text"
        )
        template = builders.legal_template(
            self.templates, title="Trame biscornue", file_editable=corrupt
        )
        self.assertFound([template], SearchableText="biscornue")

    def test_an_odt_with_broken_xml_does_not_stop_indexing(self):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("content.xml", "<office:document-content><unclosed")
        broken = samples.named_file(
            buffer.getvalue(), "x.odt", "application/vnd.oasis.opendocument.text"
        )
        resource = builders.resource(
            self.resources, title="Archive alambiquée", file=broken
        )
        self.assertFound([resource], SearchableText="alambiquée")

    def test_a_corrupt_pdf_does_not_stop_indexing(self):
        corrupt = samples.named_file(b"%PDF-1.4 garbage", "x.pdf", "application/pdf")
        resource = builders.resource(
            self.resources, title="Document saugrenu", file=corrupt
        )
        self.assertFound([resource], SearchableText="saugrenu")


class TestReindexing(CatalogTestCase):
    def test_stage_index_follows_an_edit(self):
        sheet = builders.project_sheet(
            self.projects, title="Évolutif", stage="chantier"
        )
        self.assertFound([sheet], stage="chantier")
        sheet.stage = "habite"
        sheet.reindexObject()
        self.assertFound([], stage="chantier")
        self.assertFound([sheet], stage="habite")
        self.assertEqual(brain_of(sheet).stage, "habite")

    def test_has_coordinates_follows_when_a_sheet_gets_placed(self):
        sheet = builders.project_sheet(
            self.projects, title="À placer", latitude=None, longitude=None
        )
        self.assertFound([], portal_type="ProjectSheet", has_coordinates=True)
        sheet.latitude, sheet.longitude = 47.2, -1.55
        sheet.reindexObject()
        self.assertFound([sheet], portal_type="ProjectSheet", has_coordinates=True)
        self.assertEqual(brain_of(sheet).latitude, 47.2)

    def test_full_text_follows_a_new_file(self):
        resource = builders.resource(
            self.resources,
            title="Révisé",
            file=samples.pdf_file("Premiere version coquecigrue"),
        )
        self.assertFound([resource], SearchableText="coquecigrue")
        resource.file = samples.odt_file("Seconde version billevesée", "v2.odt")
        resource.reindexObject()
        self.assertFound([], SearchableText="coquecigrue")
        self.assertFound([resource], SearchableText="billevesée")


def indexed_words(item):
    """The words the full-text index holds for an item (folded as the lexicon
    folds them), each as many times as it was indexed."""
    catalog = api.portal.get_tool("portal_catalog")
    rid = brain_of(item).getRID()  # a search indexes what is queued
    index = catalog._catalog.getIndex("SearchableText")
    lexicon = index.getLexicon()
    return [lexicon.get_word(wid) for wid in index.index.get_words(rid)]


class TestWhatFullTextIndexes(CatalogTestCase):
    """Each type's searchable fields, file texts, id and title (twice: a word of
    the title weighs more) are in SearchableText; nothing else of the item."""

    def test_every_type_of_the_product_has_plone_textindexer(self):
        types = api.portal.get_tool("portal_types")
        for portal_type in (
            "Resource",
            "LegalTemplate",
            "ObservatoryCase",
            "ProjectSheet",
            "ClassifiedAd",
            "WorkingGroup",
        ):
            self.assertIn("plone.textindexer", types[portal_type].behaviors)

    def test_keywords_are_searchable_as_in_plone(self):
        resource = builders.resource(
            self.resources, title="Mots", id="mots-clefs", subject=["cohabitation"]
        )
        self.assertIndexes(resource, ["cohabitation"])

    def assertIndexes(self, item, words, absent=()):
        indexed = indexed_words(item)
        for word in words:
            self.assertIn(word, indexed, f"{item.portal_type}: {word}")
        for word in absent:
            self.assertNotIn(word, indexed, f"{item.portal_type}: {word}")

    def test_resource(self):
        resource = builders.resource(
            self.resources,
            title="Guide xylophage",
            id="fiche-numero-un",
            description="Une méthode ornithorynque",
            text=html("Corps dithyrambique"),
            authors=["Jeanne Pétaradante"],
            organisation="Les Ébouriffés",
            file=samples.pdf_file("Annexe quintessentielle"),
        )
        words = indexed_words(resource)
        self.assertEqual(words.count("xylophage"), 2)
        self.assertIn("numero", words)  # its id
        self.assertIndexes(
            resource,
            [
                "ornithorynque",
                "dithyrambique",
                "petaradante",
                "ebouriffes",
                "quintessentielle",
            ],
            absent=["foncier", "collectivites"],  # vocabulary tokens are facets
        )

    def test_legal_template(self):
        template = builders.legal_template(
            self.templates,
            title="Statuts hirsutes",
            id="trame-numero-un",
            legal_basis="Loi farfelue de 2014",
            file_editable=samples.odt_file("Article biscornu", "statuts.odt"),
            file_alternative=samples.docx_file("Clause rocambolesque", "statuts.docx"),
            file_pdf=samples.pdf_file("Version mirifique"),
        )
        self.assertEqual(indexed_words(template).count("hirsutes"), 2)
        self.assertIndexes(
            template, ["farfelue", "biscornu", "rocambolesque", "mirifique"]
        )

    def test_observatory_case(self):
        case = builders.observatory_case(
            self.portal["observatoire"],
            title="Cas abracadabrant",
            id="cas-numero-un",
            situation=html("Situation loufoque"),
            group_context="Contexte saugrenu",
            solution=html("Solution ingénieuse"),
            legal_references="Référence alambiquée",
        )
        self.assertEqual(indexed_words(case).count("abracadabrant"), 2)
        self.assertIndexes(case, ["loufoque", "saugrenu", "ingenieuse", "alambiquee"])

    def test_project_sheet_but_not_its_contact(self):
        sheet = builders.project_sheet(
            self.projects,
            title="Hameau pittoresque",
            id="fiche-projet-un",
            text=html("Histoire épique"),
            commune="Trifouilly",
            postal_code="12345",
            partners_details="Bailleur providentiel",
            contact_email="secret@cachette.example.org",
        )
        self.assertEqual(indexed_words(sheet).count("pittoresque"), 2)
        self.assertIndexes(
            sheet,
            ["epique", "trifouilly", "12345", "providentiel"],
            absent=["secret", "cachette"],
        )

    def test_classified_ad(self):
        ad = builders.classified_ad(
            self.ads,
            title="Annonce mirobolante",
            id="annonce-numero-un",
            text="Nous cherchons un foyer\naimant le mandolinisme.",
            commune="Pétaouchnok",
        )
        self.assertEqual(indexed_words(ad).count("mirobolante"), 2)
        self.assertIndexes(ad, ["mandolinisme", "petaouchnok"])

    def test_working_group(self):
        space = builders.working_group(
            self.portal["groupes-de-travail"],
            title="Groupe facétieux",
            id="groupe-numero-un",
            mission=html("Mission titanesque"),
        )
        self.assertEqual(indexed_words(space).count("facetieux"), 2)
        self.assertIndexes(space, ["titanesque"])
