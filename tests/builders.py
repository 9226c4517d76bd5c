"""Valid items of each content type, for tests that need one."""

from plone import api
from plone.app.textfield.value import RichTextValue
from tests import samples


def _create(container, portal_type, title, defaults, fields):
    """An item of ``portal_type``: the builder's ``defaults``, changed by ``fields``."""
    return api.content.create(
        container=container, type=portal_type, title=title, **{**defaults, **fields}
    )


def resource(container, title="Guide du foncier partagé", **fields):
    defaults = {
        "resource_kind": "guide",
        "audiences": ["futurs-habitants", "collectivites"],
        "themes": ["foncier"],
        "regions": ["53"],
        "year": 2023,
        "authors": ["Jeanne Martin"],
        "organisation": "Les Habiles",
        "license_spdx": "CC-BY-SA-4.0",
        "file": samples.pdf_file("Guide pratique du foncier solidaire"),
    }
    return _create(container, "Resource", title, defaults, fields)


def legal_template(container, title="Statuts de coopérative d'habitants", **fields):
    defaults = {
        "document_kind": "statuts",
        "legal_forms": ["cooperative-habitants"],
        "file_editable": samples.odt_file("Article premier : forme de la société"),
        "file_pdf": samples.pdf_file("Statuts types"),
        "legal_basis": "Loi ALUR du 24 mars 2014, article 47",
        "license_spdx": "CC-BY-4.0",
    }
    return _create(container, "LegalTemplate", title, defaults, fields)


def observatory_case(
    container,
    title="Refus de prêt à une coopérative d'habitants",
    templates=(),
    **fields,
):
    """A situation of the observatory; ``templates`` are the legal templates it
    links to (its "Trames-types liées")."""
    defaults = {
        "case_domains": ["financier"],
        "case_status": "resolue",
        "situation": RichTextValue(
            "<p>La banque refuse un prêt collectif à la coopérative.</p>",
            "text/html",
            "text/x-html-safe",
        ),
        "group_context": "Douze foyers en conception, près de Lyon.",
        "solution": RichTextValue(
            "<p>Un prêt garanti par la collectivité.</p>",
            "text/html",
            "text/x-html-safe",
        ),
        "legal_forms": ["cooperative-habitants"],
        "legal_references": "Loi ALUR du 24 mars 2014, article 47",
        "themes": ["financement"],
        "regions": ["84"],
        "license_spdx": "CC-BY-SA-4.0",
    }
    case = _create(container, "ObservatoryCase", title, defaults, fields)
    for template in templates:
        api.relation.create(
            source=case, target=template, relationship="related_templates"
        )
    return case


def image(container, title="La salle commune", **fields):
    defaults = {
        "image": samples.png_image(),
        "license_spdx": "CC-BY-4.0",
        "rights_holder": "Jeanne Martin",
        "attribution_text": "Photo : Jeanne Martin / Les Habiles",
        "themes": ["gouvernance"],
        "regions": ["84"],
    }
    return _create(container, "Image", title, defaults, fields)


def project_sheet(container, title="Le Village Vertical", **fields):
    defaults = {
        "stage": "habite",
        "commune": "Villeurbanne",
        "postal_code": "69100",
        "departement": "69",
        "region": "84",
        "latitude": 45.7719,
        "longitude": 4.8902,
        "households_planned": 14,
        "households_current": 14,
        "legal_form": "cooperative-habitants",
        "tenure": "cooperative",
        "partners": ["bailleur-social"],
        "partners_details": "Rhône Saône Habitat",
        "start_year": 2005,
        "move_in_year": 2013,
        "looking_for_members": True,
        "shared_spaces": ["salle-commune", "buanderie"],
        "website": "https://village-vertical.example.org",
        "contact_email": "contact@village-vertical.example.org",
    }
    return _create(container, "ProjectSheet", title, defaults, fields)


def working_group(container, title="Groupe juridique", **fields):
    defaults = {"visibility": "private", "join_policy": "closed"}
    return _create(container, "WorkingGroup", title, defaults, fields)


def classified_ad(container, title="Groupe nantais cherche deux foyers", **fields):
    defaults = {
        "ad_kind": "groupe-cherche-membres",
        "text": "Nous sommes six foyers.\nNous cherchons deux familles.",
        "region": "52",
        "departement": "44",
        "commune": "Rezé",
        "contact_email": "annonce@example.org",
    }
    return _create(container, "ClassifiedAd", title, defaults, fields)


def workstream(container, title="Relire les statuts types de coopérative", **fields):
    defaults = {
        "needs": "Relire les statuts types avant leur publication.\nSignaler les clauses "
        "à revoir depuis la loi ALUR.",
        "skills": ["juridique", "redaction"],
        "time_needed": "Deux demi-journées d'ici mars",
        "carrier_kind": "groupe-de-travail",
        "carrier_name": "Groupe de travail Juridique",
        "regions": [],
    }
    return _create(container, "Workstream", title, defaults, fields)


def publish(*items):
    for item in items:
        api.content.transition(item, to_state="published")
    return items[0] if len(items) == 1 else items


def published_samples(portal):
    """One published item of each public type, in its section."""
    return publish(
        resource(portal["centre-de-ressources"]),
        legal_template(portal["trames-types"]),
        project_sheet(portal["projets"]),
        classified_ad(portal["petites-annonces"]),
    )
