"""The subscribers for those who run the letter: counts, the CSV export, and the
import of an existing list, only as confirmed when the file proves consent."""

from coordaction.policy.newsletter import subscribers
from tests.http import SiteTestCase
from tests.http import authenticator
import csv
import io
import transaction


LIST = (
    "\ufeffemail;themes;region;consentement\n"
    "ancienne@example.org;agenda|projets;53;2024-03-01\n"
    "sans-date@example.org;;;\n"
    "pas-une-adresse;;;2024-03-01\n"
    "=cmd@example.org;;;01/03/2024\n"
    "theme@example.org;inconnu;;2024-03-01\n"
)


class TestSubscribersAdmin(SiteTestCase):
    users = {
        "admin-lettre": {"groups": ("Site Administrators",)},
        "membre": {"groups": ("membres-du-reseau",)},
    }

    def upload(self, client, data):
        page = client.page("@@abonnes-lettre")
        return client.session.post(
            f"{self.url}/@@abonnes-lettre",
            data={"_authenticator": authenticator(page.text), "importer": "1"},
            files={"fichier": ("liste.csv", data.encode("utf-8"), "text/csv")},
            timeout=60,
        )

    def test_import_only_what_proves_consent_then_export(self):
        admin = self.signed_in("admin-lettre")
        response = self.upload(admin, LIST)
        self.assertEqual(response.status_code, 200)
        self.assertIn("<strong>2</strong>", response.text)
        for line, reason in (
            (3, "pas de date de consentement"),
            (4, "adresse électronique invalide"),
            (6, "thèmes inconnus"),
        ):
            self.assertIn(f"ligne {line}", response.text)
            self.assertIn(reason, response.text)
        transaction.begin()
        _token, record = subscribers.of_address("ancienne@example.org")
        self.assertEqual(record["topics"], ["agenda", "projets"])
        self.assertEqual(record["region"], "53")
        self.assertEqual(record["confirmed"].date().isoformat(), "2024-03-01")
        self.assertEqual(record["consent"]["how"], "import")
        self.assertIsNone(subscribers.of_address("sans-date@example.org"))

        transaction.begin()
        subscribers.subscribe("en-attente@example.org", ["agenda"])
        transaction.commit()
        export = admin.page("@@abonnes-lettre.csv")
        self.assertEqual(export.status_code, 200)
        self.assertIn("text/csv", export.headers["Content-Type"])
        rows = list(csv.DictReader(io.StringIO(export.text)))
        by_email = {row["email"]: row for row in rows}
        self.assertEqual(by_email["ancienne@example.org"]["themes"], "agenda|projets")
        self.assertEqual(by_email["ancienne@example.org"]["consentement"], "2024-03-01")
        # What nobody confirmed has no date of consent: re-imported, it is refused.
        self.assertEqual(by_email["en-attente@example.org"]["consentement"], "")
        self.assertEqual(by_email["en-attente@example.org"]["confirme"], "")
        # What a spreadsheet would run stays text.
        self.assertIn("'=cmd@example.org", by_email)

        page = admin.page("@@abonnes-lettre")
        self.assertIn("Confirmés", page.text)

    def test_bad_files_are_refused_in_french(self):
        admin = self.signed_in("admin-lettre")
        response = self.upload(admin, "nom;prenom\nMartin;Inès\n")
        self.assertEqual(response.status_code, 400)
        self.assertIn("colonne « email »", response.text)

    def test_only_administrators_see_the_subscribers(self):
        transaction.begin()
        subscribers.subscribe("abonnee@example.org", ["agenda"], consent="account")
        transaction.commit()
        member = self.signed_in("membre")
        for client in (member, self.anonymous):
            for path in ("@@abonnes-lettre", "@@abonnes-lettre.csv"):
                response = client.page(path)
                self.assertNotIn("abonnee@example.org", response.text)
        # Subscribers are not accounts: no vocabulary of people names them.
        admin = self.signed_in("admin-lettre")
        users = admin.get_json(
            "@vocabularies/plone.app.vocabularies.Users?title=abonnee"
        )
        self.assertNotIn("abonnee@example.org", users.text)
        self.assertEqual(admin.get_json("@users?query=abonnee").json()["items"], [])
