"""@@contacter: write to the author of an ad, or to a project group, without
learning their address. The message goes to the item's private contact e-mail
(or its owner's), with the sender's address as Reply-To: the author chooses to
answer or not."""

from coordaction.content.content.project_sheet import IProjectSheet
from coordaction.content.i18n import in_french
from coordaction.policy import _
from coordaction.policy.participation.antispam import anonymous_post_allowed
from coordaction.policy.security.csrf import has_token
from coordaction.workflows.notifications import author_address
from email.message import EmailMessage
from email.utils import formataddr
from plone import api
from plone.autoform.form import AutoExtensibleForm
from plone.schema import Email
from plone.supermodel import model
from plone.z3cform import layout
from z3c.form import button
from z3c.form import form
from zope import schema
from zope.interface import Invalid
import logging


logger = logging.getLogger(__name__)


def must_be_checked(value):
    if not value:
        raise Invalid(_("Cochez cette case pour que nous puissions transmettre."))
    return True


class IContactAuthor(model.Schema):
    name = schema.TextLine(title=_("Votre nom"), max_length=100)
    email = Email(
        title=_("Votre adresse électronique"),
        description=_("L'auteur vous répondra à cette adresse."),
    )
    message = schema.Text(title=_("Votre message"), max_length=5000)
    consent = schema.Bool(
        title=_("J'accepte que mon nom et mon adresse soient transmis à l'auteur"),
        description=_("Le portail ne garde pas votre message."),
        required=True,
        constraint=must_be_checked,
    )


class ContactAuthorForm(AutoExtensibleForm, form.Form):
    schema = IContactAuthor
    ignoreContext = True
    sent = False
    # The form carries plone.protect's token (``_authenticator``), for visitors too.
    enableCSRFProtection = True

    def update(self):
        # A post without the token (another site's page, an old copy of the form)
        # runs no action: the form comes back with a message, instead of the
        # Forbidden plone.app.z3cform's action manager would raise.
        refused = self.request.method == "POST" and not has_token(self.request)
        if refused:
            for name in [name for name in self.request.form if ".buttons." in name]:
                del self.request.form[name]
        super().update()
        if refused:
            self.status = _(
                "Le formulaire a expiré ou ne vient pas de ce site : rechargez la "
                "page et envoyez à nouveau votre message."
            )

    @property
    def label(self):
        if IProjectSheet.providedBy(self.context):
            return _(
                "Écrire au groupe « ${title} »", mapping={"title": self.context.Title()}
            )
        return _(
            "Répondre à l'annonce « ${title} »", mapping={"title": self.context.Title()}
        )

    description = _(
        "Votre message est transmis par courriel, sans que son adresse vous soit "
        "communiquée."
    )

    @button.buttonAndHandler(_("Envoyer le message"), name="send")
    def handle_send(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = _("Corrigez les erreurs signalées ci-dessous.")
            return
        if not anonymous_post_allowed(self.request):
            self.status = _(
                "Trop d'envois depuis votre connexion : réessayez dans une heure."
            )
            return
        recipient = author_address(self.context)
        if not recipient:
            self.status = _(
                "Cet auteur ne peut pas être contacté : écrivez à la Coordin'action."
            )
            return
        try:
            self.send(recipient, data)
        except Exception:
            logger.exception("Could not forward a message about %r", self.context)
            self.status = _(
                "Le message n'a pas pu être envoyé. Réessayez plus tard, ou "
                "écrivez à la Coordin'action."
            )
            return
        self.sent = True
        api.portal.show_message(
            _("Votre message a été transmis à l'auteur."), request=self.request
        )
        self.request.response.redirect(self.context.absolute_url())

    def send(self, recipient, data):
        sender_name = api.portal.get_registry_record(
            "plone.email_from_name", default=""
        )
        sender = api.portal.get_registry_record("plone.email_from_address")
        mapping = {
            "title": self.context.Title(),
            "name": data["name"],
            "email": data["email"],
            "message": data["message"],
            "url": self.context.absolute_url(),
        }
        message = EmailMessage()
        message["Subject"] = in_french(
            _("[Coordin'action] Message à propos de « ${title} »", mapping=mapping)
        )
        message["From"] = formataddr((sender_name, sender))
        message["To"] = recipient
        message["Reply-To"] = formataddr((data["name"], data["email"]))
        message.set_content(
            in_french(
                _(
                    "Bonjour,\n\n${name} vous écrit à propos de « ${title} » "
                    "(${url}) :\n\n${message}\n\n-- \nPour répondre, répondez à ce "
                    "courriel : il ira à ${email}. Le portail de la Coordin'action "
                    "ne lui a pas donné votre adresse.",
                    mapping=mapping,
                )
            )
        )
        api.portal.get_tool("MailHost").send(message, immediate=False)


ContactAuthorView = layout.wrap_form(ContactAuthorForm)
