"""The public forms of the portal, shipped with the site: collective.easyform
forms in the "Contribuer" section, and the privacy notice they link to.

Their fields and actions are supermodel XML files in ``models/``, the format
easyform imports and exports; after their creation they are ordinary content
that a site administrator edits through the web (so creating them again never
overwrites an existing form)."""

from collective.easyform.api import get_actions
from collective.easyform.api import get_schema
from coordaction.content.i18n import in_french
from coordaction.content.sections import CONTRIBUTE
from coordaction.content.site_items import ensure_item
from coordaction.content.site_items import publish
from coordaction.policy import _
from pathlib import Path
from plone.app.textfield.value import RichTextValue
from Products.CMFCore.indexing import processQueue


MODELS = Path(__file__).parent / "models"
PRIVACY_NOTICE = "donnees-personnelles"


# id -> title, description, submit label, thanks title, thanks text
FORMS = {
    "deposer-une-annonce": (
        _("Déposer une petite annonce"),
        _(
            "Un groupe qui cherche des membres, un terrain ou un logement disponible, "
            "des compétences à partager : votre annonce est publiée après relecture "
            "et reste en ligne 90 jours."
        ),
        _("Déposer l'annonce"),
        _("Merci, votre annonce est enregistrée"),
        _(
            "Elle sera publiée après relecture par l'équipe de la Coordin'action. "
            "Vous avez reçu un accusé de réception par courriel."
        ),
    ),
    "deposer-une-fiche-projet": (
        _("Déposer une fiche projet"),
        _(
            "Faites connaître votre projet d'habitat participatif : il rejoindra la "
            "base de données et la carte des projets après relecture."
        ),
        _("Déposer la fiche"),
        _("Merci, votre fiche projet est enregistrée"),
        _(
            "Elle sera publiée sur la carte des projets après relecture. Vous pourrez "
            "ensuite ajouter des photos avec l'équipe de la Coordin'action."
        ),
    ),
    "proposer-une-contribution-rnhp": (
        _("Proposer une contribution aux RNHP"),
        _(
            "Atelier, table ronde, visite… proposez votre contribution aux Rencontres "
            "nationales de l'habitat participatif."
        ),
        _("Envoyer la proposition"),
        _("Merci pour votre proposition"),
        _(
            "L'équipe d'organisation des RNHP l'a bien reçue et reviendra vers vous "
            "par courriel."
        ),
    ),
    "nous-contacter": (
        _("Nous contacter"),
        _("Une question, une idée, une demande ? Écrivez à la Coordin'action."),
        _("Envoyer"),
        _("Merci, votre message est envoyé"),
        _("Nous vous répondrons par courriel dans les meilleurs délais."),
    ),
}


PRIVACY_TEXT = _(
    "<p>La Coordin'action ne demande que les données nécessaires à ce que vous "
    "faites sur le portail.</p>"
    "<h2>Ce que nous conservons</h2>"
    "<ul>"
    "<li><strong>Petites annonces et fiches projet</strong> : l'adresse électronique "
    "donnée au dépôt. Elle n'est jamais publiée : les réponses vous sont "
    "transmises par un formulaire. Elle est conservée tant que l'annonce ou la "
    "fiche existe.</li>"
    "<li><strong>Formulaires de contact et propositions de contribution</strong> : "
    "ce que vous avez écrit, votre nom et votre adresse, supprimés automatiquement "
    "au terme de la durée de conservation fixée par la Coordin'action (un an par "
    "défaut).</li>"
    "<li><strong>Alertes de la mise en lien</strong> : votre adresse et vos "
    "critères, jusqu'à votre désabonnement (un lien dans chaque message) ; une "
    "inscription non confirmée est effacée au bout de sept jours.</li>"
    "</ul>"
    "<h2>Vos droits</h2>"
    "<p>Pour consulter, corriger ou effacer vos données, écrivez-nous par le "
    "formulaire « Nous contacter » en indiquant l'adresse concernée : un "
    "administrateur efface toutes les données liées à cette adresse.</p>"
)


def _read_model(form_id, kind):
    return (MODELS / f"{form_id}.{kind}.xml").read_text(encoding="utf-8")


def ensure_privacy_notice(portal):
    page, _created = ensure_item(
        portal,
        PRIVACY_NOTICE,
        "Document",
        title=in_french(_("Données personnelles")),
        description=in_french(
            _("Ce que le portail conserve de vous, et comment le faire effacer.")
        ),
        text=RichTextValue(in_french(PRIVACY_TEXT), "text/html", "text/x-html-safe"),
        exclude_from_nav=True,
    )
    publish(page)
    return page


def privacy_footer(notice):
    """Below each form: the link to the privacy notice the consent refers to
    (by its UID: Plone writes the page's address when it shows the form)."""
    url = f"resolveuid/{notice.UID()}"
    return in_french(
        _(
            '<p class="discreet">Ce que nous faisons de vos données : '
            '<a href="${url}">Données personnelles</a>.</p>',
            mapping={"url": url},
        )
    )


def ensure_forms(portal, notice):
    """Create and publish the forms that are missing; return the created ones."""
    section = portal.get(CONTRIBUTE)
    if section is None:
        return []
    created = []
    for form_id, (title, description, submit, thanks, thanks_text) in FORMS.items():
        form, is_new = ensure_item(
            section,
            form_id,
            "EasyForm",
            title=in_french(title),
            description=in_french(description),
            submitLabel=in_french(submit),
            thankstitle=in_french(thanks),
            thanksdescription=in_french(thanks_text),
        )
        if is_new:
            form.fields_model = _read_model(form_id, "fields")
            form.actions_model = _read_model(form_id, "actions")
            # Load them now: a broken model fails here, not in a visitor's face.
            get_schema(form)
            get_actions(form)
            form.formEpilogue = RichTextValue(
                privacy_footer(notice), "text/html", "text/x-html-safe"
            )
            created.append(form)
        publish(form)
    return created


def ensure_participation(portal):
    notice = ensure_privacy_notice(portal)
    created = ensure_forms(portal, notice)
    # Index now, while the site is the active component site (see skeleton.py).
    processQueue()
    return created
