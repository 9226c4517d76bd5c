"""A site administrator edits the home page and Mon espace through the web, in the
"Page d'accueil et Mon espace" control panel, as a browser posts its form; the pages
change. Wrong lines are refused in French and change nothing."""

from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
from tests.home.layer import HOME_FUNCTIONAL_TESTING
from tests.http import Client
from tests.http import commit
from tests.http import make_user
import lxml.html
import unittest


PANEL = "@@coordaction-accueil"
SAVE = "form.buttons.save"


def post_panel(client, changes, panel=PANEL):
    """Post the control panel as a browser does: every field as the page shows it,
    with ``changes`` typed in. A list of rows replaces the rows of a list shown
    as a table of fields (its other rows emptied)."""
    page = client.page(panel)
    page.raise_for_status()
    document = lxml.html.fromstring(page.text, base_url=page.url)
    form = document.xpath(f'//form[.//*[@name="{SAVE}"]]')[0]
    data = dict(form.form_values())
    for name, value in changes.items():
        if isinstance(value, list):
            data.update(typed_rows(data, name, value))
        else:
            data[name] = value
    data[SAVE] = "Enregistrer"
    return client.session.post(form.action or page.url, data=data, timeout=60)


def typed_rows(data, name, rows):
    """The boxes of the rows of ``name`` with ``rows`` typed in, the rest emptied."""
    count = max(int(data[f"{name}.count"]), len(rows))
    width = len([key for key in data if key.startswith(f"{name}.0.")])
    typed = {f"{name}.count": str(count)}
    for index in range(count):
        row = rows[index] if index < len(rows) else ()
        for column in range(width):
            typed[f"{name}.{index}.{column}"] = row[column] if column < len(row) else ""
    return typed


class TestHomeSettings(unittest.TestCase):
    layer = HOME_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        self.url = self.portal.absolute_url()
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        make_user("webmestre", groups=("Site Administrators",))
        commit()
        self.administrator = Client(self.url, "webmestre")

    def test_control_panel_is_listed_and_french(self):
        overview = self.administrator.page("@@overview-controlpanel").text
        self.assertIn("Page d'accueil et Mon espace", overview)
        self.assertIn(f"{self.url}/@@coordaction-accueil", overview)
        page = self.administrator.page(PANEL).text
        for text in (
            "Titre de la page d'accueil",
            "Entrées par public",
            "Liens des entrées",
            "Nombre d'associations membres",
            "Outils collaboratifs",
        ):
            self.assertIn(text, page)

    def test_administrator_changes_the_home_page_through_the_control_panel(self):
        response = post_panel(
            self.administrator,
            {
                "form.widgets.welcome_title": "Bienvenue dans le réseau",
                "form.widgets.welcome_text": "Premier paragraphe.\r\n\r\nSecond paragraphe.",
                "form.widgets.entry_points": [
                    (
                        "elus",
                        "Vous êtes élu ou élue",
                        "Tout pour accueillir un projet.",
                    ),
                    ("habitants", "Vous êtes habitant", "Rejoindre un groupe."),
                ],
                "form.widgets.entry_links": [
                    (
                        "elus",
                        "Les ressources pour les élus",
                        "centre-de-ressources#public=collectivites",
                    ),
                    ("elus", "Le site de l'association", "https://www.example.org"),
                    ("habitants", "L'agenda", "agenda"),
                ],
                "form.widgets.associations_count": "42",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Modifications sauvegardées", response.text)

        document = lxml.html.fromstring(Client(self.url).page().text)
        self.assertEqual(
            document.find_class("documentFirstHeading")[0].text_content(),
            "Bienvenue dans le réseau",
        )
        self.assertEqual(
            [
                p.text_content()
                for p in document.find_class("coordaction-home-welcome-text")[0]
            ],
            ["Premier paragraphe.", "Second paragraphe."],
        )
        entries = [
            (
                card.find_class("card-title")[0].text_content(),
                card.find_class("card-text")[0].text_content(),
                [
                    (link.text_content(), link.get("href"))
                    for link in card.find_class("coordaction-home-entry-link")
                ],
            )
            for card in document.find_class("coordaction-home-entry")
        ]
        self.assertEqual(
            entries,
            [
                (
                    "Vous êtes élu ou élue",
                    "Tout pour accueillir un projet.",
                    [
                        (
                            "Les ressources pour les élus",
                            f"{self.url}/centre-de-ressources#public=collectivites",
                        ),
                        ("Le site de l'association", "https://www.example.org"),
                    ],
                ),
                (
                    "Vous êtes habitant",
                    "Rejoindre un groupe.",
                    [("L'agenda", f"{self.url}/agenda")],
                ),
            ],
        )
        figures = [
            " ".join(figure.text_content().split())
            for figure in document.find_class("coordaction-home-figure")
        ]
        self.assertIn("42 associations membres", figures)

    def test_administrator_lists_the_tools_of_mon_espace(self):
        post_panel(
            self.administrator,
            {"form.widgets.tools": [("Nuage partagé", "https://nuage.example.org")]},
        )
        html = Client(self.url, "membre-a").page("@@mon-espace").text
        self.assertIn('href="https://nuage.example.org"', html)
        self.assertIn("Nuage partagé", html)

    def test_wrong_lines_are_refused_in_french_and_change_nothing(self):
        for changes, message in (
            (
                {"form.widgets.entry_points": [("", "seulement un libellé", "")]},
                "Chaque entrée demande un identifiant, un libellé et un texte",
            ),
            (
                {"form.widgets.entry_points": [("elus", "Élus | collectivités", "X")]},
                "Le caractère « | » ne peut pas figurer dans un champ",
            ),
            (
                {"form.widgets.entry_links": [("inconnu", "Un lien", "agenda")]},
                "renvoie à une entrée qui n'existe pas : « inconnu »",
            ),
            (
                {
                    "form.widgets.entry_links": [
                        ("collectivites", "Piège", "javascript:alert(1)")
                    ]
                },
                "Adresse refusée : « javascript:alert(1) »",
            ),
            (
                {"form.widgets.tools": [("Pad sans adresse",)]},
                "Chaque outil demande un libellé et une adresse",
            ),
            (
                {"form.widgets.tools": [("Piège", "javascript:alert(1)")]},
                "Chaque outil demande un libellé et une adresse",
            ),
        ):
            response = post_panel(self.administrator, changes)
            self.assertEqual(response.status_code, 200)
            self.assertIn(message, response.text)
            self.assertNotIn("Modifications sauvegardées", response.text)
        home = Client(self.url).page().text
        self.assertIn("Vous êtes une collectivité locale", home)
        self.assertNotIn("javascript:", home)

    def test_lists_are_rows_of_fields_with_named_tabs(self):
        page = lxml.html.fromstring(self.administrator.page(PANEL).text)
        (table,) = page.cssselect("#formfield-form-widgets-entry_links table")
        self.assertEqual(
            [th.text_content() for th in table.cssselect("th")],
            ["Identifiant de l'entrée", "Libellé du lien", "Adresse"],
        )
        first = [
            cell.get("value")
            for cell in table.cssselect("tbody tr")[0].cssselect("input")
        ]
        self.assertEqual(first[0], "futurs-habitants")
        self.assertEqual(
            [
                legend.text_content().strip()
                for legend in page.cssselect("form fieldset > legend")
            ],
            ["Page d'accueil", "Mon espace"],
        )

    def test_modifier_on_the_home_page_opens_its_settings(self):
        home = lxml.html.fromstring(self.administrator.page().text)
        (edit,) = home.cssselect("#contentview-edit a")
        response = self.administrator.page(edit.get("href"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("Page d'accueil et Mon espace", response.text)
        self.assertIn("form.widgets.welcome_title", response.text)

    def test_members_cannot_open_the_control_panel(self):
        for client in (Client(self.url), Client(self.url, "membre-a")):
            response = client.page(PANEL)
            self.assertNotIn("Entrées par public", response.text)
