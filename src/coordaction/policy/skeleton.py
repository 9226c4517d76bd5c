"""The navigation skeleton of the portal: the published sections a visitor sees
in the main menu. Creating it is idempotent: existing sections are kept as they are
(an administrator may have edited them), missing ones are created and published."""

from coordaction.content.i18n import in_french
from coordaction.policy import _
from coordaction.workflows.photobank import ensure_photobank_policy
from plone import api
from plone.base.interfaces.constrains import ENABLED
from plone.base.interfaces.constrains import ISelectableConstrainTypes
from Products.CMFCore.indexing import processQueue


# (id, title, description), in menu order.
SECTIONS = (
    (
        "centre-de-ressources",
        _("Centre de ressources"),
        _(
            "Guides, fiches pratiques, vidéos et études sur l'habitat participatif, "
            "sous licence Creative Commons."
        ),
    ),
    (
        "trames-types",
        _("Trames-types"),
        _(
            "Modèles juridiques et financiers à adapter : statuts, règlements "
            "intérieurs, pactes, budgets prévisionnels."
        ),
    ),
    (
        "observatoire",
        _("Observatoire juridique et financier"),
        _(
            "Les situations bloquantes rencontrées par les groupes, juridiques ou "
            "financières, et les solutions trouvées. Chaque trame-type renvoie aux "
            "situations des formes juridiques qu'elle concerne."
        ),
    ),
    (
        "projets",
        _("Projets"),
        _("La base de données et la carte des projets d'habitat participatif."),
    ),
    (
        "agenda",
        _("Agenda"),
        _("Les rencontres, formations et visites du réseau."),
    ),
    (
        "petites-annonces",
        _("Petites annonces"),
        _(
            "Groupes qui cherchent des membres, foncier disponible, logements, compétences."
        ),
    ),
    (
        "banque-d-images",
        _("Banque d'images"),
        _(
            "Photos de l'habitat participatif à réutiliser : chacune avec sa licence "
            "et le crédit à citer."
        ),
    ),
    (
        "groupes-de-travail",
        _("Groupes de travail"),
        _("Les espaces des groupes de travail de la Coordin'action."),
    ),
    (
        "contribuer",
        _("Contribuer"),
        _("Proposer une ressource, une fiche projet, une annonce ou une contribution."),
    ),
)


# What each section holds: the type a contributor adds there, and folders to sort.
ALLOWED_TYPES = {
    "centre-de-ressources": ["Resource", "Folder"],
    "trames-types": ["LegalTemplate", "Folder"],
    "observatoire": ["ObservatoryCase"],
    "projets": ["ProjectSheet"],
    "agenda": ["Event"],
    "petites-annonces": ["ClassifiedAd"],
    "banque-d-images": ["Image", "Folder"],
    "groupes-de-travail": ["WorkingGroup"],
}


def ensure_navigation_skeleton(portal):
    """Create and publish the sections that are missing; return the created ones."""
    created = []
    for position, (section_id, title, description) in enumerate(SECTIONS):
        section = portal.get(section_id)
        if section is None:
            section = api.content.create(
                container=portal,
                type="Folder",
                id=section_id,
                title=in_french(title),
                description=in_french(description),
                language="fr",
            )
            created.append(section)
            restrict_section_types(section)
            make_unordered(section)
            use_section_page(section)
            use_section_workflow(section)
        if api.content.get_state(section, default=None) != "published":
            api.content.transition(section, to_state="published")
        portal.moveObjectToPosition(section_id, position)
    # Index now, while the site is the active component site: a queue left for the
    # end of the transaction may be processed outside of it (without our FTIs).
    processQueue()
    return created


# Sections that hold thousands of items keep no manual order: Plone would copy
# the whole order list on each addition, and plone.restapi on each GET of an item.
UNORDERED = tuple(ALLOWED_TYPES)


def make_unordered(section):
    if (
        section.getId() in UNORDERED
        and section.getOrdering().__class__.__name__ != "UnorderedOrdering"
    ):
        section.setOrdering("unordered")


def restrict_section_types(section):
    """Offer in the "Add" menu of a section only the types it is for."""
    allowed = ALLOWED_TYPES.get(section.getId())
    if not allowed:
        return
    constraints = ISelectableConstrainTypes(section)
    constraints.setConstrainTypesMode(ENABLED)
    constraints.setLocallyAllowedTypes(allowed)
    constraints.setImmediatelyAddableTypes(allowed)


# Sections whose content follows a workflow policy of its own (coordaction.workflows).
SECTION_WORKFLOWS = {"banque-d-images": ensure_photobank_policy}


def use_section_workflow(section):
    ensure = SECTION_WORKFLOWS.get(section.getId())
    if ensure is not None:
        ensure(section)


# Sections shown with a page of their own rather than Plone's listing of their content
# (the faceted sections get theirs from ``faceted/``).
SECTION_PAGES = {"agenda": "agenda_view"}


def use_section_page(section):
    """Show a section with its page, unless an administrator chose a default page
    (an item of the section shown in its place): that choice is kept."""
    layout = SECTION_PAGES.get(section.getId())
    if layout and section.getDefaultPage() is None:
        section.setLayout(layout)


def forget_section_page(section):
    """Back to the type's default view, for a site without our pages (uninstall)."""
    if section.getLayout() == SECTION_PAGES.get(section.getId()):
        section.setLayout(section.getTypeInfo().default_view)
