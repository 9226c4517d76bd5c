"""Fixed lists of the domain, with French titles. Lists an administrator extends
(themes, resource kinds, shared spaces) live in the registry: see ``registry.py``."""

from coordaction.content import _
from coordaction.content.licenses import LICENSES
from coordaction.content.vocabularies.pairs import vocabulary_from_pairs
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory


AUDIENCES = (
    ("futurs-habitants", _("Future residents")),
    ("groupes-projets", _("Project groups")),
    ("collectivites", _("Local authorities")),
    ("bailleurs-sociaux", _("Social landlords")),
    ("professionnels", _("Professionals (architects, notaries, project assistants…)")),
    ("associations", _("Network associations")),
)

DOCUMENT_KINDS = (
    ("statuts", _("Articles of association")),
    ("reglement-interieur", _("Internal rules")),
    ("pacte", _("Partners' or members' pact")),
    ("charte", _("Charter")),
    ("contrat", _("Contract or agreement")),
    ("budget-previsionnel", _("Provisional budget")),
    ("plan-de-financement", _("Financing plan")),
    ("tableau-de-bord", _("Dashboard or calculation tool")),
    ("autre", _("Other document")),
)

LEGAL_FORMS = (
    ("cooperative-habitants", _("Residents' cooperative")),
    ("scia", _("Allocation property partnership (SCIA)")),
    ("sccc", _("Cooperative building partnership (SCCC)")),
    ("sas-cooperative", _("Cooperative SAS")),
    ("sci", _("Property partnership (SCI)")),
    ("scic", _("Collective interest cooperative (SCIC)")),
    ("association", _("Association")),
    ("brs-ofs", _("Solidarity real lease / Community land trust (BRS/OFS)")),
    ("copropriete", _("Co-ownership")),
    ("autre", _("Other form")),
)

PROJECT_STAGES = (
    ("reflexion", _("Thinking it over")),
    ("groupe-constitue", _("Group formed")),
    ("recherche-foncier", _("Looking for land")),
    ("conception", _("Design")),
    ("chantier", _("Construction")),
    ("habite", _("Lived in")),
)

TENURES = (
    ("propriete", _("Ownership")),
    ("location", _("Rental")),
    ("location-sociale", _("Social rental")),
    ("accession-sociale", _("Affordable home ownership")),
    ("cooperative", _("Collective ownership (cooperative)")),
    ("mixte", _("Mixed")),
)

PARTNERS = (
    ("bailleur-social", _("Social landlord")),
    ("collectivite", _("Local authority")),
    ("ofs", _("Community land trust")),
    ("promoteur", _("Developer")),
    ("amo", _("Project management assistance")),
    ("association", _("Association")),
    ("autre", _("Other partner")),
)

AD_KINDS = (
    ("cherche-groupe", _("I am looking for a group")),
    ("groupe-cherche-membres", _("Group looking for members")),
    ("cherche-foncier", _("Looking for land or a building")),
    ("foncier-bati", _("Land or building available")),
    ("logement", _("Home in a participatory housing project")),
    ("competences", _("Skills to share")),
)

# The ads about land: the project map shows them as their own layer, and the
# matching alerts may be about them.
LAND_AD_KINDS = ("cherche-foncier", "foncier-bati")

# The legal and financial observatory: what a situation is about, and where it stands.
CASE_DOMAINS = (
    ("juridique", _("Legal")),
    ("financier", _("Financial")),
)

CASE_STATUSES = (
    ("non-resolue", _("Unresolved")),
    ("en-cours", _("Being resolved")),
    ("resolue", _("Resolved")),
)

# The national meetings (RNHP): the formats a contribution may take.
PROPOSAL_FORMATS = (
    ("atelier", _("Workshop")),
    ("table-ronde", _("Round table")),
    ("visite", _("Visit")),
    ("pleniere", _("Plenary session")),
    ("stand", _("Stand")),
)

# The federation's chantiers: where one stands, and who carries it.
WORKSTREAM_STATUSES = (
    ("ouvert", _("Open")),
    ("en-cours", _("Under way")),
    ("termine", _("Completed")),
)

CARRIER_KINDS = (
    ("groupe-de-travail", _("A working group")),
    ("association", _("A member association")),
    ("federation", _("The Coordin'action")),
    ("inter-reseaux", _("Several networks")),
)

TEMPLATE_STATES = (
    ("published", _("Published")),
    ("obsolete", _("Obsolete")),
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
ProposalFormatsVocabulary = _factory(PROPOSAL_FORMATS)
WorkstreamStatusesVocabulary = _factory(WORKSTREAM_STATUSES)
CarrierKindsVocabulary = _factory(CARRIER_KINDS)
CaseDomainsVocabulary = _factory(CASE_DOMAINS)
CaseStatusesVocabulary = _factory(CASE_STATUSES)
LicensesVocabulary = _factory([(license.spdx, license.title) for license in LICENSES])
