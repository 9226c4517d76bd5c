"""Feeds for calendar applications and feed readers."""

from tests.http import Client
from tests.resourcecentre.layer import SAMPLE_CONTENT_FUNCTIONAL_TESTING
import feedparser
import icalendar
import unittest


class TestAgendaICalendar(unittest.TestCase):
    layer = SAMPLE_CONTENT_FUNCTIONAL_TESTING

    def setUp(self):
        self.client = Client(self.layer["portal"].absolute_url())

    def events(self, query=""):
        response = self.client.page(f"agenda.ics{query}")
        self.assertEqual(response.status_code, 200, response.text[:500])
        self.assertTrue(response.headers["Content-Type"].startswith("text/calendar"))
        calendar = icalendar.Calendar.from_ical(response.content)
        return sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT"))

    def test_one_feed_for_the_published_events_to_come(self):
        self.assertEqual(
            self.events(), ["Atelier foncier à Rennes", "Rencontres nationales"]
        )

    def test_filtered_by_region_and_theme(self):
        self.assertEqual(self.events("?regions=53"), ["Atelier foncier à Rennes"])
        self.assertEqual(self.events("?themes=gouvernance"), ["Rencontres nationales"])
        self.assertEqual(
            self.events("?themes=gouvernance&themes=foncier"),
            ["Atelier foncier à Rennes", "Rencontres nationales"],
        )

    def test_a_bad_filter_is_a_400(self):
        response = self.client.page("agenda.ics?regions=99")
        self.assertEqual(response.status_code, 400)
        self.assertIn("Valeur inconnue pour « regions » : 99", response.text)


class TestNewsFeeds(unittest.TestCase):
    layer = SAMPLE_CONTENT_FUNCTIONAL_TESTING

    def setUp(self):
        self.client = Client(self.layer["portal"].absolute_url())

    def titles(self, path):
        response = self.client.page(path)
        self.assertEqual(response.status_code, 200, path)
        feed = feedparser.parse(response.content)
        self.assertFalse(feed.bozo, (path, feed.get("bozo_exception")))
        return [entry.title for entry in feed.entries]

    def test_new_resources_in_rss_and_atom(self):
        for path in (
            "nouvelles-ressources/rss.xml",
            "nouvelles-ressources/atom.xml",
            "nouvelles-ressources/RSS",
        ):
            titles = self.titles(path)
            self.assertEqual(
                sorted(titles),
                sorted(
                    [
                        "Guide du foncier",
                        "Guide du financement",
                        "Étude sur la coopérative",
                        "Monter un groupe d'habitants",
                        "Vidéo des rencontres",
                    ]
                ),
                path,
            )

    def test_new_ads_leave_out_expired_ones(self):
        self.assertEqual(
            self.titles("nouvelles-annonces/atom.xml"), ["Annonce actuelle"]
        )
