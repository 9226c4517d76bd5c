"""The organisers' board of an edition (counts by state, filters, exports) and
its public programme (page and iCalendar): the organisers see every proposal,
everyone else only the scheduled ones, in the programme."""

from datetime import date
from datetime import time
from datetime import timedelta
from io import BytesIO
from plone import api
from tests.http import SiteTestCase
from tests.meetings.test_proposals import an_edition
import csv
import icalendar
import io
import openpyxl


def a_proposal(edition, title, state="submitted", **fields):
    values = {
        "proposal_format": "atelier",
        "summary": "Ce que l'on y fera.",
        "speakers": "Inès Martin",
        "region": "53",
        "themes": ["foncier"],
        "contact_email": "proposeur@example.net",
        **fields,
    }
    proposal = api.content.create(
        container=edition, type="MeetingProposal", title=title, **values
    )
    path = {
        "submitted": [],
        "under_study": ["study"],
        "retained": ["retain"],
        "scheduled": ["retain", "schedule"],
        "declined": [("decline", "Hors sujet.")],
    }[state]
    for step in path:
        transition, comment = step if isinstance(step, tuple) else (step, "")
        api.content.transition(proposal, transition=transition, comment=comment)
    return proposal


class TestBoard(SiteTestCase):
    users = {
        "organisatrice": {"groups": ("organisation-rnhp",)},
        "adherente": {},
    }

    def build(self):
        self.edition = edition = an_edition(self.portal)
        first_day = edition.start
        a_proposal(edition, "Atelier foncier breton")
        a_proposal(edition, "Visite à Rennes", "under_study", proposal_format="visite")
        a_proposal(
            edition,
            '=HYPERLINK("http://pirate.example";"Cliquez")',
            "under_study",
            region="84",
        )
        a_proposal(
            edition,
            "Table ronde des bailleurs",
            "retained",
            proposal_format="table-ronde",
        )
        a_proposal(
            edition,
            "Plénière d'ouverture",
            "scheduled",
            proposal_format="pleniere",
            slot_day=first_day,
            slot_time=time(9, 30),
            slot_room="Amphithéâtre",
            duration_minutes=60,
        )
        a_proposal(
            edition,
            "Atelier des finances",
            "scheduled",
            slot_day=first_day + timedelta(days=1),
            slot_time=time(14, 0),
            slot_room="Salle des Tilleuls",
        )
        a_proposal(edition, "Stand hors sujet", "declined", proposal_format="stand")
        self.board = f"{edition.absolute_url()}/@@tableau"

    def test_the_board_counts_the_proposals_by_state(self):
        page = self.signed_in("organisatrice").page(self.board)
        self.assertEqual(page.status_code, 200)
        text = " ".join(page.text.split())
        for state, count in (
            ("Déposée", 1),
            ("En étude", 2),
            ("Retenue", 1),
            ("Programmée", 2),
            ("Non retenue", 1),
        ):
            self.assertIn(
                f'{state} <span class="badge bg-secondary">{count}</span>', text
            )
        self.assertIn("Stand hors sujet", text)
        self.assertIn("Propositions pour RNHP 2027", text)

    def test_filters_narrow_the_list_and_the_counts(self):
        organiser = self.signed_in("organisatrice")
        text = organiser.page(self.board, params={"format": "atelier"}).text
        self.assertIn("Atelier foncier breton", text)
        self.assertIn("Atelier des finances", text)
        self.assertNotIn("Visite à Rennes", text)
        text = organiser.page(
            self.board, params={"state": "under_study", "region": "53"}
        ).text
        self.assertIn("Visite à Rennes", text)
        self.assertNotIn("HYPERLINK", text)
        self.assertNotIn("Atelier foncier breton", text)
        # Unknown values are ignored, never an error.
        page = organiser.page(
            self.board, params={"format": "<script>", "state": ["a", "b"]}
        )
        self.assertEqual(page.status_code, 200)
        self.assertIn("Atelier foncier breton", page.text)
        self.assertNotIn("<script>", page.text)

    def test_the_exports_hold_every_proposal_and_no_formula(self):
        organiser = self.signed_in("organisatrice")
        response = organiser.page(f"{self.edition.absolute_url()}/@@propositions.csv")
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response.headers["Content-Disposition"])
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        self.assertEqual(rows[0][:3], ["Titre", "Format", "État"])
        self.assertEqual(len(rows), 8)
        titles = {row[0] for row in rows[1:]}
        self.assertIn('\'=HYPERLINK("http://pirate.example";"Cliquez")', titles)
        self.assertIn("proposeur@example.net", response.text)
        response = organiser.page(
            f"{self.edition.absolute_url()}/@@propositions.xlsx",
            params={"state": "scheduled"},
        )
        sheet = openpyxl.load_workbook(BytesIO(response.content)).active
        values = [[cell.value for cell in row] for row in sheet.iter_rows()]
        self.assertEqual(len(values), 3)
        self.assertEqual(
            sorted(row[0] for row in values[1:]),
            ["Atelier des finances", "Plénière d'ouverture"],
        )

    def test_only_the_organisers_reach_the_board_and_the_exports(self):
        for client in (self.anonymous, self.signed_in("adherente")):
            for view in ("@@tableau", "@@propositions.csv", "@@propositions.xlsx"):
                response = client.page(
                    f"{self.edition.absolute_url()}/{view}", allow_redirects=False
                )
                self.assertIn(response.status_code, (302, 401, 403), view)
                self.assertNotIn("proposeur@example.net", response.text)

    def test_the_public_programme_shows_the_scheduled_contributions_only(self):
        page = self.anonymous.page(f"{self.edition.absolute_url()}/@@programme")
        self.assertEqual(page.status_code, 200)
        text = page.text
        self.assertIn("Programme de RNHP 2027", text)
        self.assertLess(
            text.index("Plénière d'ouverture"), text.index("Atelier des finances")
        )
        self.assertIn("9 h 30", text)
        for hidden in (
            "Table ronde des bailleurs",
            "Visite à Rennes",
            "Stand hors sujet",
        ):
            self.assertNotIn(hidden, text)
        self.assertNotIn("proposeur@example.net", text)
        # The edition's page lists the retained ones too, never the others.
        edition = self.anonymous.page(self.edition.absolute_url()).text
        self.assertIn("Table ronde des bailleurs", edition)
        self.assertNotIn("Visite à Rennes", edition)
        self.assertNotIn("Tableau de bord", edition)

    def test_the_programme_as_icalendar(self):
        response = self.anonymous.page(f"{self.edition.absolute_url()}/@@programme.ics")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.headers["Content-Type"].startswith("text/calendar"))
        calendar = icalendar.Calendar.from_ical(response.content)
        events = sorted(
            calendar.walk("VEVENT"), key=lambda event: event.decoded("dtstart")
        )
        self.assertEqual(
            [str(event["summary"]) for event in events],
            ["Plénière d'ouverture", "Atelier des finances"],
        )
        opening = events[0]
        start = opening.decoded("dtstart")
        self.assertEqual(
            (start.date(), start.hour, start.minute), (self.edition.start, 9, 30)
        )
        self.assertEqual(str(start.tzinfo), "Europe/Paris")
        self.assertEqual(opening.decoded("dtend") - start, timedelta(minutes=60))
        self.assertIn("Amphithéâtre", str(opening["location"]))
        self.assertNotIn("proposeur@example.net", response.text)


class TestSection(SiteTestCase):
    def build(self):
        past = an_edition(self.portal, deadline_in_days=-1, title="RNHP 2020")
        past.start, past.end = date(2020, 6, 4), date(2020, 6, 5)
        past.submission_deadline = date(2020, 3, 1)
        an_edition(self.portal, title="RNHP 2027")

    def test_the_section_lists_the_editions_the_coming_one_first(self):
        page = self.anonymous.page("rencontres")
        self.assertEqual(page.status_code, 200)
        text = " ".join(page.text.split())
        self.assertLess(text.index("RNHP 2027"), text.index("RNHP 2020"))
        self.assertIn("du 4 juin 2020 au 5 juin 2020", text)
        self.assertEqual(text.count("Les propositions sont ouvertes jusqu'au"), 1)
