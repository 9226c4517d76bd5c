"""A reviewer opens the edit form of a published resource in the browser and saves
it without touching anything: its publication date does not move."""

from datetime import UTC
from playwright.sync_api import expect
from plone import api
from tests.acceptance.browser import requires_chromium
from tests.acceptance.layer import RESOURCES
from tests.acceptance.layer import JourneyTestCase
from tests.timezones import server_time_zone
from zoneinfo import ZoneInfo


@requires_chromium
class TestDatesJourney(JourneyTestCase):
    def test_saving_a_published_resource_unchanged_keeps_its_publication_date(self):
        title = RESOURCES[0][0]
        (brain,) = api.content.find(portal_type="Resource", Title=title)
        resource = brain.getObject()
        published = resource.effective_date.ISO8601()
        path = resource.absolute_url(relative=True).split("/", 1)[1]
        with (
            server_time_zone("Europe/Paris"),
            self.browsing("rosalie", start=f"{path}/edit") as page,
        ):
            # The form shows the date in Paris time (the server stamped it in UTC).
            shown = (
                resource.effective_date.utcdatetime()
                .replace(tzinfo=UTC)
                .astimezone(ZoneInfo("Europe/Paris"))
            )
            expect(page.locator("#form-widgets-IDublinCore-effective")).to_have_value(
                f"{shown:%Y-%m-%dT%H:%M}"
            )
            page.get_by_role("button", name="Enregistrer").click()
            expect(page.locator(".statusmessage")).to_contain_text(
                "Modifications sauvegardées"
            )
            expect(page.locator("h1")).to_have_text(title)
        resource._p_jar.sync()
        self.assertEqual(resource.effective_date.ISO8601(), published)
        (brain,) = api.content.find(UID=resource.UID())
        self.assertEqual(brain.effective.ISO8601(), published)
