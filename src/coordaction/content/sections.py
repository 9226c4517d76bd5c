"""The sections of the portal: the one table that says, for each, its id (its
address), its title and description, what a contributor adds there, the type its
faceted page lists, how visitors search it (its facets), whether the editorial
team edits there, and (by its place in the table) its place in the main menu.

Everything that needs a section reads it here: the navigation skeleton, the
faceted pages, ``@facets``, the import and export, the workflows (the editorial
team's roles, where a published resource moves) and the demo content. It lives
in ``coordaction.content``, below the two other packages, so that both may read it.

A section's facets are defined once, in its ``search``: the criteria of its faceted
page (eea.facetednavigation, ``coordaction.policy.resourcecentre.faceted``) are made from them
when the site is set up or upgraded, and ``@facets`` reads them on each request;
both show the same facets, under the same titles, in the same order.
"""

from coordaction.content import _
from dataclasses import dataclass


@dataclass(frozen=True)
class Facet:
    """A filter visitors narrow a section's list by: a box of its faceted page and a
    facet of its ``@facets`` collection."""

    # The catalog index it filters; its name in @facets (?themes=foncier).
    index: str
    title: str
    # Its name on the faceted page (the eea criterion id), seen in the page's
    # address: …/observatoire#forme=scia.
    param: str
    # The named vocabulary of its values; None for a yes/no or a range.
    vocabulary: str | None = None
    # "checkbox": values to tick, counted; "boolean": a yes/no, counted;
    # "range": from one year to another (@facets: year_min and year_max).
    widget: str = "checkbox"
    # The values chosen when the visitor has chosen none (the page ticks them).
    default: tuple = ()
    # Values no item has show with a 0 (they are hidden otherwise).
    zero_counts: bool = False
    # Values the page shows before "more" (0: all of them).
    max_items: int = 0

    @property
    def boolean(self):
        return self.widget == "boolean"

    @property
    def counted(self):
        return self.widget != "range"


@dataclass(frozen=True)
class Search:
    """How visitors search a section: its faceted page (when the section has a
    ``listed_type``) and its ``@facets`` collection."""

    # Its name in @facets (?collection=ressources).
    collection: str
    # In the order the page shows them and @facets answers them.
    facets: tuple = ()
    # The hint of the page's full-text box; None: the page has no such box.
    text: str | None = None
    # The order of the results when no full text is given: "date" (newest
    # first), "title" or "start" (events to come, soonest first; no page).
    sort: str = "date"
    # The page lets visitors choose another order.
    sortable: bool = True
    # The numbers of results per page a visitor may choose, and the default.
    page_sizes: range = range(10, 51, 10)
    page_size: int = 20
    # Only what is inside the section; False: wherever it is (what a visitor may
    # see is the catalog's business either way).
    within_section: bool = True
    # Also what the index ``shown_in`` gives to the section, wherever it lives (the
    # photo bank: the reusable photos of project sheets).
    shown_in: bool = False
    # Only events that have not ended.
    upcoming: bool = False
    # What @facets tells of each item besides its title, description, state and date.
    item_fields: tuple = ()
    # The index of the facet that says what kind of item each is (a type of
    # resource, of document…), shown with each result of the faceted page.
    kind: str | None = None


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    description: str
    # What a contributor adds there (the first is the main type); empty: no limit.
    allowed_types: tuple = ()
    # The type its faceted page lists; None: the section has no faceted page.
    listed_type: str | None = None
    # The editorial team edits what is published there.
    editorial: bool = False
    # How visitors search it (None: not at all). A section that lists a type has
    # one: its faceted page is made from it.
    search: Search | None = None
    # The page of its own the section is shown with (a view name); None: Plone's
    # listing, or the faceted page of the section that lists a type.
    page: str | None = None


RESOURCE_CENTRE = "centre-de-ressources"
TEMPLATES = "trames-types"
OBSERVATORY = "observatoire"
PROJECTS = "projets"
AGENDA = "agenda"
MEETINGS = "rencontres"
ADS = "petites-annonces"
PHOTO_BANK = "banque-d-images"
WORKING_GROUPS = "groupes-de-travail"
WORKSTREAMS = "chantiers"
CONTRIBUTE = "contribuer"

# Facets several sections share.
THEMES = Facet("themes", _("Themes"), "theme", "coordaction.vocabularies.themes")
REGIONS = Facet("regions", _("Regions"), "region", "coordaction.vocabularies.regions")
DEPARTEMENTS = Facet(
    "departements",
    _("Départements"),
    "departement",
    "coordaction.vocabularies.departements",
    max_items=10,
)
LEGAL_FORMS = Facet(
    "legal_forms",
    _("Legal form"),
    # The same name in every section: a template links to the situations of the
    # observatory with its own filter (…/observatoire#forme=scia).
    "forme",
    "coordaction.vocabularies.legal_forms",
)
LICENCE = Facet(
    "license_spdx", _("Licence"), "licence", "coordaction.vocabularies.licenses"
)

# In menu order.
SECTIONS = (
    Section(
        RESOURCE_CENTRE,
        _("Resource centre"),
        _(
            "Guides, practical sheets, videos and studies on participatory "
            "housing, under Creative Commons licences."
        ),
        allowed_types=("Resource", "Folder"),
        listed_type="Resource",
        editorial=True,
        search=Search(
            collection="ressources",
            kind="resource_kind",
            facets=(
                Facet(
                    "resource_kind",
                    _("Resource kind"),
                    "nature",
                    "coordaction.vocabularies.resource_kinds",
                ),
                THEMES,
                Facet(
                    "audiences",
                    _("Audiences"),
                    "public",
                    "coordaction.vocabularies.audiences",
                ),
                REGIONS,
                LICENCE,
                Facet("year", _("Year"), "annee", widget="range"),
            ),
            text=_("A word of the title, the summary or the document"),
            # Wherever they are: a resource published from a working-group space
            # moves into the Centre de ressources anyway, and one a visitor may
            # see elsewhere must not be missed.
            within_section=False,
            item_fields=(
                "resource_kind",
                "themes",
                "regions",
                "year",
                "license_spdx",
                "download_url",
            ),
        ),
    ),
    Section(
        TEMPLATES,
        _("Templates"),
        _(
            "Legal and financial templates to adapt: articles of association, "
            "internal rules, pacts, provisional budgets."
        ),
        allowed_types=("LegalTemplate", "Folder"),
        listed_type="LegalTemplate",
        editorial=True,
        search=Search(
            collection="trames",
            kind="document_kind",
            facets=(
                # Obsolete templates stay visible (with a warning), but only when
                # a visitor asks for them: "Publiée" is chosen by default.
                Facet(
                    "review_state",
                    _("State"),
                    "etat",
                    "coordaction.vocabularies.template_states",
                    default=("published",),
                    zero_counts=True,
                ),
                Facet(
                    "document_kind",
                    _("Document kind"),
                    "document",
                    "coordaction.vocabularies.document_kinds",
                ),
                LEGAL_FORMS,
                LICENCE,
            ),
            text=_("A word of the title, the legal basis or the template"),
            sort="title",
            item_fields=(
                "document_kind",
                "legal_forms",
                "license_spdx",
                "download_url",
                "review_state",
            ),
        ),
    ),
    Section(
        OBSERVATORY,
        _("Legal and financial observatory"),
        _(
            "The blocking situations met by groups, legal or financial, and the "
            "solutions found. Each template links to the situations of the legal "
            "forms it concerns."
        ),
        allowed_types=("ObservatoryCase",),
        listed_type="ObservatoryCase",
        editorial=True,
        search=Search(
            collection="observatoire",
            kind="case_status",
            facets=(
                Facet(
                    "case_domains",
                    _("Area"),
                    "domaine",
                    "coordaction.vocabularies.case_domains",
                ),
                Facet(
                    "case_status",
                    _("Where do things stand?"),
                    "statut",
                    "coordaction.vocabularies.case_statuses",
                ),
                LEGAL_FORMS,
                THEMES,
                REGIONS,
            ),
            text=_("A word of the situation, the solution or the texts"),
            item_fields=(
                "case_domains",
                "case_status",
                "legal_forms",
                "themes",
                "regions",
            ),
        ),
    ),
    Section(
        PROJECTS,
        _("Projects"),
        _("The database and map of participatory housing projects."),
        allowed_types=("ProjectSheet",),
        listed_type="ProjectSheet",
        editorial=True,
        search=Search(
            collection="projets",
            kind="stage",
            facets=(
                Facet(
                    "stage",
                    _("Project stage"),
                    "etape",
                    "coordaction.vocabularies.project_stages",
                ),
                Facet(
                    "looking_for_members",
                    _("Looking for new members"),
                    "recrute",
                    widget="boolean",
                ),
                # "Oui" leaves out the sheets nobody confirmed for two years.
                Facet(
                    "up_to_date",
                    _("Information confirmed within two years"),
                    "a-jour",
                    widget="boolean",
                ),
                REGIONS,
                DEPARTEMENTS,
                LEGAL_FORMS,
                Facet(
                    "tenure",
                    _("Tenure"),
                    "statut",
                    "coordaction.vocabularies.tenures",
                ),
                Facet(
                    "shared_spaces",
                    _("Shared spaces"),
                    "espaces",
                    "coordaction.vocabularies.shared_spaces",
                ),
            ),
            text=_("A name, a municipality, a partner"),
            sort="title",
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
    ),
    Section(
        AGENDA,
        _("Agenda"),
        _("The network's meetings, trainings and visits."),
        allowed_types=("Event", "OpenDaysCampaign"),
        editorial=True,
        page="agenda_view",
        # No faceted page (the agenda has its own, with one région and one theme
        # to choose), a @facets collection.
        search=Search(
            collection="agenda",
            facets=(
                Facet(
                    "regions",
                    _("Region"),
                    "region",
                    "coordaction.vocabularies.regions",
                ),
                THEMES,
            ),
            sort="start",
            # Wherever they are: the events of a public working-group space too.
            within_section=False,
            upcoming=True,
            item_fields=("start", "end", "location", "regions", "themes"),
        ),
    ),
    Section(
        MEETINGS,
        _("Meetings"),
        _(
            "The national meetings of participatory housing (RNHP): each edition, "
            "its programme, and the contributions proposed for it."
        ),
        allowed_types=("MeetingEdition",),
        page="meetings_view",
    ),
    Section(
        ADS,
        _("Classified ads"),
        _("Groups looking for members, available land, homes, skills."),
        allowed_types=("ClassifiedAd",),
        listed_type="ClassifiedAd",
        editorial=True,
        # Expired ads are not filtered here: the catalog hides them (effectiveRange)
        # from whoever may not see inactive content, results and counts included.
        search=Search(
            collection="annonces",
            kind="ad_kind",
            facets=(
                Facet(
                    "ad_kind",
                    _("Ad kind"),
                    "annonce",
                    "coordaction.vocabularies.ad_kinds",
                ),
                REGIONS,
                DEPARTEMENTS,
            ),
            sortable=False,  # newest first
            item_fields=("ad_kind", "regions", "departements", "commune", "expires"),
        ),
    ),
    Section(
        PHOTO_BANK,
        _("Photo bank"),
        _(
            "Photos of participatory housing to reuse: each with its licence and "
            "the credit to cite."
        ),
        allowed_types=("Image", "Folder", "Exhibition"),
        listed_type="Image",
        editorial=True,
        # Its own images and the reusable photos of project sheets (index
        # shown_in); not the images of a working-group space.
        search=Search(
            collection="images",
            within_section=False,
            shown_in=True,
            facets=(THEMES, REGIONS, LICENCE),
            text=_("A word of the title, the caption"),
            page_sizes=range(12, 49, 12),
            page_size=24,
            item_fields=(
                "themes",
                "regions",
                "license_spdx",
                "credit_text",
                "download_url",
                "preview_url",
            ),
        ),
    ),
    Section(
        WORKING_GROUPS,
        _("Working groups"),
        _("The spaces of the Coordin'action's working groups."),
        allowed_types=("WorkingGroup",),
    ),
    Section(
        WORKSTREAMS,
        _("Workstreams"),
        _(
            "The needs of the Coordin'action, its working groups and member "
            "associations: offer your skills to move participatory housing forward."
        ),
        allowed_types=("Workstream",),
        listed_type="Workstream",
        editorial=True,
        search=Search(
            collection="chantiers",
            kind="workstream_status",
            facets=(
                Facet(
                    "skills",
                    _("Skills wanted"),
                    "competence",
                    "coordaction.vocabularies.skills",
                ),
                # Each result says where it stands (the page's "kind").
                Facet(
                    "workstream_status",
                    _("Status"),
                    "statut",
                    "coordaction.vocabularies.workstream_statuses",
                    zero_counts=True,
                ),
                REGIONS,
                Facet(
                    "carrier_kind",
                    _("Carried by"),
                    "porteur",
                    "coordaction.vocabularies.carrier_kinds",
                ),
            ),
            text=_("A word of the title or of the need"),
            item_fields=(
                "skills",
                "workstream_status",
                "regions",
                "carrier_name",
                "deadline",
            ),
        ),
    ),
    Section(
        CONTRIBUTE,
        _("Contribute"),
        _("Propose a resource, a project sheet, an ad or a contribution."),
    ),
)

SECTIONS_BY_ID = {section.id: section for section in SECTIONS}


def section_by_id(section_id):
    """The section ``section_id`` of the table as it is now (KeyError if none)."""
    for section in SECTIONS:
        if section.id == section_id:
            return section
    raise KeyError(section_id)


def section_of_type(portal_type):
    """The section whose faceted page lists ``portal_type`` (KeyError if none)."""
    for section in SECTIONS:
        if section.listed_type == portal_type:
            return section
    raise KeyError(portal_type)
