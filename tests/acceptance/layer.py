"""The portal the journeys walk through, built once for the whole package: a few
published resources, legal templates and projects with realistic French titles (they
show in the documentation's pictures), two private working-group spaces, and the
people of the journeys. Each test then runs on its own copy (FunctionalTesting):
what a journey creates is gone for the next one."""

from contextlib import contextmanager
from coordaction.policy.demo import files
from coordaction.workflows.spaces.roster import WorkingGroupRoster
from playwright.sync_api import expect
from plone import api
from plone.app.textfield.value import RichTextValue
from tests import builders
from tests.acceptance.browser import log_in
from tests.acceptance.browser import new_page
from tests.acceptance.browser import screenshot_on_failure
from tests.http import PASSWORD
from tests.http import make_user
from tests.layers import content_layers
import unittest


# login: (full name, portal groups)
PEOPLE = {
    "claire": ("Claire Dumontel", ("equipe-editoriale",)),
    "rosalie": ("Rosalie Berthier", ("Reviewers",)),
    "nadia": ("Nadia Benali", ("membres-du-reseau",)),
    "yann": ("Yann Le Goarnec", ("membres-du-reseau",)),
    "lucie": ("Lucie Marchand", ("membres-du-reseau",)),
}

RESOURCES = (
    # title, description, kind, themes, audiences, licence
    (
        "Guide du foncier solidaire pour les groupes d'habitants",
        "Trouver un terrain, négocier avec la commune, comprendre le bail réel "
        "solidaire : le guide pas à pas.",
        "guide",
        ["foncier", "collectivites"],
        ["groupes-projets", "collectivites"],
        "CC-BY-SA-4.0",
    ),
    (
        "Monter une coopérative d'habitants : le guide juridique",
        "Statuts, capital, parts sociales, agrément : les étapes de la création "
        "d'une coopérative d'habitants selon la loi ALUR.",
        "guide",
        ["juridique"],
        ["groupes-projets", "professionnels"],
        "CC-BY-4.0",
    ),
    (
        "Étude sur les coûts de construction des projets habités",
        "Vingt projets livrés entre 2015 et 2023 : coût au mètre carré, part de "
        "l'autoconstruction et des espaces partagés.",
        "etude",
        ["financement", "architecture"],
        ["professionnels", "bailleurs-sociaux"],
        "CC-BY-SA-4.0",
    ),
    (
        "Fiche pratique : ouvrir sa salle commune au quartier",
        "Assurance, convention d'usage, calendrier partagé : comment accueillir les "
        "associations du quartier.",
        "fiche-pratique",
        ["vie-quotidienne"],
        ["futurs-habitants", "associations"],
        "CC0-1.0",
    ),
)

# The file of the internal rules template, kept to compare with what a visitor downloads.
RULES_FILENAME = "reglement-interieur-scia.odt"
RULES_ODT = files.odt_bytes(
    "Règlement intérieur de la société civile immobilière d'attribution",
    [
        "Article 1. Objet : le présent règlement précise les statuts de la société.",
        "Article 2. Assemblée des associés : elle se réunit au moins une fois par an.",
        "Article 3. Usage des espaces partagés : la salle commune est ouverte à tous.",
    ],
)

TEMPLATES = (
    # title, kind, legal forms, editable file (filename, bytes, type)
    (
        "Statuts types de coopérative d'habitants",
        "statuts",
        ["cooperative-habitants"],
        (
            "statuts-cooperative-habitants.odt",
            files.odt_bytes(
                "Statuts de la coopérative d'habitants",
                ["Article premier : forme de la société."],
            ),
            files.ODT,
        ),
    ),
    (
        "Règlement intérieur d'une société d'attribution (SCIA)",
        "reglement-interieur",
        ["scia"],
        (RULES_FILENAME, RULES_ODT, files.ODT),
    ),
    (
        "Budget prévisionnel d'un projet en autopromotion",
        "budget-previsionnel",
        ["scia", "sccc"],
        (
            "budget-previsionnel.ods",
            files.ods_bytes(
                "Budget prévisionnel",
                [["Foncier", 180000], ["Construction", 1450000]],
            ),
            files.ODS,
        ),
    ),
    (
        "Pacte de coopérateurs",
        "pacte",
        ["cooperative-habitants", "sas-cooperative"],
        (
            "pacte-de-cooperateurs.odt",
            files.odt_bytes(
                "Pacte de coopérateurs", ["Les coopérateurs s'engagent à…"]
            ),
            files.ODT,
        ),
    ),
)

PROJECTS = (
    # title, stage, commune, postal code, département, région, latitude, longitude
    ("La Ruche de Villeurbanne", "habite", "Villeurbanne", "69100", "69", "84", 45.7719, 4.8902),
    ("Les Choux Lents", "chantier", "Montreuil", "93100", "93", "11", 48.8611, 2.4436),
    ("L'Écoquartier des Tilleuls", "conception", "Rennes", "35000", "35", "53", 48.1173, -1.6778),
    ("La Maison des Possibles", "habite", "Toulouse", "31000", "31", "76", 43.6045, 1.4440),
    ("Les Habitants du Quai", "recherche-foncier", "Nantes", "44000", "44", "52", 47.2184, -1.5536),
)  # fmt: skip
DRAFT_PROJECT = "Projet en réflexion à Lille"

# Two private working-group spaces: A (with its coordinator) and B (with a member).
SPACE_A = "Groupe juridique et financier"
SPACE_B = "Groupe foncier et collectivités"
GROUP_DOCUMENT_TITLE = "Compte rendu de la réunion du 14 mars"
GROUP_DOCUMENT_TEXT = (
    "Le groupe valide le projet de statuts et propose une souscription de parts "
    "sociales de 3 000 euros par foyer."
)


def rich_text(html):
    return RichTextValue(html, "text/html", "text/x-html-safe")


def build_people():
    for login_name, (fullname, groups) in PEOPLE.items():
        make_user(login_name, groups=groups)
        api.user.get(username=login_name).setMemberProperties({"fullname": fullname})


def build_resources(portal):
    centre = portal["centre-de-ressources"]
    for year, (title, description, kind, themes, audiences, license_spdx) in enumerate(
        RESOURCES, start=2020
    ):
        builders.publish(
            builders.resource(
                centre,
                title=title,
                description=description,
                resource_kind=kind,
                themes=themes,
                audiences=audiences,
                regions=[],
                year=year,
                license_spdx=license_spdx,
                file=files.pdf_file(
                    "guide.pdf", title, [description, "Texte complet à venir."]
                ),
            )
        )


def build_templates(portal):
    folder = portal["trames-types"]
    for title, kind, legal_forms, (filename, data, content_type) in TEMPLATES:
        builders.publish(
            builders.legal_template(
                folder,
                title=title,
                description=f"Une trame à adapter : {title[0].lower()}{title[1:]}.",
                document_kind=kind,
                legal_forms=legal_forms,
                file_editable=files.named_file(data, filename, content_type),
                file_pdf=None,
            )
        )


def build_projects(portal):
    folder = portal["projets"]
    for title, stage, commune, postal_code, departement, region, lat, lon in PROJECTS:
        builders.publish(
            builders.project_sheet(
                folder,
                title=title,
                stage=stage,
                commune=commune,
                postal_code=postal_code,
                departement=departement,
                region=region,
                latitude=lat,
                longitude=lon,
                website=None,
                contact_email="contact@example.org",
            )
        )
    builders.project_sheet(
        folder,
        title=DRAFT_PROJECT,
        stage="reflexion",
        commune="Lille",
        postal_code="59000",
        departement="59",
        region="32",
        latitude=50.6292,
        longitude=3.0573,
    )


def build_spaces(portal):
    """Group A: Nadia coordinates it; Yann is not a member yet (a journey adds him).
    Group B: Lucie is a member."""
    folder = portal["groupes-de-travail"]
    space_a = builders.working_group(
        folder,
        title=SPACE_A,
        mission=rich_text(
            "<p>Statuts, montages juridiques et financiers des projets.</p>"
        ),
    )
    WorkingGroupRoster(space_a).add("nadia", coordinator=True)
    api.content.create(
        container=space_a,
        type="Document",
        title=GROUP_DOCUMENT_TITLE,
        description="Présents : Nadia, Odile, Marc. Ordre du jour : les statuts.",
        text=rich_text(f"<p>{GROUP_DOCUMENT_TEXT}</p>"),
    )
    space_b = builders.working_group(folder, title=SPACE_B)
    WorkingGroupRoster(space_b).add("lucie")
    api.content.create(
        container=space_b,
        type="Document",
        title="Liste des communes contactées",
        text=rich_text("<p>Rennes, Langouët, Saint-Germain-sur-Ille.</p>"),
    )


def build_journeys(portal):
    build_people()
    build_resources(portal)
    build_templates(portal)
    build_projects(portal)
    build_spaces(portal)


JOURNEYS = content_layers("Journeys", build_journeys)
JOURNEYS_ACCEPTANCE_TESTING = JOURNEYS.browser


class JourneyTestCase(unittest.TestCase):
    layer = JOURNEYS_ACCEPTANCE_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.portal_url = self.portal.absolute_url()

    @contextmanager
    def browsing(self, login_name=None, start="", device=None):
        """A person's part of a journey, in their own browser context, from the page
        ``start`` (a path in the site; its home page by default): logged in through
        the login form, or anonymous; on a computer's screen, or ``device`` (such
        as browser.PHONE). A failure leaves a screenshot named after the test and
        the person."""
        page = new_page(self.layer["browser"], device)
        name = f"{self.id().rsplit('.', 1)[-1]}-{login_name or 'anonyme'}"
        start_url = f"{self.portal_url}/{start}".rstrip("/")
        try:
            with screenshot_on_failure(page, name):
                if login_name:
                    log_in(page, self.portal_url, login_name, PASSWORD, start_url)
                else:
                    page.goto(start_url)
                yield page
                self.assertEqual(page.errors, [], "JavaScript errors")
        finally:
            page.context.close()

    @staticmethod
    def review_list_row(page, title):
        """A reviewer opens "Éléments à modérer" from her personal menu: the row of
        the item ``title``."""
        page.locator("#personaltools-menulink").click()
        page.locator("#collapse-personaltools").get_by_role(
            "link", name="Éléments à modérer"
        ).click()
        return page.locator("table tr", has_text=title)

    def publish_from_review_list(self, title):
        """A reviewer (rosalie) finds ``title`` waiting in her list and publishes
        it."""
        with self.browsing("rosalie") as page:
            waiting = self.review_list_row(page, title)
            expect(waiting).to_contain_text("En attente de relecture")
            waiting.get_by_role("link", name=title).click()
            expect(page.locator("h1")).to_have_text(title)
            self.publish(page)

    @staticmethod
    def publish(page):
        """Publish the item of the page with its "État" menu: the reviewer is
        back on the review list, told it is published."""
        title = page.locator("h1").inner_text()
        workflow_menu = page.locator("#plone-contentmenu-workflow")
        workflow_menu.get_by_role("link", name="État").click()
        page.get_by_role("link", name="Publier", exact=True).click()
        expect(page.locator("h1")).to_have_text("Éléments à modérer")
        expect(page.locator(".portalMessage")).to_contain_text(
            f"« {title} » est publié."
        )

    @staticmethod
    def click_section(page, title):
        """Go to a section through the site's main navigation."""
        page.locator("#portal-globalnav").get_by_role(
            "link", name=title, exact=True
        ).click()
        expect(page.locator("h1")).to_have_text(title)
