"""The sections of the portal: the one table that says, for each, its id (its
address), its title and description, what a contributor adds there, the type its
faceted page lists, whether the editorial team edits there, and (by its place in
the table) its place in the main menu.

Everything that needs a section reads it here: the navigation skeleton, the
faceted pages, ``@facets``, the import and export, the workflows (the editorial
team's roles, where a published resource moves) and the demo content. It lives
in ``coordaction.content``, below the two other packages, so that both may read it.
"""

from coordaction.content import _
from dataclasses import dataclass


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


RESOURCE_CENTRE = "centre-de-ressources"
TEMPLATES = "trames-types"
OBSERVATORY = "observatoire"
PROJECTS = "projets"
AGENDA = "agenda"
ADS = "petites-annonces"
PHOTO_BANK = "banque-d-images"
WORKING_GROUPS = "groupes-de-travail"
CONTRIBUTE = "contribuer"

# In menu order.
SECTIONS = (
    Section(
        RESOURCE_CENTRE,
        _("Centre de ressources"),
        _(
            "Guides, fiches pratiques, vidéos et études sur l'habitat participatif, "
            "sous licence Creative Commons."
        ),
        allowed_types=("Resource", "Folder"),
        listed_type="Resource",
        editorial=True,
    ),
    Section(
        TEMPLATES,
        _("Trames-types"),
        _(
            "Modèles juridiques et financiers à adapter : statuts, règlements "
            "intérieurs, pactes, budgets prévisionnels."
        ),
        allowed_types=("LegalTemplate", "Folder"),
        listed_type="LegalTemplate",
        editorial=True,
    ),
    Section(
        OBSERVATORY,
        _("Observatoire juridique et financier"),
        _(
            "Les situations bloquantes rencontrées par les groupes, juridiques ou "
            "financières, et les solutions trouvées. Chaque trame-type renvoie aux "
            "situations des formes juridiques qu'elle concerne."
        ),
        allowed_types=("ObservatoryCase",),
        listed_type="ObservatoryCase",
        editorial=True,
    ),
    Section(
        PROJECTS,
        _("Projets"),
        _("La base de données et la carte des projets d'habitat participatif."),
        allowed_types=("ProjectSheet",),
        listed_type="ProjectSheet",
        editorial=True,
    ),
    Section(
        AGENDA,
        _("Agenda"),
        _("Les rencontres, formations et visites du réseau."),
        allowed_types=("Event",),
        editorial=True,
    ),
    Section(
        ADS,
        _("Petites annonces"),
        _(
            "Groupes qui cherchent des membres, foncier disponible, logements, compétences."
        ),
        allowed_types=("ClassifiedAd",),
        listed_type="ClassifiedAd",
        editorial=True,
    ),
    Section(
        PHOTO_BANK,
        _("Banque d'images"),
        _(
            "Photos de l'habitat participatif à réutiliser : chacune avec sa licence "
            "et le crédit à citer."
        ),
        allowed_types=("Image", "Folder"),
        listed_type="Image",
        editorial=True,
    ),
    Section(
        WORKING_GROUPS,
        _("Groupes de travail"),
        _("Les espaces des groupes de travail de la Coordin'action."),
        allowed_types=("WorkingGroup",),
    ),
    Section(
        CONTRIBUTE,
        _("Contribuer"),
        _("Proposer une ressource, une fiche projet, une annonce ou une contribution."),
    ),
)

SECTIONS_BY_ID = {section.id: section for section in SECTIONS}


def section_of_type(portal_type):
    """The section whose faceted page lists ``portal_type`` (KeyError if none)."""
    for section in SECTIONS:
        if section.listed_type == portal_type:
            return section
    raise KeyError(portal_type)
