"""*Proposer un événement*, as a member association fills it over HTTP with a
real SMTP server: the event waits for review with its times in Paris, its
municipality placed on the map, its image and links; a duplicate is pointed out
before it is sent again; a bad address or a bad file is refused in French with
nothing created; once published, the proposer is told and the event shows in
the agenda and its iCalendar feed."""

from datetime import date
from datetime import timedelta
from plone import api
from tests import samples
from tests.http import commit
from tests.mailbox import mails
from tests.participation.test_forms import SUBMIT
from tests.participation.test_forms import ParticipationTestCase
from tests.participation.test_forms import widgets
import lxml.html


EVENT_FORM = "contribuer/proposer-un-evenement"
DAY = date.today() + timedelta(days=20)
AN_EVENT = {
    "title": "Journée portes ouvertes des Choux Lents",
    "start": f"{DAY.isoformat()}T14:00",
    "end": f"{DAY.isoformat()}T18:30",
    "location": "Salle commune, 3 rue des Lilas",
    "commune": "Montreuil",
    "region": ["11"],
    "online_url": "https://visio.example.org/choux-lents",
    "registration_url": "https://inscription.example.org/jpo",
    "contact_name": "Les Choux Lents",
    "themes": ["gouvernance"],
    "text": "Visite des logements et des espaces partagés.\n\nGoûter à 16 h.",
    "submitter_email": "choux@example.net",
    "consent": True,
}


class TestProposeAnEvent(ParticipationTestCase):
    def propose(self, client=None, files=None, **changes):
        client = client or self.visitor
        values = widgets(**{**AN_EVENT, **changes})
        if files is None:
            return client.submit(EVENT_FORM, values, SUBMIT)
        page = client.page(EVENT_FORM)
        form = lxml.html.fromstring(page.text).xpath(f'//form[.//*[@name="{SUBMIT}"]]')[
            0
        ]
        data = [
            (field.name, field.value or "")
            for field in form.inputs
            if field.name and getattr(field, "type", "") == "hidden"
        ]
        for name, value in values.items():
            for item in value if isinstance(value, list) else [value]:
                data.append((name, item))
        data.append((SUBMIT, "1"))
        return client.session.post(form.action, data=data, files=files, timeout=60)

    def test_the_agenda_leads_to_the_form_in_french(self):
        agenda = self.visitor.page("agenda")
        link = lxml.html.fromstring(agenda.text).cssselect(
            ".coordaction-agenda-propose a"
        )[0]
        self.assertEqual(link.text_content().strip(), "Proposer un événement")
        page = self.visitor.page(link.get("href"))
        self.assertEqual(page.status_code, 200)
        for text in ("Proposer un événement", "Début", "Commune", "Lien d'inscription"):
            self.assertIn(text, page.text)

    def test_a_proposed_event_waits_for_review_then_shows_in_the_agenda(self):
        image = samples.png_bytes()
        response = self.propose(
            files={"form.widgets.image": ("affiche.png", image, "image/png")},
            image_caption="La salle commune des Choux Lents",
        )
        self.assertEqual(response.status_code, 200, response.text[-2000:])
        self.assertIn("Merci, votre événement est enregistré", response.text)
        [event] = self.items("Event", Title="Choux Lents")
        self.assertEqual(api.content.get_state(event), "pending")
        # 14:00 in Paris stays 14:00 in Paris, whatever the server's zone.
        self.assertEqual(event.start.strftime("%H:%M"), "14:00")
        self.assertEqual(str(event.start.tzinfo), "Europe/Paris")
        self.assertEqual(event.end.strftime("%H:%M"), "18:30")
        self.assertEqual(event.regions, ["11"])
        self.assertEqual(event.themes, ["gouvernance"])
        self.assertAlmostEqual(event.latitude, 48.86, places=1)
        self.assertEqual(event.proposer_email, "choux@example.net")
        self.assertIn("partagés.<br><br>Goûter à 16 h.", event.text.output)
        self.assertEqual(event.image.data, image)
        [receipt] = mails(self.portal, to="choux@example.net")
        self.assertIn("Bien reçu", receipt.subject)
        self.assertNotIn(
            event.Title(), self.visitor.page("agenda").text
        )  # not before review

        with api.env.adopt_roles(["Manager"]):
            api.content.transition(event, transition="publish")
        commit()
        [published] = mails(self.portal, to="choux@example.net")[1:]
        self.assertIn("Publié : Journée portes ouvertes", published.subject)
        self.assertIn(event.Title(), self.visitor.page("agenda").text)
        page = self.visitor.page(event.absolute_url())
        self.assertIn("Montreuil", page.text)
        self.assertIn('href="https://inscription.example.org/jpo"', page.text)
        self.assertIn("Suivre en ligne", page.text)
        self.assertNotIn("choux@example.net", page.text)
        self.assertNotIn(
            "choux@example.net", self.visitor.get_json(event.absolute_url()).text
        )
        ics = self.visitor.page("@@agenda.ics")
        self.assertIn("SUMMARY:Journée portes ouvertes des Choux Lents", ics.text)

    def test_a_duplicate_is_pointed_out_and_can_be_sent_anyway(self):
        self.propose()
        again = self.propose(submitter_email="autre@example.net")
        self.assertIn("attend sa relecture", again.text)
        self.assertEqual(len(self.items("Event", Title="Choux Lents")), 1)
        anyway = self.propose(
            submitter_email="autre@example.net", not_a_duplicate=["selected"]
        )
        self.assertIn("Merci, votre événement est enregistré", anyway.text)
        self.assertEqual(len(self.items("Event", Title="Choux Lents")), 2)

    def test_bad_links_dates_and_files_are_refused_in_french(self):
        for changes, expected in (
            ({"online_url": "javascript:alert(1)"}, "http"),
            ({"end": f"{DAY.isoformat()}T10:00"}, "fin"),
        ):
            response = self.propose(**changes)
            self.assertNotIn("Merci, votre événement", response.text[:3000], changes)
            self.assertIn("error", response.text)
            self.assertIn(expected, response.text.lower(), changes)
        not_an_image = self.propose(
            files={"form.widgets.image": ("affiche.png", b"%PDF-1.4", "image/png")}
        )
        self.assertNotIn("Merci, votre événement", not_an_image.text)
        self.assertEqual(self.items("Event", Title="Choux Lents"), [])
        self.assertEqual(mails(self.portal, to="choux@example.net"), [])

    def test_the_personal_data_page_erases_the_proposers_address(self):
        self.propose()
        [event] = self.items("Event", Title="Choux Lents")
        from coordaction.policy.participation.personal_data import erase_personal_data

        with api.env.adopt_roles(["Manager"]):
            erased = erase_personal_data("choux@example.net")
        self.assertEqual(erased["contacts"], 1)
        self.assertIsNone(event.proposer_email)
