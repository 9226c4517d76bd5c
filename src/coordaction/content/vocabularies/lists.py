"""Fixed lists of the domain, with French titles. Lists an administrator extends
(themes, resource kinds, shared spaces) live in the registry: see ``registry.py``."""

from coordaction.content import _
from coordaction.content.licenses import LICENSES
from coordaction.content.vocabularies.pairs import vocabulary_from_pairs
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory


AUDIENCES = (
    ("futurs-habitants", _("Futurs habitants")),
    ("groupes-projets", _("Groupes projets")),
    ("collectivites", _("Collectivités locales")),
    ("bailleurs-sociaux", _("Bailleurs sociaux")),
    ("professionnels", _("Professionnels (architectes, notaires, AMO…)")),
    ("associations", _("Associations du réseau")),
)

DOCUMENT_KINDS = (
    ("statuts", _("Statuts")),
    ("reglement-interieur", _("Règlement intérieur")),
    ("pacte", _("Pacte d'associés ou de coopérateurs")),
    ("charte", _("Charte")),
    ("contrat", _("Contrat ou convention")),
    ("budget-previsionnel", _("Budget prévisionnel")),
    ("plan-de-financement", _("Plan de financement")),
    ("tableau-de-bord", _("Tableau de bord ou outil de calcul")),
    ("autre", _("Autre document")),
)

LEGAL_FORMS = (
    ("cooperative-habitants", _("Coopérative d'habitants")),
    ("scia", _("Société civile immobilière d'attribution (SCIA)")),
    ("sccc", _("Société civile coopérative de construction (SCCC)")),
    ("sas-cooperative", _("SAS coopérative")),
    ("sci", _("Société civile immobilière (SCI)")),
    ("scic", _("Société coopérative d'intérêt collectif (SCIC)")),
    ("association", _("Association")),
    ("brs-ofs", _("Bail réel solidaire / Organisme de foncier solidaire (BRS/OFS)")),
    ("copropriete", _("Copropriété")),
    ("autre", _("Autre forme")),
)

PROJECT_STAGES = (
    ("reflexion", _("En réflexion")),
    ("groupe-constitue", _("Groupe constitué")),
    ("recherche-foncier", _("Recherche de foncier")),
    ("conception", _("Conception")),
    ("chantier", _("Chantier")),
    ("habite", _("Habité")),
)

TENURES = (
    ("propriete", _("Propriété")),
    ("location", _("Location")),
    ("location-sociale", _("Location sociale")),
    ("accession-sociale", _("Accession sociale")),
    ("cooperative", _("Propriété collective (coopérative)")),
    ("mixte", _("Mixte")),
)

PARTNERS = (
    ("bailleur-social", _("Bailleur social")),
    ("collectivite", _("Collectivité locale")),
    ("ofs", _("Organisme de foncier solidaire")),
    ("promoteur", _("Promoteur")),
    ("amo", _("Assistance à maîtrise d'ouvrage")),
    ("association", _("Association")),
    ("autre", _("Autre partenaire")),
)

AD_KINDS = (
    ("cherche-groupe", _("Je cherche un groupe")),
    ("groupe-cherche-membres", _("Groupe cherche des membres")),
    ("foncier-bati", _("Foncier ou bâti disponible")),
    ("logement", _("Logement dans un habitat participatif")),
    ("competences", _("Compétences à partager")),
)

# The legal and financial observatory: what a situation is about, and where it stands.
CASE_DOMAINS = (
    ("juridique", _("Juridique")),
    ("financier", _("Financier")),
)

CASE_STATUSES = (
    ("non-resolue", _("Non résolue")),
    ("en-cours", _("En cours de résolution")),
    ("resolue", _("Résolue")),
)

TEMPLATE_STATES = (
    ("published", _("Publiée")),
    ("obsolete", _("Obsolète")),
)


def _factory(pairs):
    @provider(IVocabularyFactory)
    def factory(context=None):
        return vocabulary_from_pairs(pairs)

    return factory


AudiencesVocabulary = _factory(AUDIENCES)
DocumentKindsVocabulary = _factory(DOCUMENT_KINDS)
LegalFormsVocabulary = _factory(LEGAL_FORMS)
ProjectStagesVocabulary = _factory(PROJECT_STAGES)
TenuresVocabulary = _factory(TENURES)
PartnersVocabulary = _factory(PARTNERS)
AdKindsVocabulary = _factory(AD_KINDS)
TemplateStatesVocabulary = _factory(TEMPLATE_STATES)
CaseDomainsVocabulary = _factory(CASE_DOMAINS)
CaseStatusesVocabulary = _factory(CASE_STATUSES)
LicensesVocabulary = _factory([(license.spdx, license.title) for license in LICENSES])
