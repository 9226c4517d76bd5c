"""An open-days campaign as the public and the project groups live it over HTTP:
the editorial team opens it in the agenda; a group gives its open day on its
sheet; the campaign's page, map and iCalendar feed show the published projects
whose open day falls within the campaign, and only those."""

from datetime import date
from datetime import datetime
from datetime import timedelta
from plone import api
from plone.app.event.base import default_timezone
from tests import builders
from tests.http import SiteTestCase
from tests.http import admin
import icalendar
import lxml.html


FIRST = date.today() + timedelta(days=30)
LAST = FIRST + timedelta(days=8)


def at(day, hour):
    zone = default_timezone(api.portal.get(), as_tzinfo=True)
    return zone.localize(datetime(day.year, day.month, day.day, hour))


class TestOpenDays(SiteTestCase):
    def build(self):
        portal = self.portal
        self.campaign = api.content.create(
            container=portal["agenda"],
            type="OpenDaysCampaign",
            title="Journées portes ouvertes 2027",
            first_day=FIRST,
            last_day=LAST,
        )
        builders.publish(self.campaign)
        projects = portal["projets"]
        self.opening = builders.project_sheet(
            projects,
            title="Le Village Vertical",
            open_day_start=at(FIRST + timedelta(days=1), 10),
            open_day_end=at(FIRST + timedelta(days=1), 17),
        )
        self.later = builders.project_sheet(
            projects,
            title="Les Voisins d'après",
            open_day_start=at(LAST + timedelta(days=3), 10),
            open_day_end=at(LAST + timedelta(days=3), 12),
        )
        self.draft = builders.project_sheet(
            projects,
            title="Brouillon discret",
            open_day_start=at(FIRST, 14),
            open_day_end=at(FIRST, 16),
        )
        builders.publish(self.opening, self.later)

    def test_the_campaign_lists_the_public_projects_of_its_days(self):
        page = self.anonymous.page(self.campaign.absolute_url())
        self.assertEqual(page.status_code, 200)
        document = lxml.html.fromstring(page.text)
        listed = [
            a.text_content().strip()
            for a in document.cssselect(".coordaction-open-days-list h3 a")
        ]
        self.assertEqual(listed, ["Le Village Vertical"])
        text = " ".join(document.cssselect("main")[0].text_content().split())
        self.assertIn("de 10 h à 17 h", text)
        self.assertIn("Villeurbanne", text)

        geojson = self.anonymous.page(
            f"{self.campaign.absolute_url()}/@@portes-ouvertes.geojson"
        ).json()
        [feature] = geojson["features"]
        self.assertEqual(feature["properties"]["title"], "Le Village Vertical")
        self.assertIn("10 h", feature["properties"]["open_day"])
        self.assertNotIn("contact_email", feature["properties"])

        ics = self.anonymous.page(
            f"{self.campaign.absolute_url()}/@@portes-ouvertes.ics"
        )
        self.assertTrue(ics.headers["Content-Type"].startswith("text/calendar"))
        [event] = icalendar.Calendar.from_ical(ics.content).walk("VEVENT")
        self.assertEqual(str(event["SUMMARY"]), "Portes ouvertes : Le Village Vertical")
        start = event.decoded("DTSTART")
        self.assertEqual((start.hour, str(start.tzinfo)), (10, "Europe/Paris"))

    def test_a_group_gives_its_open_day_through_the_api(self):
        client = admin(self.url)
        url = self.later.absolute_url()
        day = FIRST + timedelta(days=2)
        # An API client says at which offset its times are (Paris's, that day).
        offset = at(day, 9).strftime("%z")
        offset = f"{offset[:3]}:{offset[3:]}"
        response = client.api(
            "PATCH",
            url,
            json={
                "open_day_start": f"{day.isoformat()}T09:00:00{offset}",
                "open_day_end": f"{day.isoformat()}T12:00:00{offset}",
            },
        )
        self.assertEqual(response.status_code, 204, response.text)
        read = client.get_json(url).json()
        self.assertTrue(read["open_day_start"].startswith(f"{day.isoformat()}T"))
        page = self.anonymous.page(self.campaign.absolute_url())
        self.assertIn("Les Voisins d", page.text)
        self.assertIn("de 9 h à 12 h", " ".join(page.text.split()))

        half = client.api(
            "PATCH", url, json={"open_day_start": None, "open_day_end": f"{day}T12:00"}
        )
        self.assertEqual(half.status_code, 400)
        self.assertIn("le début et la fin", half.json()["message"])

    def test_the_agenda_offers_the_campaign_to_the_editorial_team(self):
        page = admin(self.url).page("agenda")
        self.assertIn("++add++OpenDaysCampaign", page.text)
