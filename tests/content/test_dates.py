"""Publication, expiration and event dates stay put when an item is saved
unchanged, through the edit form and through REST, whatever the server's TZ."""

from coordaction.policy.testing import COORDACTION_FUNCTIONAL_TESTING
from DateTime import DateTime
from datetime import datetime
from plone import api
from tests import builders
from tests.http import Client
from tests.http import admin
from tests.http import as_manager
from tests.http import commit
from tests.timezones import SERVER_ZONES
from tests.timezones import server_time_zone
import pytz
import unittest


PARIS = pytz.timezone("Europe/Paris")
# Published at 14:53 and some seconds (as the "publish" transition stamps it),
# in winter (UTC+1) and in summer (UTC+2).
PUBLISHED = {
    "hiver": datetime(2026, 1, 15, 14, 53, 27),
    "ete": datetime(2026, 7, 15, 14, 53, 27),
}
CASES = [
    (zone, season, published)
    for zone in SERVER_ZONES
    for season, published in PUBLISHED.items()
]


def paris(moment):
    return PARIS.localize(moment)


def in_paris(moment):
    """A DateTime at ``moment`` (naive, Paris wall-clock time), with its offset."""
    return DateTime(paris(moment).isoformat())


class DatesCase(unittest.TestCase):
    layer = COORDACTION_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal = self.layer["portal"]
        as_manager(self.portal)
        self.client = admin(self.portal.absolute_url())

    def for_each_case(self, check):
        """``check(name, published)`` for each server time zone and season, with
        the server in that zone; a failure is reported for its case."""
        for zone, season, published in CASES:
            with self.subTest(server=zone, season=season), server_time_zone(zone):
                check(f"{season} {zone}", published)

    def published_resource(self, title, published):
        resource = builders.publish(
            builders.resource(self.portal["centre-de-ressources"], title=title)
        )
        resource.setEffectiveDate(in_paris(published))
        resource.setExpirationDate(in_paris(published.replace(year=2030)))
        resource.reindexObject()
        return resource

    def event(self, title, start):
        # Scheduled to the minute, as the form of an event sets it.
        start = start.replace(second=0)
        event = api.content.create(
            container=self.portal["agenda"],
            type="Event",
            title=title,
            start=paris(start),
            end=paris(start.replace(hour=18)),
        )
        return builders.publish(event)

    def assertPatchedBackUnchanged(self, item, *fields):
        """GET the item, PATCH back the ``fields`` read, GET again: the same."""
        read = self.client.get_json(item.absolute_url()).json()
        body = {field: read[field] for field in fields}
        written = self.client.api("PATCH", item.absolute_url(), json=body)
        self.assertEqual(written.status_code, 204, written.text)
        again = self.client.get_json(item.absolute_url()).json()
        self.assertEqual({field: again[field] for field in fields}, body)

    def assertDatesKept(self, item, effective, expires):
        item._p_jar.sync()
        self.assertEqual(
            (item.effective_date.ISO8601(), item.expiration_date.ISO8601()),
            (effective.ISO8601(), expires.ISO8601()),
        )
        (brain,) = api.content.find(UID=item.UID())
        self.assertEqual(brain.effective.ISO8601(), effective.ISO8601())
        # Still listed: the public search finds it now.
        found = Client(self.portal.absolute_url()).get_json(f"@search?UID={item.UID()}")
        self.assertEqual(found.json()["items_total"], 1, found.text)


class TestPublicationDates(DatesCase):
    def test_edit_form_saved_unchanged_keeps_the_dates(self):
        def check(name, published):
            resource = self.published_resource(f"Formulaire {name}", published)
            effective, expires = resource.effective_date, resource.expiration_date
            commit()
            form = self.client.page(f"{resource.absolute_url()}/edit")
            self.assertIn(
                f'value="{published:%Y-%m-%dT%H:%M}"',
                form.text,
                "shown in Paris time",
            )
            saved = self.client.save_unchanged(f"{resource.absolute_url()}/edit")
            self.assertIn("Modifications sauvegardées", saved.text)
            self.assertDatesKept(resource, effective, expires)

        self.for_each_case(check)

    def test_rest_patch_of_the_dates_read_keeps_them(self):
        def check(name, published):
            resource = self.published_resource(f"REST {name}", published)
            effective, expires = resource.effective_date, resource.expiration_date
            commit()
            self.assertPatchedBackUnchanged(resource, "effective", "expires")
            self.assertDatesKept(resource, effective, expires)

        self.for_each_case(check)

    def test_rest_date_with_an_offset_is_the_same_instant(self):
        resource = self.published_resource("Décalage", PUBLISHED["ete"])
        commit()
        for zone in SERVER_ZONES:
            with self.subTest(server=zone), server_time_zone(zone):
                written = self.client.api(
                    "PATCH",
                    resource.absolute_url(),
                    json={"effective": "2026-07-15T14:53:27+02:00"},
                )
                self.assertEqual(written.status_code, 204, written.text)
                read = self.client.get_json(resource.absolute_url()).json()
                self.assertEqual(read["effective"], "2026-07-15T12:53:27+00:00")


class TestEventDates(DatesCase):
    def test_edit_form_saved_unchanged_keeps_start_and_end(self):
        def check(name, published):
            event = self.event(f"Atelier {name}", published)
            start, end = event.start, event.end
            commit()
            saved = self.client.save_unchanged(f"{event.absolute_url()}/edit")
            self.assertIn("Modifications sauvegardées", saved.text)
            event._p_jar.sync()
            self.assertEqual((event.start, event.end), (start, end))

        self.for_each_case(check)

    def test_rest_patch_of_start_and_end_read_keeps_them(self):
        def check(name, published):
            event = self.event(f"Rencontre {name}", published)
            start, end = event.start, event.end
            commit()
            self.assertPatchedBackUnchanged(event, "start", "end")
            event._p_jar.sync()
            self.assertEqual((event.start, event.end), (start, end))

        self.for_each_case(check)
