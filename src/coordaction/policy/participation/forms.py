"""The public forms of the portal, shipped with the site: collective.easyform
forms in the "Contribuer" section, and the privacy notice they link to.

Their fields and actions are supermodel XML files in ``models/``, the format
easyform imports and exports; after their creation they are ordinary content
that a site administrator edits through the web (so creating them again never
overwrites an existing form)."""

from collective.easyform.api import get_actions
from collective.easyform.api import get_schema
from coordaction.content.i18n import in_site_language
from coordaction.content.sections import CONTRIBUTE
from coordaction.content.site_items import CONTACT_FORM
from coordaction.content.site_items import EVENT_FORM
from coordaction.content.site_items import PRIVACY_NOTICE
from coordaction.content.site_items import SETUP_FORM
from coordaction.content.site_items import ensure_item
from coordaction.content.site_items import publish
from coordaction.policy import _
from pathlib import Path
from plone.app.textfield.value import RichTextValue
from Products.CMFCore.indexing import processQueue


MODELS = Path(__file__).parent / "models"


# id -> title, description, submit label, thanks title, thanks text
FORMS = {
    "deposer-une-annonce": (
        _("Submit a classified ad"),
        _(
            "A group looking for members, land or a home available, skills to "
            "share: your ad is published after review and stays online for 90 days."
        ),
        _("Submit the ad"),
        _("Thank you, your ad is saved"),
        _(
            "It will be published after review by the Coordin'action team. You "
            "have received an acknowledgement of receipt by e-mail."
        ),
    ),
    "deposer-une-fiche-projet": (
        _("Submit a project sheet"),
        _(
            "Make your participatory housing project known: it will join the "
            "project database and map after review."
        ),
        _("Submit the sheet"),
        _("Thank you, your project sheet is saved"),
        _(
            "It will be published on the project map after review, with its "
            "photos. You can then ask to keep it up to date yourself: “It is our "
            "project” on the sheet."
        ),
    ),
    EVENT_FORM: (
        _("Propose an event"),
        _(
            "A meeting, a visit, an open day, a training: your event joins the "
            "network's agenda after review."
        ),
        _("Propose the event"),
        _("Thank you, your event is saved"),
        _(
            "It will appear in the agenda after review by the Coordin'action team. "
            "You have received an acknowledgement of receipt by e-mail."
        ),
    ),
    SETUP_FORM: (
        _("Share our set-up"),
        _(
            "Your legal form, your financing plan in broad figures, your partners, "
            "the difficulties met and how you solved them: after review, your "
            "experience joins the legal and financial observatory, for the groups "
            "that follow."
        ),
        _("Share the set-up"),
        _("Thank you for sharing your set-up"),
        _(
            "The Coordin'action team will review it before publishing it in the "
            "observatory; what you keep for the team is never published. You have "
            "received an acknowledgement of receipt by e-mail."
        ),
    ),
    "proposer-une-contribution-rnhp": (
        _("Propose a contribution to the RNHP"),
        _(
            "Workshop, round table, visit… propose your contribution to the "
            "National Meetings of Participatory Housing."
        ),
        _("Send the proposal"),
        _("Thank you for your proposal"),
        _(
            "The RNHP organisers have received it. You will receive by e-mail a link "
            "to follow its status, and a message at each step."
        ),
    ),
    CONTACT_FORM: (
        _("Contact us"),
        _("A question, an idea, a request? Write to the Coordin'action."),
        _("Send"),
        _("Thank you, your message is sent"),
        _("We will reply to you by e-mail as soon as possible."),
    ),
}


PRIVACY_TEXT = _(
    "<p>The Coordin'action only asks for the data needed for what you do "
    "on the portal.</p><h2>What we keep</h2><ul><li><strong>Classified ads "
    "and project sheets</strong>: the e-mail address given when "
    "submitting. It is never published: replies are forwarded to you "
    "through a form. It is kept as long as the ad or the sheet "
    "exists.</li><li><strong>Contributions proposed for the national "
    "meetings</strong>: your name and your address, seen by the organisers "
    "only, who write to you at each step; kept as long as the proposal "
    "exists.</li><li><strong>Contact forms</strong>: what you wrote, your "
    "name and your address, "
    "deleted automatically at the end of the retention period set by the "
    "Coordin'action (one year by default).</li><li><strong>Matching "
    "alerts</strong>: your address and your criteria, until you "
    "unsubscribe (a link in every message); an unconfirmed subscription is "
    "deleted after seven days.</li></ul><h2>What your browser loads</h2><p>The "
    "pages of the portal, their fonts, scripts and images, the Creative Commons "
    "buttons included, are served by the portal itself: your browser contacts no "
    "other server. The only exception is the map of the projects: its background "
    "(the map tiles) is loaded from the tile server chosen by the Coordin'action "
    "(OpenStreetMap by default), which thereby receives your IP address and the "
    "area of the map you look at.</p><h2>Your rights</h2><p>To see, "
    "correct or delete your data, write to us through the “Contact us” "
    "form, giving the address concerned: an administrator deletes all the "
    "data linked to that address.</p>"
)


def _read_model(form_id, kind):
    return (MODELS / f"{form_id}.{kind}.xml").read_text(encoding="utf-8")


def ensure_privacy_notice(portal):
    page, _created = ensure_item(
        portal,
        PRIVACY_NOTICE,
        "Document",
        title=_("Personal data"),
        description=_("What the portal keeps about you, and how to have it deleted."),
        text=RichTextValue(
            in_site_language(PRIVACY_TEXT), "text/html", "text/x-html-safe"
        ),
        exclude_from_nav=True,
    )
    publish(page)
    return page


def privacy_footer(notice):
    """Below each form: the link to the privacy notice the consent refers to
    (by its UID: Plone writes the page's address when it shows the form)."""
    url = f"resolveuid/{notice.UID()}"
    return in_site_language(
        _(
            '<p class="discreet">What we do with your data: <a '
            'href="${url}">Personal data</a>.</p>',
            mapping={"url": url},
        )
    )


# The first tab of the forms whose fields come in tabs (Plone would say "Défaut").
FIRST_TABS = {"deposer-une-fiche-projet": _("Your project")}


def load_models(form, form_id):
    """Give the form the fields and actions shipped for ``form_id``; load them now,
    so that a broken model fails here, not in a visitor's face."""
    form.fields_model = _read_model(form_id, "fields")
    form.actions_model = _read_model(form_id, "actions")
    if form_id in FIRST_TABS:
        form.default_fieldset_label = in_site_language(FIRST_TABS[form_id])
    get_schema(form)
    get_actions(form)


def replace_form_models(portal, form_id):
    """For an upgrade: the form ``form_id`` of an existing site gets the fields and
    actions shipped now (what an administrator changed in them is lost)."""
    section = portal.get(CONTRIBUTE)
    form = section.get(form_id) if section is not None else None
    if form is not None:
        load_models(form, form_id)
    return form


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
            title=title,
            description=description,
            submitLabel=submit,
            thankstitle=thanks,
            thanksdescription=thanks_text,
        )
        if is_new:
            load_models(form, form_id)
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
