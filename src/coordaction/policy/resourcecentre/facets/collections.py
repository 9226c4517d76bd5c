"""The public collections and the facets a visitor filters them by: the same
filters as the faceted pages (eea.facetednavigation), for external sites."""

from coordaction.content.sections import ADS
from coordaction.content.sections import AGENDA
from coordaction.content.sections import OBSERVATORY
from coordaction.content.sections import PHOTO_BANK
from coordaction.content.sections import PROJECTS
from coordaction.content.sections import RESOURCE_CENTRE
from coordaction.content.sections import TEMPLATES
from coordaction.policy import _
from dataclasses import dataclass
from dataclasses import field


@dataclass(frozen=True)
class Facet:
    index: str
    title: str
    vocabulary: str | None = None  # a named vocabulary, or None for booleans
    boolean: bool = False


@dataclass(frozen=True)
class Collection:
    name: str
    portal_type: str
    section: str
    facets: tuple
    year_range: bool = False
    # Workflow states a visitor may ask for; the first ones are the default.
    states: tuple = ("published",)
    default_states: tuple = ("published",)
    item_fields: tuple = field(default_factory=tuple)
    # Sort when no full text is given; "upcoming" keeps events to come only.
    default_sort: str = "date"
    upcoming: bool = False
    # Only the items inside the section (Images live elsewhere too: the photos of
    # a project sheet, the images of a working-group space).
    within_section: bool = False


COLLECTIONS = {
    "ressources": Collection(
        name="ressources",
        portal_type="Resource",
        section=RESOURCE_CENTRE,
        facets=(
            Facet(
                "resource_kind",
                _("Type de ressource"),
                "coordaction.vocabularies.resource_kinds",
            ),
            Facet("themes", _("Thèmes"), "coordaction.vocabularies.themes"),
            Facet("audiences", _("Publics"), "coordaction.vocabularies.audiences"),
            Facet("regions", _("Régions"), "coordaction.vocabularies.regions"),
            Facet("license_spdx", _("Licence"), "coordaction.vocabularies.licenses"),
        ),
        year_range=True,
        item_fields=(
            "resource_kind",
            "themes",
            "regions",
            "year",
            "license_spdx",
            "download_url",
        ),
    ),
    "trames": Collection(
        name="trames",
        portal_type="LegalTemplate",
        section=TEMPLATES,
        facets=(
            Facet(
                "document_kind",
                _("Type de document"),
                "coordaction.vocabularies.document_kinds",
            ),
            Facet(
                "legal_forms",
                _("Formes juridiques"),
                "coordaction.vocabularies.legal_forms",
            ),
            Facet("license_spdx", _("Licence"), "coordaction.vocabularies.licenses"),
            Facet(
                "review_state", _("État"), "coordaction.vocabularies.template_states"
            ),
        ),
        states=("published", "obsolete"),
        default_states=("published",),
        item_fields=(
            "document_kind",
            "legal_forms",
            "license_spdx",
            "download_url",
            "review_state",
        ),
    ),
    "observatoire": Collection(
        name="observatoire",
        portal_type="ObservatoryCase",
        section=OBSERVATORY,
        facets=(
            Facet(
                "case_domains", _("Domaine"), "coordaction.vocabularies.case_domains"
            ),
            Facet(
                "case_status",
                _("Où en est-on ?"),
                "coordaction.vocabularies.case_statuses",
            ),
            Facet(
                "legal_forms",
                _("Formes juridiques"),
                "coordaction.vocabularies.legal_forms",
            ),
            Facet("themes", _("Thèmes"), "coordaction.vocabularies.themes"),
            Facet("regions", _("Régions"), "coordaction.vocabularies.regions"),
        ),
        item_fields=(
            "case_domains",
            "case_status",
            "legal_forms",
            "themes",
            "regions",
        ),
    ),
    "projets": Collection(
        name="projets",
        portal_type="ProjectSheet",
        section=PROJECTS,
        facets=(
            Facet("stage", _("Étape"), "coordaction.vocabularies.project_stages"),
            Facet("regions", _("Région"), "coordaction.vocabularies.regions"),
            Facet(
                "departements",
                _("Département"),
                "coordaction.vocabularies.departements",
            ),
            Facet(
                "legal_forms",
                _("Forme juridique"),
                "coordaction.vocabularies.legal_forms",
            ),
            Facet(
                "tenure", _("Statut d'occupation"), "coordaction.vocabularies.tenures"
            ),
            Facet("looking_for_members", _("Cherche des membres"), boolean=True),
            Facet(
                "shared_spaces",
                _("Espaces partagés"),
                "coordaction.vocabularies.shared_spaces",
            ),
        ),
        item_fields=(
            "stage",
            "commune",
            "regions",
            "departements",
            "latitude",
            "longitude",
            "households_planned",
            "looking_for_members",
            "license_spdx",
        ),
    ),
    "annonces": Collection(
        name="annonces",
        portal_type="ClassifiedAd",
        section=ADS,
        facets=(
            Facet("ad_kind", _("Type d'annonce"), "coordaction.vocabularies.ad_kinds"),
            Facet("regions", _("Région"), "coordaction.vocabularies.regions"),
            Facet(
                "departements",
                _("Département"),
                "coordaction.vocabularies.departements",
            ),
        ),
        item_fields=("ad_kind", "regions", "departements", "commune", "expires"),
    ),
    "images": Collection(
        name="images",
        portal_type="Image",
        section=PHOTO_BANK,
        facets=(
            Facet("themes", _("Thèmes"), "coordaction.vocabularies.themes"),
            Facet("regions", _("Régions"), "coordaction.vocabularies.regions"),
            Facet("license_spdx", _("Licence"), "coordaction.vocabularies.licenses"),
        ),
        item_fields=(
            "themes",
            "regions",
            "license_spdx",
            "credit_text",
            "download_url",
            "preview_url",
        ),
        within_section=True,
    ),
    "agenda": Collection(
        name="agenda",
        portal_type="Event",
        section=AGENDA,
        facets=(
            Facet("regions", _("Région"), "coordaction.vocabularies.regions"),
            Facet("themes", _("Thèmes"), "coordaction.vocabularies.themes"),
        ),
        item_fields=("start", "end", "location", "regions", "themes"),
        default_sort="start",
        upcoming=True,
    ),
}
