"""The columns of the import and export files, per content type.

Each column but ``external_id`` and ``state`` is a field of the type's schema or of
one of its behaviors, with the same name: ``validate`` reads the field to convert
and check the cell, so the rules live in the schemas only. ``docs/import.md``
documents them for the people who prepare the files.
"""

from coordaction.content.sections import section_of_type
from dataclasses import dataclass


EXTERNAL_ID = "external_id"
STATE = "state"
# Separator of the values of a list column in CSV (JSON has real lists).
LIST_SEPARATOR = "|"
# The workflow states an import may set; the export writes the item's state.
IMPORT_STATES = ("published", "private")
# The attribute of an item that keeps its external id.
EXTERNAL_ID_ATTRIBUTE = "external_id"


@dataclass(frozen=True)
class Column:
    name: str
    help: str  # in French, for the documentation and the page


@dataclass(frozen=True)
class Section:
    """A type that can be imported, and the section of the site it goes to."""

    key: str  # what the command line and the page call it
    portal_type: str
    title: str

    @property
    def folder(self):
        """The section whose faceted page lists the type, in the table of sections
        as it is now."""
        return section_of_type(self.portal_type).id


COMMON_HEAD = (
    Column(
        EXTERNAL_ID,
        "Obligatoire. L'identifiant stable de l'élément dans la base d'origine : "
        "réimporter une ligne de même identifiant met à jour l'élément au lieu d'en "
        "créer un autre.",
    ),
    Column("title", "Obligatoire. Le titre."),
    Column("description", "Le résumé."),
)

COMMON_TAIL = (
    Column(
        "license_spdx",
        "La licence, en identifiant SPDX (CC-BY-SA-4.0, CC-BY-4.0, CC0-1.0…) ; "
        "vide : la licence par défaut du portail.",
    ),
    Column(
        STATE,
        "published (publié) ou private (brouillon) ; vide : brouillon pour un nouvel "
        "élément, état inchangé pour un élément existant.",
    ),
)

PROJECT_COLUMNS = (
    *COMMON_HEAD,
    Column(
        "stage",
        "Obligatoire. reflexion, groupe-constitue, recherche-foncier, conception, "
        "chantier ou habite.",
    ),
    Column("commune", "Obligatoire. La commune."),
    Column("postal_code", "Obligatoire. Cinq chiffres (01000, pas 1000)."),
    Column("departement", "Obligatoire. Le code INSEE : 01, 2A, 69, 974…"),
    Column(
        "region",
        "Obligatoire. Le code INSEE de la région (84 pour Auvergne-Rhône-Alpes) ; le "
        "département doit être dans la région.",
    ),
    Column(
        "latitude",
        "En degrés décimaux (45.7578 ou 45,7578), entre -90 et 90 ; avec la longitude.",
    ),
    Column(
        "longitude",
        "En degrés décimaux (4.832), entre -180 et 180 ; avec la latitude.",
    ),
    Column("households_planned", "Nombre entier de foyers prévus."),
    Column("households_current", "Nombre entier de foyers actuels."),
    Column(
        "legal_form",
        "cooperative-habitants, scia, sccc, sas-cooperative, sci, scic, association, "
        "brs-ofs, copropriete ou autre.",
    ),
    Column(
        "tenure",
        "propriete, location, location-sociale, accession-sociale, cooperative ou "
        "mixte.",
    ),
    Column(
        "partners",
        "Séparés par | : bailleur-social, collectivite, ofs, promoteur, amo, "
        "association, autre.",
    ),
    Column("partners_details", "Précisions sur les partenaires."),
    Column("start_year", "Année de démarrage."),
    Column(
        "move_in_year",
        "Année d'emménagement, prévue ou effective ; pas dans le futur si le lieu est "
        "habité, pas avant le démarrage.",
    ),
    Column("looking_for_members", "oui ou non (aussi true/false, 1/0) ; vide : non."),
    Column(
        "shared_spaces",
        "Séparés par | : les identifiants des espaces partagés des réglages du "
        "portail (salle-commune, buanderie, jardin…).",
    ),
    Column("website", "L'adresse du site web, avec https://."),
    Column("contact_email", "Le courriel de contact, jamais montré au public."),
    *COMMON_TAIL,
)

RESOURCE_COLUMNS = (
    *COMMON_HEAD,
    Column(
        "resource_kind",
        "Obligatoire. Un type de ressource des réglages du portail (guide, "
        "fiche-pratique, etude, video…).",
    ),
    Column(
        "themes",
        "Séparés par | : les thèmes des réglages du portail (foncier, juridique…).",
    ),
    Column(
        "audiences",
        "Séparés par | : futurs-habitants, groupes-projets, collectivites, "
        "bailleurs-sociaux, professionnels, associations.",
    ),
    Column("regions", "Séparés par | : codes INSEE des régions ; vide : national."),
    Column("year", "Année de parution."),
    Column("authors", "Séparés par | : un nom par auteur."),
    Column("organisation", "L'association ou la structure qui publie la ressource."),
    Column(
        "external_url",
        "L'adresse de la ressource publiée ailleurs (le fichier joint ne s'importe "
        "pas).",
    ),
    *COMMON_TAIL,
)

SECTIONS = {
    section.key: section
    for section in (
        Section("projets", "ProjectSheet", "Fiches projets"),
        Section("ressources", "Resource", "Ressources"),
    )
}

COLUMNS = {
    "ProjectSheet": PROJECT_COLUMNS,
    "Resource": RESOURCE_COLUMNS,
}


def column_names(portal_type):
    return [column.name for column in COLUMNS[portal_type]]


def section_for_type(portal_type):
    for section in SECTIONS.values():
        if section.portal_type == portal_type:
            return section
    raise KeyError(portal_type)
