"""A layer with the events of an agenda around "now", built once for the agenda
tests: published events next month and the month after, a past one, a recurring
one, a private draft of its author and an event waiting for review.

The dates move with the day the tests run: next month is always to come, last
month always past."""

from datetime import datetime
from datetime import time
from datetime import timedelta
from plone import api
from plone.app.testing import login
from tests import builders
from tests.http import make_user
from tests.layers import content_layers
import pytz


PARIS = pytz.timezone("Europe/Paris")


def first_days(today):
    """The first days of last month, next month and the month after."""
    this_month = today.replace(day=1)
    last_month = (this_month - timedelta(days=1)).replace(day=1)
    next_month = (this_month + timedelta(days=32)).replace(day=1)
    month_after = (next_month + timedelta(days=32)).replace(day=1)
    return {
        "last": last_month,
        "this": this_month,
        "next": next_month,
        "after": month_after,
    }


def at(day, hour, minute=0):
    return PARIS.localize(datetime.combine(day, time(hour, minute)))


def event(agenda, title, start, end, **fields):
    return api.content.create(
        container=agenda, type="Event", title=title, start=start, end=end, **fields
    )


def create_agenda(portal, months):
    agenda = portal["agenda"]
    next_month, after = months["next"], months["after"]
    builders.publish(
        event(
            agenda,
            "Permanence juridique",
            at(next_month.replace(day=3), 18),
            at(next_month.replace(day=3), 19, 30),
            recurrence="RRULE:FREQ=WEEKLY;COUNT=4",
            location="En ligne",
            regions=["11"],
            themes=["juridique"],
        ),
        event(
            agenda,
            "Rencontres nationales",
            at(next_month.replace(day=10), 10),
            at(next_month.replace(day=10), 17),
            location="Villeurbanne",
            regions=["84"],
            themes=["gouvernance"],
            description="Tables rondes et visites de projets.",
        ),
        event(
            agenda,
            "Atelier foncier à Rennes",
            at(next_month.replace(day=20), 14, 30),
            at(next_month.replace(day=20), 17),
            location="Rennes, salle de la Cité",
            regions=["53"],
            themes=["foncier", "collectivites"],
        ),
        event(
            agenda,
            "Formation au financement",
            at(after.replace(day=5), 0),
            at(after.replace(day=5), 23, 59),
            whole_day=True,
            location="Toulouse",
            regions=["76"],
            themes=["financement"],
        ),
        event(
            agenda,
            "Visite passée",
            at(months["last"].replace(day=15), 14),
            at(months["last"].replace(day=15), 16),
            location="Rennes",
            regions=["53"],
            themes=["foncier"],
        ),
    )
    # An author with the right to add events to the agenda, and her two drafts.
    make_user("autrice")
    api.user.grant_roles(username="autrice", obj=agenda, roles=["Contributor"])
    make_user("relectrice", groups=("Reviewers",))
    make_user("membre")
    login(portal, "autrice")
    event(
        agenda,
        "Réunion de préparation",
        at(next_month.replace(day=12), 18),
        at(next_month.replace(day=12), 20),
        regions=["53"],
        themes=["foncier"],
    )
    pending = event(
        agenda,
        "Séminaire à relire",
        at(next_month.replace(day=14), 9),
        at(next_month.replace(day=14), 12),
        regions=["84"],
        themes=["gouvernance"],
    )
    api.content.transition(pending, transition="submit")


def build_agenda(portal):
    months = first_days(datetime.now(PARIS).date())
    create_agenda(portal, months)
    return {"months": months}


AGENDA = content_layers("Agenda", build_agenda)
AGENDA_FUNCTIONAL_TESTING = AGENDA.functional
