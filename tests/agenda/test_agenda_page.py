"""The page of the Agenda section, through the real server, as visitors see it: the
list of the events to come, the calendar of a month, the filters, the iCalendar
subscription address and the French messages for what the page cannot use."""

from datetime import date
from lxml import html
from tests.agenda.layer import AGENDA_FUNCTIONAL_TESTING
from tests.http import Client
from unittest import mock
import unittest


# The oracle of French names, independent of the translations the page uses.
MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

PUBLISHED_TO_COME = [
    "Permanence juridique",
    "Rencontres nationales",
    "Atelier foncier à Rennes",
    "Formation au financement",
]


def month_title(day):
    return f"{MONTHS[day.month - 1].capitalize()} {day.year}"


def day_title(day):
    number = "1er" if day.day == 1 else str(day.day)
    return f"{WEEKDAYS[day.weekday()]} {number} {MONTHS[day.month - 1]} {day.year}"


def text(element):
    return " ".join(element.text_content().split())


def content(page):
    """The text of the agenda page itself, without the site's menus and portlets."""
    (agenda,) = page.xpath("//div[@class='coordaction-agenda']")
    return text(agenda)


class AgendaPageTestCase(unittest.TestCase):
    layer = AGENDA_FUNCTIONAL_TESTING

    def setUp(self):
        self.portal_url = self.layer["portal"].absolute_url()
        self.months = self.layer["months"]

    def page(self, query="", login=None):
        response = Client(self.portal_url, login).page(f"agenda{query}")
        self.assertEqual(response.status_code, 200, response.text[:2000])
        return html.fromstring(response.text)

    def listed(self, page):
        """The titles of the events in the list, in their order."""
        return [
            text(link)
            for link in page.xpath(
                "//li[contains(@class, 'coordaction-agenda-event')]/h4/a"
            )
        ]

    def event_item(self, page, title):
        (item,) = page.xpath(
            "//li[contains(@class, 'coordaction-agenda-event')]"
            f"[h4/a[normalize-space()='{title}']]"
        )
        return item

    def month_query(self, day):
        return f"?mode=mois&mois={day:%Y-%m}"

    def in_cell(self, page, day):
        """The titles of the events in the calendar cell of a day."""
        (cell,) = page.xpath(f"//td[time[@datetime='{day.isoformat()}']]")
        return [text(link) for link in cell.xpath(".//li/a")]

    def messages(self, page):
        return [
            text(message)
            for message in page.xpath(
                "//div[contains(@class, 'coordaction-agenda-messages')]/p"
            )
        ]


class TestAgendaList(AgendaPageTestCase):
    def test_the_section_shows_the_events_to_come_by_month(self):
        page = self.page()
        self.assertEqual(self.listed(page), PUBLISHED_TO_COME)
        self.assertEqual(
            [
                text(heading)
                for heading in page.xpath(
                    "//section[contains(@class, 'coordaction-agenda-month')]/h3"
                )
            ],
            [month_title(self.months["next"]), month_title(self.months["after"])],
        )
        self.assertIn("4 événements", content(page))

    def test_each_event_says_when_where_and_what_in_french(self):
        page = self.page()
        day = self.months["next"].replace(day=10)
        item = text(self.event_item(page, "Rencontres nationales"))
        self.assertIn(f"{day_title(day).capitalize()}, de 10 h à 17 h", item)
        self.assertIn("Lieu Villeurbanne", item)
        self.assertIn("Région Auvergne-Rhône-Alpes", item)
        self.assertIn("Thème Gouvernance et vie de groupe", item)
        self.assertIn("Tables rondes et visites de projets.", item)
        day = self.months["next"].replace(day=20)
        item = text(self.event_item(page, "Atelier foncier à Rennes"))
        self.assertIn(f"{day_title(day).capitalize()}, de 14 h 30 à 17 h", item)
        self.assertIn("Thèmes Foncier, Collectivités et politiques publiques", item)
        day = self.months["after"].replace(day=5)
        self.assertIn(
            f"{day_title(day).capitalize()}, toute la journée",
            text(self.event_item(page, "Formation au financement")),
        )

    def test_a_recurring_event_shows_once_at_its_next_date(self):
        page = self.page()
        item = text(self.event_item(page, "Permanence juridique"))
        day = self.months["next"].replace(day=3)
        self.assertIn(f"{day_title(day).capitalize()}, de 18 h à 19 h 30", item)
        self.assertIn("événement qui se répète", item)

    def test_each_event_links_to_its_ics_export(self):
        page = self.page()
        item = self.event_item(page, "Atelier foncier à Rennes")
        (link,) = item.xpath(".//a[contains(@href, '/ics_view')]")
        self.assertIn("Ajouter à mon calendrier (.ics)", text(link))
        response = Client(self.portal_url).page(link.get("href"))
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.headers["Content-Type"].startswith("text/calendar"))
        self.assertIn("SUMMARY:Atelier foncier à Rennes", response.text)

    def test_past_events_are_not_listed_but_reachable_in_the_calendar(self):
        page = self.page()
        self.assertNotIn("Visite passée", content(page))
        (link,) = page.xpath("//p[contains(@class, 'coordaction-agenda-past')]/a")
        self.assertIn(self.month_query(self.months["last"]), link.get("href"))

    def test_filters_narrow_the_list(self):
        self.assertEqual(
            self.listed(self.page("?regions=53")), ["Atelier foncier à Rennes"]
        )
        self.assertEqual(
            self.listed(self.page("?themes=gouvernance")), ["Rencontres nationales"]
        )
        self.assertEqual(self.listed(self.page("?regions=53&themes=gouvernance")), [])
        self.assertIn(
            "Aucun événement à venir ne correspond à ces filtres.",
            content(self.page("?regions=53&themes=gouvernance")),
        )

    def test_the_list_is_paged(self):
        with mock.patch("coordaction.policy.agenda.page.AgendaView.page_size", 3):
            first = self.page()
            self.assertEqual(self.listed(first), PUBLISHED_TO_COME[:3])
            following = first.xpath("//ul[@class='pagination']//a")[0]
            second = self.page("?" + following.get("href").split("?", 1)[1])
        self.assertEqual(self.listed(second), PUBLISHED_TO_COME[3:])


class TestAgendaRights(AgendaPageTestCase):
    def test_anonymous_sees_only_published_events(self):
        for query in ("", self.month_query(self.months["next"])):
            page = content(self.page(query))
            self.assertNotIn("Réunion de préparation", page, query)
            self.assertNotIn("Séminaire à relire", page, query)

    def test_a_member_sees_no_draft_of_others(self):
        self.assertEqual(self.listed(self.page(login="membre")), PUBLISHED_TO_COME)

    def test_the_author_sees_her_draft_and_her_event_waiting_for_review(self):
        page = self.page(login="autrice")
        titles = self.listed(page)
        self.assertIn("Réunion de préparation", titles)
        self.assertIn("Séminaire à relire", titles)
        self.assertIn(
            "Brouillon", text(self.event_item(page, "Réunion de préparation"))
        )
        self.assertIn(
            "En attente de relecture",
            text(self.event_item(page, "Séminaire à relire")),
        )
        calendar = self.page(self.month_query(self.months["next"]), login="autrice")
        day = self.months["next"].replace(day=12)
        self.assertEqual(self.in_cell(calendar, day), ["Réunion de préparation"])
        (cell,) = calendar.xpath(f"//td[time[@datetime='{day.isoformat()}']]")
        self.assertIn("Brouillon", text(cell))

    def test_a_reviewer_sees_the_event_to_review_not_the_private_draft(self):
        titles = self.listed(self.page(login="relectrice"))
        self.assertIn("Séminaire à relire", titles)
        self.assertNotIn("Réunion de préparation", titles)


class TestAgendaMonth(AgendaPageTestCase):
    def test_the_month_grid_shows_the_events_of_each_day(self):
        next_month = self.months["next"]
        page = self.page(self.month_query(next_month))
        (heading,) = page.xpath(
            "//section[contains(@class, 'coordaction-agenda-calendar')]/h2"
        )
        self.assertEqual(text(heading), month_title(next_month))
        self.assertEqual(
            self.in_cell(page, next_month.replace(day=10)),
            ["Rencontres nationales", "Permanence juridique"],  # 10 h, then 18 h
        )
        self.assertEqual(
            self.in_cell(page, next_month.replace(day=20)),
            ["Atelier foncier à Rennes"],
        )
        # The weekly event on each of its four dates, the other days empty.
        for day in (3, 17, 24):
            self.assertEqual(
                self.in_cell(page, next_month.replace(day=day)),
                ["Permanence juridique"],
            )
        self.assertEqual(self.in_cell(page, next_month.replace(day=12)), [])
        self.assertNotIn("Formation au financement", content(page))

    def test_weeks_start_on_monday_with_french_day_names(self):
        page = self.page(self.month_query(self.months["next"]))
        headers = page.xpath(
            "//table[contains(@class, 'coordaction-agenda-grid')]//th/abbr"
        )
        self.assertEqual([abbr.get("title") for abbr in headers], list(WEEKDAYS))
        for week in page.xpath(
            "//table[contains(@class, 'coordaction-agenda-grid')]/tbody/tr"
        ):
            days = [
                date.fromisoformat(value) for value in week.xpath("td/time/@datetime")
            ]
            self.assertEqual(len(days), 7)
            self.assertEqual(days[0].weekday(), 0)

    def test_previous_and_next_months_keep_the_filters(self):
        next_month = self.months["next"]
        page = self.page(self.month_query(next_month) + "&regions=53")
        (previous,) = page.xpath("//a[@rel='prev']")
        (following,) = page.xpath("//a[@rel='next']")
        this_month = self.months["this"]
        self.assertEqual(text(previous), f"← {month_title(this_month)}")
        self.assertIn(f"mois={this_month:%Y-%m}", previous.get("href"))
        self.assertIn("regions=53", previous.get("href"))
        self.assertEqual(text(following), f"{month_title(self.months['after'])} →")
        self.assertIn(f"mois={self.months['after']:%Y-%m}", following.get("href"))
        self.assertIn("regions=53", following.get("href"))

    def test_filters_narrow_the_calendar(self):
        next_month = self.months["next"]
        page = self.page(self.month_query(next_month) + "&regions=53")
        self.assertEqual(
            self.in_cell(page, next_month.replace(day=20)), ["Atelier foncier à Rennes"]
        )
        self.assertEqual(self.in_cell(page, next_month.replace(day=10)), [])
        # The form keeps the month and the chosen région.
        self.assertEqual(
            page.xpath("//form//input[@name='mois']/@value"), [f"{next_month:%Y-%m}"]
        )
        self.assertEqual(
            page.xpath("//select[@name='regions']/option[@selected]/@value"), ["53"]
        )

    def test_a_past_month_shows_its_events(self):
        last_month = self.months["last"]
        page = self.page(self.month_query(last_month))
        self.assertEqual(
            self.in_cell(page, last_month.replace(day=15)), ["Visite passée"]
        )

    def test_an_empty_month_says_so(self):
        far = date(self.months["after"].year + 2, 2, 1)
        page = self.page(self.month_query(far))
        self.assertIn("Aucun événement ce mois-ci.", content(page))
        self.assertIn(month_title(far), content(page))


class TestAgendaFiltersForm(AgendaPageTestCase):
    def test_labelled_selects_in_french(self):
        page = self.page()
        for name, label, first in (
            ("regions", "Région", "Toutes les régions"),
            ("themes", "Thème", "Tous les thèmes"),
        ):
            (select,) = page.xpath(f"//form[@method='get']//select[@name='{name}']")
            (label_element,) = page.xpath(f"//label[@for='{select.get('id')}']")
            self.assertEqual(text(label_element), label)
            options = select.xpath("option")
            self.assertEqual((options[0].get("value"), text(options[0])), ("", first))
        self.assertIn("Bretagne", page.xpath("//select[@name='regions']/option/text()"))
        self.assertIn("Foncier", page.xpath("//select[@name='themes']/option/text()"))

    def test_a_select_left_on_all_is_no_filter(self):
        self.assertEqual(self.listed(self.page("?regions=&themes=")), PUBLISHED_TO_COME)


class TestAgendaSubscription(AgendaPageTestCase):
    def test_subscription_address_with_the_filters(self):
        page = self.page("?regions=53&themes=foncier")
        expected = f"{self.portal_url}/agenda.ics?regions=53&themes=foncier"
        self.assertIn(
            "S'abonner à l'agenda dans votre application de calendrier", content(page)
        )
        (field,) = page.xpath("//input[@id='coordaction-agenda-ics-url']")
        self.assertEqual(field.get("value"), expected)
        self.assertTrue(page.xpath(f"//a[@href='{expected}']"))
        webcal = "webcal://" + expected.split("://", 1)[1]
        self.assertTrue(page.xpath(f"//a[@href='{webcal}']"))
        # The address gives the same events, as iCalendar.
        response = Client(self.portal_url).page(expected)
        self.assertEqual(response.status_code, 200)
        self.assertIn("SUMMARY:Atelier foncier à Rennes", response.text)
        self.assertNotIn("Rencontres nationales", response.text)

    def test_without_filters_the_whole_agenda(self):
        (field,) = self.page().xpath("//input[@id='coordaction-agenda-ics-url']")
        self.assertEqual(field.get("value"), f"{self.portal_url}/agenda.ics")


class TestAgendaWrongRequests(AgendaPageTestCase):
    def test_unknown_region_is_said_and_not_applied(self):
        page = self.page("?regions=99")
        self.assertEqual(
            self.messages(page),
            [
                "Région inconnue : « 99 ». Ce filtre n'est pas appliqué : "
                "choisissez une région dans la liste."
            ],
        )
        self.assertEqual(self.listed(page), PUBLISHED_TO_COME)
        (field,) = page.xpath("//input[@id='coordaction-agenda-ics-url']")
        self.assertEqual(field.get("value"), f"{self.portal_url}/agenda.ics")

    def test_unknown_theme_next_to_a_known_region(self):
        page = self.page("?regions=53&themes=cuisine")
        self.assertIn("Thème inconnu : « cuisine ».", self.messages(page)[0])
        self.assertEqual(self.listed(page), ["Atelier foncier à Rennes"])

    def test_what_the_visitor_typed_is_shown_as_text(self):
        response = Client(self.portal_url).page("agenda?regions=<b>99</b>")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("<b>99</b>", response.text)
        self.assertIn(
            "Région inconnue : « <b>99</b> ».",
            self.messages(html.fromstring(response.text))[0],
        )

    def test_bad_month_shows_this_month_with_a_message(self):
        this_month = self.months["this"]
        for value in ("2026-13", "décembre", "0000-01", "2026-1"):
            page = self.page(f"?mode=mois&mois={value}")
            (message,) = self.messages(page)
            self.assertTrue(
                message.startswith(f"Mois invalide : « {value} »."), message
            )
            self.assertIn(
                f"comme {this_month:%Y-%m} pour {month_title(this_month).lower()}.",
                message,
            )
            (heading,) = page.xpath(
                "//section[contains(@class, 'coordaction-agenda-calendar')]/h2"
            )
            self.assertEqual(text(heading), month_title(this_month))

    def test_unknown_mode_shows_the_list(self):
        page = self.page("?mode=semaine")
        self.assertEqual(
            self.messages(page),
            ["Affichage inconnu : « semaine ». Voici la liste des événements à venir."],
        )
        self.assertEqual(self.listed(page), PUBLISHED_TO_COME)

    def test_bad_page_start_shows_the_first_page(self):
        self.assertEqual(self.listed(self.page("?b_start=abc")), PUBLISHED_TO_COME)
