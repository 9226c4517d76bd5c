"""@@contacter: write to the author of an ad, or to a project group, without
learning their address. The message goes to the item's private contact e-mail
(or its owner's), with the sender's address as Reply-To: the author chooses to
answer or not."""

from coordaction.content.content.project_sheet import IProjectSheet
from coordaction.content.i18n import in_site_language
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
        raise Invalid(_("Tick this box so that we can forward it."))
    return True


class IContactAuthor(model.Schema):
    name = schema.TextLine(title=_("Your name"), max_length=100)
    email = Email(
        title=_("Your e-mail address"),
        description=_("The author will reply to you at this address."),
    )
    message = schema.Text(title=_("Your message"), max_length=5000)
    consent = schema.Bool(
        title=_("I accept that my name and address are forwarded to the author"),
        description=_("The portal does not keep your message."),
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
                "The form has expired or does not come from this site: reload the page "
                "and send your message again."
            )

    @property
    def label(self):
        if IProjectSheet.providedBy(self.context):
            return _(
                "Write to the group “${title}”", mapping={"title": self.context.Title()}
            )
        return _("Reply to the ad “${title}”", mapping={"title": self.context.Title()})

    description = _(
        "Your message is forwarded by e-mail, without their address being given to you."
    )

    @button.buttonAndHandler(_("Send the message"), name="send")
    def handle_send(self, action):
        data, errors = self.extractData()
        if errors:
            self.status = _("Correct the errors shown below.")
            return
        if not anonymous_post_allowed(self.request):
            self.status = _(
                "Too many submissions from your connection: try again in an hour."
            )
            return
        recipient = author_address(self.context)
        if not recipient:
            self.status = _(
                "This author cannot be contacted: write to the Coordin'action."
            )
            return
        try:
            self.send(recipient, data)
        except Exception:
            logger.exception("Could not forward a message about %r", self.context)
            self.status = _(
                "The message could not be sent. Try again later, or write to the "
                "Coordin'action."
            )
            return
        self.sent = True
        api.portal.show_message(
            _("Your message has been forwarded to the author."), request=self.request
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
        message["Subject"] = in_site_language(
            _("[Coordin'action] Message about “${title}”", mapping=mapping)
        )
        message["From"] = formataddr((sender_name, sender))
        message["To"] = recipient
        message["Reply-To"] = formataddr((data["name"], data["email"]))
        message.set_content(
            in_site_language(
                _(
                    "Hello,\n"
                    "\n"
                    "${name} writes to you about “${title}” (${url}):\n"
                    "\n"
                    "${message}\n"
                    "\n"
                    "-- \n"
                    "To answer, reply to this e-mail: it will go to ${email}. The "
                    "Coordin'action portal did not give them your address.",
                    mapping=mapping,
                )
            )
        )
        api.portal.get_tool("MailHost").send(message, immediate=False)


ContactAuthorView = layout.wrap_form(ContactAuthorForm)
