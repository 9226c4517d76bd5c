"""The one table of what a contributor proposes: for each content type, the words
of its button and how its add and edit forms are laid out.

The first step holds what the item cannot do without (its title, what it is,
its file or link, its licence); the rest waits in at most two tabs named in plain
French, and, for the editorial team only, a third with Plone's publication
options (dates, keywords, address, authorship). A field the table does not name
goes to that third tab: a behaviour added to a type later stays reachable."""

from coordaction.content.content.project_sheet import IProjectSheet
from coordaction.policy import _
from dataclasses import dataclass
from plone.supermodel.interfaces import FIELDSETS_KEY


@dataclass(frozen=True)
class FormLayout:
    # The words of the button that opens the add form ("Proposer une ressource").
    propose: str
    # The fields of the first step, in their order (the names of the schema
    # fields, without the behaviour's prefix).
    essentials: tuple
    # The other tabs: ((title, fields), ...), at most two.
    tabs: tuple = ()


def fieldset(schema, name):
    """The fields of the tab ``name`` that ``schema`` itself declares."""
    for declared in schema.queryTaggedValue(FIELDSETS_KEY, ()):
        if declared.__name__ == name:
            return tuple(declared.fields)
    raise KeyError(name)


CLASSIFICATION = _("Classification")
DETAILS = _("Details")
# The tab of what the editorial team alone changes.
OPTIONS = _("Publication options")
# Where the credit of a licensed work and its source go.
CREDIT = ("rights_holder", "attribution_text", "source_url")

LAYOUTS = {
    "Resource": FormLayout(
        _("Propose a resource"),
        (
            "title",
            "description",
            "resource_kind",
            "file",
            "external_url",
            "license_spdx",
        ),
        (
            (CLASSIFICATION, ("themes", "regions", "audiences", "year")),
            (
                DETAILS,
                (
                    "authors",
                    "organisation",
                    "text",
                    "image",
                    "image_caption",
                    *CREDIT,
                    "relatedItems",
                ),
            ),
        ),
    ),
    "LegalTemplate": FormLayout(
        _("Propose a template"),
        (
            "title",
            "description",
            "document_kind",
            "legal_forms",
            "file_editable",
            "license_spdx",
        ),
        (
            (CLASSIFICATION, ("themes",)),
            (
                DETAILS,
                (
                    "file_alternative",
                    "file_pdf",
                    "legal_basis",
                    "legal_basis_date",
                    "last_review_date",
                    "disclaimer",
                    "superseded_by",
                    *CREDIT,
                    "relatedItems",
                ),
            ),
        ),
    ),
    "ObservatoryCase": FormLayout(
        _("Report a situation"),
        (
            "title",
            "description",
            "case_domains",
            "case_status",
            "situation",
            "license_spdx",
        ),
        (
            (CLASSIFICATION, ("themes", "regions", "legal_forms")),
            (
                DETAILS,
                (
                    "group_context",
                    "solution",
                    "legal_references",
                    "related_templates",
                    *CREDIT,
                    "relatedItems",
                ),
            ),
        ),
    ),
    "ProjectSheet": FormLayout(
        _("Propose a project sheet"),
        (
            "title",
            "description",
            "stage",
            "commune",
            "postal_code",
            "departement",
            "region",
            "license_spdx",
        ),
        (
            (
                _("The project"),
                (
                    *fieldset(IProjectSheet, "project"),
                    "text",
                    "image",
                    "image_caption",
                    "open_day_start",
                    "open_day_end",
                ),
            ),
            (
                _("Contact and map"),
                (
                    "looking_for_members",
                    "website",
                    "contact_email",
                    "latitude",
                    "longitude",
                    *CREDIT,
                    "relatedItems",
                ),
            ),
        ),
    ),
    "ClassifiedAd": FormLayout(
        _("Post an ad"),
        (
            "title",
            "description",
            "ad_kind",
            "text",
            "region",
            "departement",
            "commune",
            "contact_email",
        ),
    ),
    "Event": FormLayout(
        _("Propose an event"),
        (
            "title",
            "description",
            "start",
            "end",
            "whole_day",
            "open_end",
            # Its widget reads the start in its own tab (plone.formwidget.recurrence).
            "recurrence",
            "location",
            "commune",
            "text",
        ),
        (
            (CLASSIFICATION, ("themes", "regions")),
            (
                DETAILS,
                (
                    "online_url",
                    "registration_url",
                    "image",
                    "image_caption",
                    "latitude",
                    "longitude",
                    "event_url",
                    "proposer_email",
                    "contact_name",
                    "contact_email",
                    "contact_phone",
                    "attendees",
                    "relatedItems",
                ),
            ),
        ),
    ),
    "OpenDaysCampaign": FormLayout(
        _("Open an open-days campaign"),
        ("title", "description", "first_day", "last_day", "text"),
        ((CLASSIFICATION, ("themes",)),),
    ),
    "Image": FormLayout(
        _("Propose a photo"),
        ("title", "image", "description", "license_spdx", "rights_holder"),
        (
            (CLASSIFICATION, ("themes", "regions")),
            (DETAILS, ("attribution_text", "source_url", "relatedItems")),
        ),
    ),
    "File": FormLayout(
        _("Add a document"),
        ("title", "file", "description"),
        ((DETAILS, ("relatedItems",)),),
    ),
    "Document": FormLayout(
        _("Write a page"),
        ("title", "description", "text"),
        ((DETAILS, ("relatedItems", "table_of_contents")),),
    ),
}
