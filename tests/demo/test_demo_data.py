"""The demo's data files: checked like an import, with dates that follow the day
the demo is built."""

from coordaction.policy.demo.build import ensure_users
from coordaction.policy.demo.load import DemoDataError
from coordaction.policy.demo.load import Loader
from coordaction.policy.testing import COORDACTION_INTEGRATION_TESTING
from datetime import date
from datetime import datetime
from plone import api
from plone.app.testing import TEST_USER_ID
from plone.app.testing import setRoles
import pytz
import unittest


PARIS = pytz.timezone("Europe/Paris")


def paris_time(zope_date):
    return zope_date.toZone("Europe/Paris").ISO8601()


def project(**changes):
    item = {
        "id": "la-ruche-essai",
        "state": "published",
        "title": "La Ruche d'essai",
        "stage": "conception",
        "commune": "Villeurbanne",
        "postal_code": "69100",
        "departement": "69",
        "region": "84",
        "start_year": "-2y",
        "move_in_year": "+1y",
    }
    item.update(changes)
    return {
        "section": "projets",
        "portal_type": "ProjectSheet",
        "owner": "contributeur",
        "items": [item],
    }


class TestDemoData(unittest.TestCase):
    layer = COORDACTION_INTEGRATION_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        setRoles(self.portal, TEST_USER_ID, ["Manager"])
        ensure_users()  # the owners of the items
        self.today = date(2031, 3, 1)
        self.loader = Loader(self.portal, self.today)

    def refusal(self, data):
        with self.assertRaises(DemoDataError) as raised:
            self.loader.load_data(data, "projets-essai")
        self.assertNotIn("la-ruche-essai", self.portal["projets"])
        return str(raised.exception)

    def test_relative_dates_follow_the_day_the_demo_is_built(self):
        self.assertEqual(self.loader.load("events"), (21, 0))
        self.assertEqual(self.loader.load("ads"), (22, 0))
        workshop = self.portal["agenda"]["atelier-trouver-du-foncier-avec-sa-commune"]
        # "+12d 18:00" to "+12d 20:00"
        self.assertEqual(workshop.start, PARIS.localize(datetime(2031, 3, 13, 18, 0)))
        self.assertEqual(workshop.end, PARIS.localize(datetime(2031, 3, 13, 20, 0)))
        meeting = self.portal["agenda"][
            "rencontres-nationales-de-lhabitat-participatif"
        ]
        # Three whole days from "+75d".
        self.assertTrue(meeting.whole_day)
        self.assertEqual(meeting.start.date(), date(2031, 5, 15))
        self.assertEqual(meeting.end.date(), date(2031, 5, 17))
        ad = self.portal["petites-annonces"]["groupe-nantais-cherche-deux-foyers"]
        # Published ten days ago, expires in eighty days.
        self.assertEqual(paris_time(ad.effective()), "2031-02-19T09:00:00+01:00")
        self.assertEqual(paris_time(ad.expires()), "2031-05-20T23:00:00+02:00")

        self.assertEqual(self.loader.load_data(project(), "projets-essai"), (1, 0))
        sheet = self.portal["projets"]["la-ruche-essai"]
        self.assertEqual((sheet.start_year, sheet.move_in_year), (2029, 2032))
        self.assertEqual(api.content.get_state(sheet), "published")

    def test_the_data_are_checked_by_the_fields_and_invariants_of_the_types(self):
        self.assertEqual(
            self.refusal(project(region="53")),
            "projets-essai.json, « la-ruche-essai » : Le département 69 n'est pas "
            "dans la région choisie.",
        )
        self.assertEqual(
            self.refusal(project(stage="demolition", postal_code="6910")),
            "projets-essai.json, « la-ruche-essai » : stage : valeur inconnue "
            "« demolition » (valeurs possibles : reflexion, groupe-constitue, "
            "recherche-foncier, conception, chantier, habite). postal_code : Un code "
            "postal compte cinq chiffres, par exemple 69003.",
        )
        self.assertEqual(
            self.refusal(project(stage="habite", start_year="-9y", move_in_year="+1y")),
            "projets-essai.json, « la-ruche-essai » : Le lieu est indiqué comme "
            "habité : l'année d'emménagement (2032) ne peut pas être dans le futur.",
        )
        self.assertEqual(
            self.refusal(project(households=12)),
            "projets-essai.json, « la-ruche-essai » : ProjectSheet n'a pas de champ "
            "households.",
        )
        self.assertEqual(
            self.refusal(project(relatedItems=["trames-types/inexistante"])),
            "projets-essai.json, « la-ruche-essai » : relatedItems : "
            "« trames-types/inexistante » n'existe pas sur le site.",
        )
        self.assertEqual(
            self.refusal(project(effective="demain")),
            "projets-essai.json, « la-ruche-essai » : date illisible « demain » : "
            "« 2024-09-12 », « 2024-09-12 10:00 », « +12d 19:00 » (dans douze jours) "
            "ou « -10d » (il y a dix jours).",
        )
        self.assertEqual(
            self.refusal(project(image={"gif": []})),
            "projets-essai.json, « la-ruche-essai » : image : un fichier s'écrit "
            '{"pdf": [paragraphes]}, {"odt": [paragraphes]}, {"ods": [lignes]} ou '
            '{"png": {"sky": [r, v, b], "walls": [r, v, b]}}.',
        )
