"""A layer with known published and private content in every collection, built once
for all the resource-centre tests (facets, feeds, GeoJSON)."""

from DateTime import DateTime
from datetime import datetime
from datetime import timedelta
from plone import api
from plone.app.textfield.value import RichTextValue
from tests import builders
from tests.http import make_user
from tests.layers import content_layers
import pytz


RESOURCES = (
    # title, kind, themes, région, year, licence
    ("Guide du foncier", "guide", ["foncier"], "53", 2019, "CC-BY-SA-4.0"),
    ("Guide du financement", "guide", ["financement"], "53", 2021, "CC-BY-4.0"),
    (
        "Étude sur la coopérative",
        "etude",
        ["juridique", "financement"],
        "84",
        2023,
        "CC-BY-SA-4.0",
    ),
    ("Vidéo des rencontres", "video", ["gouvernance"], "11", 2024, "CC0-1.0"),
)


def create_sample_content(portal):
    from coordaction.workflows.spaces.roster import WorkingGroupRoster

    centre = portal["centre-de-ressources"]
    for title, kind, themes, region, year, license_spdx in RESOURCES:
        builders.publish(
            builders.resource(
                centre,
                title=title,
                resource_kind=kind,
                themes=themes,
                regions=[region],
                year=year,
                license_spdx=license_spdx,
                file=None,
            )
        )
    builders.publish(
        builders.resource(
            centre,
            title="Monter un groupe d'habitants",
            resource_kind="fiche-pratique",
            themes=["gouvernance"],
            regions=["84"],
            year=2022,
            file=None,
            text=RichTextValue(
                "<p>Avant de choisir un statut, par exemple celui de la coopérative, "
                "le groupe apprend à décider ensemble et à partager ses valeurs.</p>",
                "text/html",
                "text/x-html-safe",
            ),
        )
    )
    builders.resource(
        centre,
        title="Guide brouillon",
        resource_kind="guide",
        themes=["foncier"],
        regions=["53"],
        file=None,
    )
    space = builders.working_group(portal["groupes-de-travail"])
    make_user("membre")
    WorkingGroupRoster(space).add("membre")
    builders.resource(space, title="Guide du groupe", resource_kind="guide", file=None)
    templates = portal["trames-types"]
    builders.publish(builders.legal_template(templates, title="Statuts 2026"))
    old = builders.publish(builders.legal_template(templates, title="Statuts 2014"))
    api.content.transition(old, transition="mark_obsolete")
    ads = portal["petites-annonces"]
    builders.publish(builders.classified_ad(ads, title="Annonce actuelle"))
    expired = builders.classified_ad(ads, title="Annonce expirée")
    expired.expiration_date = DateTime() - 1
    builders.publish(expired)
    expired.reindexObject()
    projects = portal["projets"]
    builders.publish(builders.project_sheet(projects, title="Projet lyonnais"))
    builders.publish(
        builders.project_sheet(
            projects,
            title="Projet rennais",
            stage="conception",
            commune="Rennes",
            postal_code="35000",
            departement="35",
            region="53",
            looking_for_members=False,
            latitude=48.1173,
            longitude=-1.6778,
        )
    )
    builders.project_sheet(projects, title="Projet en brouillon")
    agenda = portal["agenda"]
    # Aware datetimes, as the event form makes them (pytz: ZODB pickles it).
    paris = pytz.timezone("Europe/Paris")
    now = paris.localize(datetime.now().replace(minute=0, second=0, microsecond=0))
    for title, start, regions, themes in (
        ("Rencontres nationales", now + timedelta(days=20), ["84"], ["gouvernance"]),
        ("Atelier foncier à Rennes", now + timedelta(days=40), ["53"], ["foncier"]),
        ("Visite passée", now - timedelta(days=60), ["53"], ["foncier"]),
    ):
        builders.publish(
            api.content.create(
                container=agenda,
                type="Event",
                title=title,
                start=start,
                end=start + timedelta(hours=3),
                regions=regions,
                themes=themes,
                location="Lyon" if "nationales" in title else "Rennes",
            )
        )
    api.content.create(
        container=agenda,
        type="Event",
        title="Réunion privée",
        start=now + timedelta(days=5),
        end=now + timedelta(days=5, hours=2),
    )


SAMPLE_CONTENT = content_layers("SampleContent", create_sample_content)
SAMPLE_CONTENT_FUNCTIONAL_TESTING = SAMPLE_CONTENT.functional
SAMPLE_CONTENT_BROWSER_TESTING = SAMPLE_CONTENT.browser
SAMPLE_CONTENT_INTEGRATION_TESTING = SAMPLE_CONTENT.integration
