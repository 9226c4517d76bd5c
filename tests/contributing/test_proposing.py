"""Contributing where you are: the Proposer… buttons of a section and of a group
space, and the short forms they open (the essentials first, at most three tabs
in plain French, an address made from the title), read as each person's browser
gets them from the test server."""

from coordaction.workflows.spaces.roster import WorkingGroupRoster
from tests import builders
from tests.http import SiteTestCase
from tests.http import admin
import io
import lxml.html


def page_of(client, path):
    response = client.page(path)
    response.raise_for_status()
    return lxml.html.fromstring(response.text)


def buttons(document):
    """{words: address} of the Proposer… buttons of a page."""
    return {
        link.text_content().strip(): link.get("href")
        for link in document.cssselect(".coordaction-proposals a")
    }


def tabs(document):
    """The names of the tabs of the page's form, the first one included."""
    return [
        legend.text_content().strip()
        for legend in document.cssselect("form#form fieldset > legend")
    ]


def fields(document):
    return {element.get("name") for element in document.cssselect("form#form [name]")}


class TestProposing(SiteTestCase):
    users = {
        "redactrice": {"groups": ("equipe-editoriale",)},
        "membre-g": {},
        "reseau-g": {"groups": ("membres-du-reseau",)},
    }

    def build(self):
        self.space = builders.working_group(
            self.portal["groupes-de-travail"], visibility="internal"
        )
        WorkingGroupRoster(self.space).add("membre-g")
        self.space_url = self.space.absolute_url()

    def test_the_resource_centre_offers_its_proposal_to_who_may_add(self):
        editor = page_of(self.signed_in("redactrice"), "centre-de-ressources")
        self.assertEqual(
            buttons(editor),
            {
                "Proposer une ressource": (
                    f"{self.url}/centre-de-ressources/++add++Resource"
                )
            },
        )
        for client in (self.signed_in("reseau-g"), self.anonymous):
            self.assertEqual(buttons(page_of(client, "centre-de-ressources")), {})

    def test_a_group_space_offers_what_its_members_add(self):
        member = buttons(page_of(self.signed_in("membre-g"), self.space_url))
        self.assertEqual(
            list(member),
            [
                "Proposer une ressource",
                "Proposer un événement",
                "Proposer une photo",
                "Ajouter un document",
                "Écrire une page",
            ],
        )
        self.assertEqual(member["Ajouter un document"], f"{self.space_url}/++add++File")
        # A network member reads the internal space and adds nothing there.
        self.assertEqual(
            buttons(page_of(self.signed_in("reseau-g"), self.space_url)), {}
        )

    def test_the_short_form_starts_with_the_essentials(self):
        form = page_of(self.signed_in("membre-g"), f"{self.space_url}/++add++Resource")
        self.assertEqual(
            form.cssselect("h1")[0].text_content().strip(), "Proposer une ressource"
        )
        # The browser's tab says it too (not only where it is).
        self.assertTrue(
            form.findtext(".//title").startswith("Proposer une ressource — "),
            form.findtext(".//title"),
        )
        self.assertEqual(tabs(form), ["L'essentiel", "Classement", "Détails"])
        first = form.cssselect("form#form fieldset")[0]
        labels = [
            " ".join(label.text_content().split())
            for label in first.cssselect("label.form-label")
        ]
        self.assertEqual(
            labels[:6],
            [
                "Titre",
                "Description",
                "Type de ressource",
                "Fichier",
                "Lien externe",
                "Licence",
            ],
        )
        # Plone's options (address, dates, keywords) are the editorial team's.
        self.assertNotIn("form.widgets.IShortName.id", fields(form))
        self.assertNotIn("form.widgets.IPublication.effective", fields(form))
        editor = page_of(
            self.signed_in("redactrice"), "centre-de-ressources/++add++Resource"
        )
        self.assertEqual(
            tabs(editor),
            ["L'essentiel", "Classement", "Détails", "Options de publication"],
        )
        self.assertIn("form.widgets.IShortName.id", fields(editor))

    def post_file(self, client, title, filename):
        """Send the add form of a document of the space, its file attached as a
        browser does: where the person lands."""
        document = page_of(client, f"{self.space_url}/++add++File")
        form = document.cssselect("form#form")[0]
        data = {
            field.name: field.value or ""
            for field in form.inputs
            if field.name and getattr(field, "type", "") == "hidden"
        }
        data.update({"form.widgets.title": title, "form.buttons.save": "1"})
        upload = (filename, io.BytesIO(b"Ordre du jour"), "text/plain")
        return client.session.post(
            form.action, data=data, files={"form.widgets.file": upload}, timeout=60
        ).url

    def test_a_document_gets_its_address_from_its_title(self):
        member = self.signed_in("membre-g")
        self.assertEqual(
            self.post_file(member, "Compte rendu du 12 mars", "scan0042.txt"),
            f"{self.space_url}/compte-rendu-du-12-mars/view",
        )
        # Without a title, the file's name gives both, as Plone does.
        self.assertEqual(
            self.post_file(member, "", "scan0043.txt"),
            f"{self.space_url}/scan0043.txt/view",
        )

    def test_the_edit_form_keeps_the_same_steps(self):
        for client, expected in (
            (self.signed_in("membre-g"), ["L'essentiel", "Détails"]),
            (admin(self.url), ["L'essentiel", "Détails", "Options de publication"]),
        ):
            # Each their own page (opening a form locks the page for the others).
            created = client.api(
                "POST",
                self.space_url,
                json={"@type": "Document", "title": "Ordre du jour"},
            ).json()["@id"]
            self.assertEqual(tabs(page_of(client, f"{created}/edit")), expected)
