"""Known templates and observatory situations, published and private, built once for
all the observatory tests."""

from plone.app.textfield.value import RichTextValue
from tests import builders
from tests.layers import content_layers


# The situations anonymous visitors may find, and the one they may not.
LOAN = "Refus de prêt à une coopérative d'habitants"
NOTARY = "Le notaire refuse les statuts de la SCIA"
INSURANCE = "Assurance dommages-ouvrage introuvable"
PUBLISHED_CASES = {LOAN, NOTARY, INSURANCE}
PRIVATE_CASE = "Situation en brouillon sur la coopérative"

COOPERATIVE_TEMPLATE = "Statuts de coopérative d'habitants"
SCIA_TEMPLATE = "Statuts de SCIA"
SAS_TEMPLATE = "Pacte d'associés de SAS coopérative"
DRAFT_TEMPLATE = "Pacte en cours de rédaction"


def html(text):
    return RichTextValue(text, "text/html", "text/x-html-safe")


def create_observatory_content(portal):
    templates = portal["trames-types"]
    builders.publish(
        builders.legal_template(templates, title=COOPERATIVE_TEMPLATE),
        builders.legal_template(templates, title=SCIA_TEMPLATE, legal_forms=["scia"]),
    )
    sas = builders.publish(
        builders.legal_template(
            templates,
            title=SAS_TEMPLATE,
            document_kind="pacte",
            legal_forms=["sas-cooperative"],
        )
    )
    draft = builders.legal_template(templates, title=DRAFT_TEMPLATE)
    observatory = portal["observatoire"]
    builders.publish(
        builders.observatory_case(observatory, title=LOAN),
        builders.observatory_case(
            observatory,
            title=NOTARY,
            case_domains=["juridique"],
            case_status="en-cours",
            situation=html(
                "<p>Le notaire ne connaît pas la société d'attribution.</p>"
            ),
            solution=html("<p>Un passage par une SAS coopérative est à l'étude.</p>"),
            legal_forms=["scia"],
            legal_references=(
                "Code de la construction et de l'habitation, article L. 212-1\n"
                "\n"
                "Loi du 16 juillet 1971"
            ),
            themes=["juridique"],
            regions=["53"],
            templates=[sas, draft],
        ),
        builders.observatory_case(
            observatory,
            title=INSURANCE,
            case_domains=["juridique", "financier"],
            case_status="non-resolue",
            situation=html("<p>Aucun assureur ne couvre l'autoconstruction.</p>"),
            solution=None,
            legal_forms=["cooperative-habitants", "scia"],
            legal_references="Code des assurances, article L. 242-1",
            themes=["financement"],
            regions=["53"],
        ),
    )
    builders.observatory_case(
        observatory,
        title=PRIVATE_CASE,
        case_domains=["juridique"],
        case_status="en-cours",
        legal_forms=["cooperative-habitants"],
        themes=["juridique"],
        regions=["53"],
        templates=[sas],
    )


OBSERVATORY = content_layers("Observatory", create_observatory_content)
OBSERVATORY_FUNCTIONAL_TESTING = OBSERVATORY.functional
