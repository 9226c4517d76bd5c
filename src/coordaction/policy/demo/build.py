"""Demo content in French, so that a newcomer can try every feature of the portal.

    from coordaction.policy.demo.build import create_demo_content
    created = create_demo_content(portal)

The content is data: ``content/*.json``, one file per section, loaded by ``load``
(read its docstring for the format) through the import's checks. It holds the
demo accounts (one per role; their passwords are public: FOR LOCAL USE ONLY), 63
resources (a few waiting for review), 17 legal templates (one of them obsolete,
with its successor), 89 project sheets on the map, three working groups with their
members and documents, 21 events in the coming months, 21 classified ads (three
expired), 6 situations of the legal and financial observatory (one a draft), 7
pictures of the photo bank (one waiting for review), two editions of the national
meetings with their proposals, and 8 chantiers with offers of help in every state
(and a member whose skills alert is on); two members follow groups, a section and
a chantier, their first digest due at the scheduled job's next round; the letter of
the month, a draft of the letter's team, made of the month's publications; an
open-days campaign a month from now, with three projects taking part.

Idempotent: every item has a stable id, and what already exists is left exactly as
it is (an administrator may have edited it); running it again creates nothing. The
content is deterministic: only the dates the data write relative to today (events,
ads, the years of projects under way) follow the day of the first run. No e-mail is
sent while the content is created.
"""

from contextlib import contextmanager
from coordaction.content.dates import month_name
from coordaction.content.sections import AGENDA
from coordaction.content.sections import PHOTO_BANK
from coordaction.content.sections import PROJECTS
from coordaction.content.site_items import LETTER_ARCHIVE
from coordaction.policy.demo.load import Loader
from coordaction.policy.demo.load import read
from coordaction.policy.security.cors_settings import allow_origin
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from plone import api
from plone.app.event.base import default_timezone
from plone.app.textfield.value import RichTextValue
from Products.CMFCore.indexing import processQueue
from z3c.relationfield import RelationValue
from zope.component import getUtility
from zope.intid.interfaces import IIntIds


# The keys of the summary create_demo_content returns, in French, in order.
CATEGORIES = (
    ("users", "comptes de démonstration"),
    ("resources", "ressources"),
    ("templates", "trames-types"),
    ("projects", "fiches projets"),
    ("groups", "groupes de travail"),
    ("group_items", "documents de groupes"),
    ("events", "événements"),
    ("ads", "petites annonces"),
    ("editions", "éditions des RNHP"),
    ("proposals", "propositions de contribution"),
    ("workstreams", "chantiers"),
    ("situations", "situations de l'observatoire"),
    ("images", "images de la banque d'images"),
    ("letters", "lettres d'information"),
    ("open_days", "campagnes de portes ouvertes"),
    ("kept_sheets", "fiches tenues par leur groupe"),
    ("exhibitions", "expositions"),
)

# The data files, in the order they are loaded (the observatory links to the
# templates), with the categories of what they create and of what that contains.
DATA_FILES = (
    ("resources", "resources", None),
    ("templates", "templates", None),
    ("projects", "projects", None),
    ("groups", "groups", "group_items"),
    ("events", "events", None),
    ("ads", "ads", None),
    ("observatory", "situations", None),
    ("photobank", "images", None),
    ("meetings", "editions", "proposals"),
    # After the meetings and the resources: a chantier links to both.
    ("chantiers", "workstreams", None),
)

# The association's page of docs/widget-exemple.html, as `make widget-example`
# serves it: allowed to show the portal's content on a local portal.
WIDGET_EXAMPLE_SITE = "http://localhost:8081"


def demo_accounts():
    """The demo accounts: dicts of login, password, fullname, email, groups, role."""
    return read("accounts")


@contextmanager
def quiet_notifications():
    """No e-mail to reviewers, authors or alert subscribers for the hundreds of
    demo publications.

    It swaps module functions for the time of the call: meant for a script or a
    test, not for a request of a running, multi-threaded server."""
    from coordaction.policy.matching import alerts
    from coordaction.policy.meetings import notices as meeting_notices
    from coordaction.policy.workstreams import alerts as skill_alerts
    from coordaction.policy.workstreams import notices as offer_notices
    from coordaction.workflows import notifications

    send, announce = notifications.send_notice, alerts.announce
    send_meeting = meeting_notices.send_notice
    send_offer, announce_chantier = offer_notices.send_notice, skill_alerts.announce
    notifications.send_notice = lambda *args, **kwargs: 0
    meeting_notices.send_notice = lambda *args, **kwargs: 0
    offer_notices.send_notice = lambda *args, **kwargs: 0
    alerts.announce = lambda item: []
    skill_alerts.announce = lambda item: []
    try:
        yield
    finally:
        notifications.send_notice, alerts.announce = send, announce
        meeting_notices.send_notice = send_meeting
        offer_notices.send_notice = send_offer
        skill_alerts.announce = announce_chantier


def ensure_users():
    """Create the demo accounts that are missing; return the new ones."""
    created = []
    for account in demo_accounts():
        if api.user.get(username=account["login"]) is not None:
            continue
        api.user.create(
            email=account["email"],
            username=account["login"],
            password=account["password"],
            properties={"fullname": account["fullname"]},
        )
        for group in account["groups"]:
            api.group.add_user(groupname=group, username=account["login"])
        if account.get("skills"):
            set_up_skills(account["login"], account["skills"])
        created.append(account)
    return created


def set_up_follows(login, follows_data, portal):
    """What a new demo account follows; its first digest covers the last week, so
    that the scheduled job's first round sends one."""
    from coordaction.policy.following import follows

    user_id = api.user.get(username=login).getId()
    for path in follows_data["places"]:
        follows.follow(user_id, portal.unrestrictedTraverse(path))
    follows.set_frequency(user_id, follows_data["frequency"])
    follows.mark_sent(user_id, follows.now() - timedelta(days=7))


def set_up_skills(login, skills):
    """A demo account's skills, with the chantiers alert already confirmed."""
    from coordaction.policy.workstreams import skills as member_skills

    user_id = api.user.get(username=login).getId()
    member_skills.confirm(member_skills.set_skills(user_id, skills, alert=True))


# What a working group of the data says besides its fields: its roster.
ROSTER_KEYS = ("coordinators", "members", "join_requests")


def set_up_roster(space, roster):
    from coordaction.workflows.spaces.roster import WorkingGroupRoster

    group = WorkingGroupRoster(space)
    for login in roster.get("coordinators", ()):
        group.add(login, coordinator=True)
    for login in roster.get("members", ()):
        group.add(login, coordinator=False)
    for login in roster.get("join_requests", ()):
        # A demo request is not news for the demo coordinator's mailbox.
        group.request_to_join(api.user.get(username=login).getId(), announce=False)


# What a chantier of the data says besides its fields: the offers of help.
OFFER_KEYS = ("offers",)


def set_up_offers(workstream, extras):
    from coordaction.policy.workstreams.offers import WorkstreamOffers

    offers = WorkstreamOffers(workstream)
    # Offered while it was open, whatever its status now.
    status, workstream.workstream_status = workstream.workstream_status, "ouvert"
    for offer in extras.get("offers", ()):
        user_id = api.user.get(username=offer["person"]).getId()
        offers.offer(user_id, offer["skills"], offer["availability"], offer["message"])
        if offer["state"] != "offered":
            offers.answer(user_id, accepted=offer["state"] == "accepted")
    workstream.workstream_status = status


LETTER_EDITORIAL = (
    "<p>Bonjour à toutes et à tous,</p>"
    "<p>Voici ce que le réseau a publié ce mois-ci : de nouvelles ressources, des "
    "projets qui cherchent des foyers, les rencontres à venir. Bonne lecture !</p>"
)
LETTER_BLOCKS = (
    "<h2>Appel aux bonnes volontés</h2>"
    "<p>Le groupe communication cherche des relecteurs pour la prochaine lettre : "
    "écrivez-nous depuis la page « Nous contacter ».</p>"
)


def set_up_letter(portal, today):
    """The letter of the month, a draft (its publications proposed as a new
    letter's are), unless the archive has a letter already: how many created."""
    archive = portal.get(LETTER_ARCHIVE)
    if archive is None or archive.objectIds():
        return 0
    month = month_name(today.month, "fr")
    api.content.create(
        container=archive,
        type="Newsletter",
        id=f"lettre-{today:%Y-%m}",
        title=f"La lettre de {month} {today.year}",
        description="Ce que le réseau a publié ce mois-ci, et ce qui vient.",
        period_start=today.replace(day=1),
        period_end=today,
        editorial=RichTextValue(LETTER_EDITORIAL, "text/html", "text/x-html-safe"),
        free_blocks=RichTextValue(LETTER_BLOCKS, "text/html", "text/x-html-safe"),
        creators=("relectrice",),
    )
    return 1


# The projects that open their doors in the demo's campaign: (id, days after
# the campaign's first day, from, until).
OPEN_DAYS = (
    ("la-ruche-de-villeurbanne-villeurbanne", 0, 10, 17),
    ("les-choux-lents-montreuil", 1, 14, 18),
    ("lecoquartier-des-tilleuls-rennes", 6, 10, 12),
)


def set_up_open_days(portal, today):
    """An open-days campaign in the agenda, a month from now, and three projects
    that take part: how many campaigns created."""
    agenda = portal.get(AGENDA)
    if agenda is None or "journees-portes-ouvertes" in agenda.objectIds():
        return 0
    first = today + timedelta(days=30)
    campaign = api.content.create(
        container=agenda,
        type="OpenDaysCampaign",
        id="journees-portes-ouvertes",
        title="Journées portes ouvertes de l'habitat participatif",
        description="Les groupes du réseau vous accueillent chez eux.",
        first_day=first,
        last_day=first + timedelta(days=8),
    )
    api.content.transition(campaign, to_state="published")
    zone = default_timezone(portal, as_tzinfo=True)
    for project_id, after, start, end in OPEN_DAYS:
        sheet = portal[PROJECTS].get(project_id)
        if sheet is None:
            continue
        day = first + timedelta(days=after)
        sheet.open_day_start = zone.localize(datetime.combine(day, time(start)))
        sheet.open_day_end = zone.localize(datetime.combine(day, time(end)))
        sheet.reindexObject()
    return 1


# (sheet id, the account that keeps it): the project groups' own keepers.
KEPT_SHEETS = (("les-choux-lents-montreuil", "membre-groupe"),)
# A sheet nobody confirmed for more than two years: "Informations à confirmer".
STALE_SHEET = "la-boucle-habitee-besancon"


def set_up_sheet_keepers(portal, today):
    """The sheets kept by a member of their group, and one left unconfirmed for two
    years and more: how many sheets were entrusted."""
    from coordaction.policy.project_groups import maintainers

    entrusted = 0
    for sheet_id, login in KEPT_SHEETS:
        sheet = portal[PROJECTS].get(sheet_id)
        user = api.user.get(username=login)
        if sheet is None or user is None or maintainers.maintainers(sheet):
            continue
        token, _mail = maintainers.ask(sheet, user.getId())
        entrusted += bool(maintainers.entrust(sheet, token))
    stale = portal[PROJECTS].get(STALE_SHEET)
    if stale is not None and entrusted:
        stale.confirmed_on = today - timedelta(days=800)
        stale.reindexObject(idxs=["up_to_date"])
    return entrusted


# The photos of the demo's exhibition, in its order: paths from the site root.
EXHIBITION_PHOTOS = (
    "projets/les-choux-lents-montreuil/le-jardin-des-choux-lents",
    "banque-d-images/salle-commune-d-un-habitat-participatif",
    "banque-d-images/chantier-participatif-ossature-bois",
    "projets/les-choux-lents-montreuil/la-cuisine-partagee-des-choux-lents",
    "banque-d-images/jardin-partage-au-pied-de-l-immeuble",
)


def set_up_exhibition(portal):
    """An exhibition of the photo bank, made of the bank's photos and a project's:
    how many exhibitions created."""
    bank = portal.get(PHOTO_BANK)
    if bank is None or "exposition-rnhp" in bank.objectIds():
        return 0
    intids = getUtility(IIntIds)
    photos = [portal.unrestrictedTraverse(path, None) for path in EXHIBITION_PHOTOS]
    exhibition = api.content.create(
        container=bank,
        type="Exhibition",
        id="exposition-rnhp",
        title="Exposition RNHP : habiter ensemble",
        description="Les photos des groupes du réseau, présentées aux Rencontres nationales.",
        photos=[RelationValue(intids.getId(photo)) for photo in photos if photo],
    )
    api.content.transition(exhibition, to_state="published")
    return 1


def create_demo_content(portal, today=None):
    """Create what is missing of the demo content; return {category: number created}.
    ``today``: the day the relative dates of the data count from (default: today)."""
    loader = Loader(
        portal,
        today or date.today(),
        extras={
            "WorkingGroup": (ROSTER_KEYS, set_up_roster),
            "Workstream": (OFFER_KEYS, set_up_offers),
        },
    )
    created = {}
    with api.env.adopt_roles(["Manager"]), quiet_notifications():
        accounts = ensure_users()
        created["users"] = len(accounts)
        allow_origin(WIDGET_EXAMPLE_SITE)
        for name, category, inside in DATA_FILES:
            created[category], contained = loader.load(name)
            if inside:
                created[inside] = contained
        for account in accounts:
            if account.get("follows"):
                set_up_follows(account["login"], account["follows"], portal)
        created["letters"] = set_up_letter(portal, today or date.today())
        created["open_days"] = set_up_open_days(portal, today or date.today())
        created["kept_sheets"] = set_up_sheet_keepers(portal, today or date.today())
        created["exhibitions"] = set_up_exhibition(portal)
        # Index now, while the site is the active component site.
        processQueue()
    return {key: created[key] for key, _label in CATEGORIES}
