"""Demo content in French, so that a newcomer can try every feature of the portal.

    from coordaction.policy.demo.build import create_demo_content
    created = create_demo_content(portal)

Creates the demo accounts (one per role; their passwords are public: FOR LOCAL USE
ONLY), 63 resources (a few waiting for review), 17 legal templates (one of them
obsolete, with its successor), 89 project sheets on the map, three working groups
with their members and documents, 21 events in the coming months, 21 classified
ads (three expired), 6 situations of the legal and financial observatory (one a
draft) and 7 pictures of the photo bank (one waiting for review).

Idempotent: every item has a stable id, and what already exists is left exactly as
it is (an administrator may have edited it); running it again creates nothing. The
content is deterministic: only the dates of events and ads follow the day of the
first run. No e-mail is sent while the content is created.
"""

from contextlib import contextmanager
from coordaction.content.sections import ADS
from coordaction.content.sections import AGENDA
from coordaction.content.sections import OBSERVATORY
from coordaction.content.sections import PHOTO_BANK
from coordaction.content.sections import PROJECTS
from coordaction.content.sections import RESOURCE_CENTRE
from coordaction.content.sections import TEMPLATES
from coordaction.content.sections import WORKING_GROUPS
from coordaction.policy.demo import ads as ads_data
from coordaction.policy.demo import agenda as agenda_data
from coordaction.policy.demo import files
from coordaction.policy.demo import groups as groups_data
from coordaction.policy.demo import observatory as observatory_data
from coordaction.policy.demo import photobank as photobank_data
from coordaction.policy.demo import projects as projects_data
from coordaction.policy.demo import resources as resources_data
from coordaction.policy.demo import templates as templates_data
from coordaction.policy.demo.users import DEMO_USERS
from coordaction.policy.demo.users import email_of
from DateTime import DateTime
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from plone import api
from plone.app.textfield.value import RichTextValue
from Products.CMFCore.indexing import processQueue
import pytz


PARIS = pytz.timezone("Europe/Paris")
CONTRIBUTOR = "contributeur"
SITE_ADMINISTRATOR = "admin-demo"


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
    ("situations", "situations de l'observatoire"),
    ("images", "images de la banque d'images"),
)


def slug(text):
    return projects_data.slug(text)


def rich_text(html):
    return RichTextValue(html, "text/html", "text/x-html-safe")


def zope_date(day, hour=10):
    """A DateTime at the given hour, Paris time, on a ``date``."""
    return DateTime(
        f"{day.year}/{day.month:02d}/{day.day:02d} {hour:02d}:00:00 Europe/Paris"
    )


@contextmanager
def quiet_notifications():
    """No e-mail to reviewers, authors or alert subscribers for the hundreds of
    demo publications.

    It swaps module functions for the time of the call: meant for a script or a
    test, not for a request of a running, multi-threaded server."""
    from coordaction.policy.matching import alerts
    from coordaction.workflows import notifications

    send, announce = notifications.send_notice, alerts.announce
    notifications.send_notice = lambda *args, **kwargs: 0
    alerts.announce = lambda item: []
    try:
        yield
    finally:
        notifications.send_notice, alerts.announce = send, announce


def create(container, portal_type, item_id, owner, **fields):
    """Create an item as ``owner``, who is then its creator and Owner."""
    with api.env.adopt_user(username=owner):
        return api.content.create(
            container=container,
            type=portal_type,
            id=item_id,
            safe_id=False,
            **fields,
        )


def publish(item, effective=None):
    """Publish as a Manager, with a publication date (else it is now)."""
    if effective is not None:
        item.setEffectiveDate(effective)
    api.content.transition(item, to_state="published")
    item.reindexObject(idxs=["effective", "effectiveRange", "expires"])


def set_state(item, state, owner, effective=None):
    if state == "published":
        publish(item, effective)
    elif state == "pending":
        with api.env.adopt_user(username=owner):
            api.content.transition(item, transition="submit")


# --- Accounts ---------------------------------------------------------------
def ensure_users():
    created = 0
    for login, password, fullname, groups, _role in DEMO_USERS:
        if api.user.get(username=login) is not None:
            continue
        api.user.create(
            email=email_of(login),
            username=login,
            password=password,
            properties={"fullname": fullname},
        )
        for group in groups:
            api.group.add_user(groupname=group, username=login)
        created += 1
    return created


# --- Resource centre ----------------------------------------------------------
def attachment_fields(item_id, title, attachment):
    if attachment is None:
        return {}
    kind, value = attachment
    if kind == "link":
        return {"external_url": value}
    if kind == "pdf":
        return {"file": files.pdf_file(f"{item_id}.pdf", title, value)}
    return {"file": files.odt_file(f"{item_id}.odt", title, value)}


def create_resources(portal):
    centre = portal[RESOURCE_CENTRE]
    created = 0
    for index, resource in enumerate(resources_data.RESOURCES):
        (
            title,
            description,
            kind,
            themes,
            audiences,
            regions,
            year,
            license_spdx,
            authors,
            organisation,
            attachment,
            state,
        ) = resource
        item_id = slug(title)
        if item_id in centre:
            continue
        item = create(
            centre,
            "Resource",
            item_id,
            CONTRIBUTOR,
            title=title,
            description=description,
            text=rich_text(f"<p>{description}</p>"),
            resource_kind=kind,
            themes=list(themes),
            audiences=list(audiences),
            regions=list(regions),
            year=year,
            authors=list(authors),
            organisation=organisation,
            license_spdx=license_spdx,
            rights_holder=organisation,
            attribution_text=f"{title} / {organisation}",
            language="fr",
            **attachment_fields(item_id, title, attachment),
        )
        published_on = date(year, 1 + (index * 5) % 12, 1 + (index * 11) % 28)
        set_state(item, state, CONTRIBUTOR, zope_date(published_on))
        created += 1
    return created


# --- Legal templates ------------------------------------------------------------
def template_files(template):
    item_id, title, content = template["id"], template["title"], template["content"]
    if template["format"] == "ods":
        fields = {"file_editable": files.ods_file(f"{item_id}.ods", title, content)}
        paragraphs = [" ; ".join(str(cell) for cell in row) for row in content]
    else:
        fields = {"file_editable": files.odt_file(f"{item_id}.odt", title, content)}
        paragraphs = content
    if template["pdf"]:
        fields["file_pdf"] = files.pdf_file(f"{item_id}.pdf", title, paragraphs)
    return fields


def create_templates(portal):
    from z3c.relationfield import RelationValue
    from zope.component import getUtility
    from zope.intid.interfaces import IIntIds

    section = portal[TEMPLATES]
    created = []
    for template in templates_data.TEMPLATES:
        item_id = template["id"]
        if item_id in section:
            continue
        fields = {}
        if item_id == templates_data.OBSOLETE:
            successor = section.get(templates_data.SUCCESSOR)
            if successor is not None:
                fields["superseded_by"] = RelationValue(
                    getUtility(IIntIds).getId(successor)
                )
        item = create(
            section,
            "LegalTemplate",
            item_id,
            CONTRIBUTOR,
            title=template["title"],
            description=template["description"],
            document_kind=template["document_kind"],
            legal_forms=list(template["legal_forms"]),
            themes=list(template["themes"]),
            legal_basis=template["legal_basis"] or None,
            legal_basis_date=template["legal_basis_date"],
            last_review_date=template["last_review_date"],
            license_spdx=template["license"],
            rights_holder="Coordin'action des associations de l'habitat participatif",
            language="fr",
            **template_files(template),
            **fields,
        )
        publish(item, zope_date(template["last_review_date"]))
        created.append(item)
    obsolete = section.get(templates_data.OBSOLETE)
    if obsolete is not None and obsolete in created:
        api.content.transition(obsolete, transition="mark_obsolete")
    return len(created)


# --- Project sheets ---------------------------------------------------------------
def create_projects(portal):
    section = portal[PROJECTS]
    created = 0
    for index, sheet in enumerate(projects_data.project_sheets()):
        fields = dict(sheet)
        item_id = fields.pop("id")
        if item_id in section:
            continue
        fields["text"] = rich_text(fields["text"])
        fields = {name: value for name, value in fields.items() if value is not None}
        item = create(
            section, "ProjectSheet", item_id, CONTRIBUTOR, language="fr", **fields
        )
        publish(item, zope_date(date(2025, 1 + index % 12, 1 + (index * 3) % 28)))
        created += 1
    return created


# --- Working groups -----------------------------------------------------------------
def create_groups(portal):
    from coordaction.workflows.spaces.roster import WorkingGroupRoster

    section = portal[WORKING_GROUPS]
    groups, items = 0, 0
    for group in groups_data.GROUPS:
        if group["id"] in section:
            continue
        space = create(
            section,
            "WorkingGroup",
            group["id"],
            SITE_ADMINISTRATOR,
            title=group["title"],
            description=group["description"],
            mission=rich_text(group["mission"]),
            visibility=group["visibility"],
            join_policy=group["join_policy"],
            language="fr",
        )
        roster = WorkingGroupRoster(space)
        for login, coordinator in group["roster"]:
            roster.add(login, coordinator=coordinator)
        for login in group["requests"]:
            roster.request_to_join(api.user.get(username=login).getId())
        for item_id, portal_type, title, description, content, shared, owner in group[
            "documents"
        ]:
            if portal_type == "File":
                fields = {"file": files.pdf_file(f"{item_id}.pdf", title, content)}
            else:
                fields = {"text": rich_text(content)}
            document = create(
                space,
                portal_type,
                item_id,
                owner,
                title=title,
                description=description,
                language="fr",
                **fields,
            )
            if shared:
                api.content.transition(document, transition="share")
            items += 1
        draft = group.get("draft_resource")
        if draft:
            fields = dict(draft)
            item_id, owner = fields.pop("id"), fields.pop("owner")
            create(space, "Resource", item_id, owner, language="fr", **fields)
            items += 1
        groups += 1
    return groups, items


# --- Agenda -----------------------------------------------------------------------
def event_dates(today, days, hour, duration):
    day = today + timedelta(days=days)
    if hour is None:  # whole days
        start = PARIS.localize(datetime.combine(day, time(0, 0)))
        last_day = day + timedelta(days=max(int(duration), 1) - 1)
        end = PARIS.localize(datetime.combine(last_day, time(23, 59, 59)))
        return start, end, True
    start = PARIS.localize(datetime.combine(day, time(hour, 0)))
    return start, start + timedelta(hours=duration), False


def create_events(portal, today):
    section = portal[AGENDA]
    created = 0
    for event in agenda_data.EVENTS:
        title, description, days, hour, duration, location, regions, themes = event
        item_id = slug(title)
        if item_id in section:
            continue
        start, end, whole_day = event_dates(today, days, hour, duration)
        item = create(
            section,
            "Event",
            item_id,
            CONTRIBUTOR,
            title=title,
            description=description,
            text=rich_text(f"<p>{description}</p><p>Lieu : {location}.</p>"),
            start=start,
            end=end,
            whole_day=whole_day,
            open_end=False,
            location=location,
            regions=list(regions),
            themes=list(themes),
            contact_name="Coordin'action des associations de l'habitat participatif",
            contact_email="agenda@example.org",
            language="fr",
        )
        publish(item)
        created += 1
    return created


# --- Classified ads -----------------------------------------------------------------
def create_ads(portal, today):
    from coordaction.content.vocabularies.geography import region_of_departement

    section = portal[ADS]
    created = 0
    for title, kind, departement, commune, text, since, until in ads_data.ADS:
        item_id = slug(title)
        if item_id in section:
            continue
        item = create(
            section,
            "ClassifiedAd",
            item_id,
            CONTRIBUTOR,
            title=title,
            ad_kind=kind,
            text=text,
            region=region_of_departement(departement),
            departement=departement,
            commune=commune,
            contact_email=f"{item_id}@example.org",
            language="fr",
        )
        item.setExpirationDate(zope_date(today + timedelta(days=until), hour=23))
        publish(item, zope_date(today - timedelta(days=since), hour=9))
        created += 1
    return created


# --- The legal and financial observatory ------------------------------------------
def create_observatory(portal):
    from z3c.relationfield import RelationValue
    from zope.component import getUtility
    from zope.intid.interfaces import IIntIds

    section = portal[OBSERVATORY]
    templates = portal[TEMPLATES]
    intids = getUtility(IIntIds)
    created = 0
    for situation in observatory_data.SITUATIONS:
        if situation["id"] in section:
            continue
        related = [
            RelationValue(intids.getId(templates[template_id]))
            for template_id in situation["templates"]
            if template_id in templates
        ]
        item = create(
            section,
            "ObservatoryCase",
            situation["id"],
            CONTRIBUTOR,
            title=situation["title"],
            description=situation["description"],
            case_domains=list(situation["domains"]),
            case_status=situation["status"],
            situation=rich_text(situation["situation"]),
            group_context=situation["context"] or None,
            solution=rich_text(situation["solution"])
            if situation["solution"]
            else None,
            legal_forms=list(situation["legal_forms"]),
            legal_references=situation["references"] or None,
            related_templates=related,
            themes=list(situation["themes"]),
            regions=list(situation["regions"]),
            license_spdx="CC-BY-SA-4.0",
            rights_holder="Coordin'action des associations de l'habitat participatif",
            language="fr",
        )
        set_state(item, situation["state"], CONTRIBUTOR)
        created += 1
    return created


# --- The photo bank -----------------------------------------------------------------
def create_photo_bank(portal):
    from plone.namedfile.file import NamedBlobImage

    section = portal[PHOTO_BANK]
    created = 0
    for (
        item_id,
        title,
        description,
        license_spdx,
        themes,
        regions,
        sky,
        walls,
        state,
    ) in photobank_data.IMAGES:
        if item_id in section:
            continue
        item = create(
            section,
            "Image",
            item_id,
            CONTRIBUTOR,
            title=title,
            description=description,
            image=NamedBlobImage(
                data=photobank_data.picture_bytes(sky, walls),
                filename=f"{item_id}.png",
            ),
            license_spdx=license_spdx,
            rights_holder="Coordin'action des associations de l'habitat participatif",
            attribution_text=photobank_data.CREDIT,
            themes=list(themes),
            regions=list(regions),
            language="fr",
        )
        set_state(item, state, CONTRIBUTOR)
        created += 1
    return created


def create_demo_content(portal):
    """Create what is missing of the demo content; return {category: number created}."""
    today = date.today()
    created = {}
    with api.env.adopt_roles(["Manager"]), quiet_notifications():
        created["users"] = ensure_users()
        created["resources"] = create_resources(portal)
        created["templates"] = create_templates(portal)
        created["projects"] = create_projects(portal)
        created["groups"], created["group_items"] = create_groups(portal)
        created["events"] = create_events(portal, today)
        created["ads"] = create_ads(portal, today)
        created["situations"] = create_observatory(portal)
        created["images"] = create_photo_bank(portal)
        # Index now, while the site is the active component site.
        processQueue()
    return created
