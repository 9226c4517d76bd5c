"""The pages of "C'est notre projet : le mettre à jour": the link on a project
sheet, the page that asks the group (``@@c-est-notre-projet``), and the page the
group's e-mail leads to (``@@confier-la-fiche``, acting on a POST only)."""

from coordaction.content.sections import CONTRIBUTE
from coordaction.content.site_items import CONTACT_FORM
from coordaction.policy import _
from coordaction.policy.project_groups import maintainers
from coordaction.policy.site.mail_links import MailLinkView
from coordaction.policy.site.members import current_user_id
from coordaction.policy.site.members import member_email
from coordaction.policy.site.members import member_name
from coordaction.workflows.notices import send_notice
from plone import api
from plone.app.layout.viewlets import ViewletBase
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class ClaimLinkViewlet(ViewletBase):
    """On a published sheet, for whoever cannot edit it yet."""

    index = ViewPageTemplateFile("templates/claim_link.pt")

    def available(self):
        return (
            api.content.get_state(self.context, default=None) == "published"
            and not api.user.has_permission("Modify portal content", obj=self.context)
            and not maintainers.is_maintainer(self.context, current_user_id())
        )

    def render(self):
        return self.index() if self.available() else ""


class ClaimView(BrowserView):
    """Ask the group to entrust its sheet to the member."""

    template = ViewPageTemplateFile("templates/claim.pt")
    sent = False
    left = False

    def __call__(self):
        self.user_id = current_user_id()
        self.request.response.setHeader("Cache-Control", "private, no-store")
        if (
            self.request.method == "POST"
            and self.request.form.get("laisser")
            and self.maintainer()
        ):
            CheckAuthenticator(self.request)
            self.left = maintainers.hand_over(self.context, self.user_id)
        elif (
            self.request.method == "POST"
            and self.user_id
            and self.can_ask()
            and self.request.form.get("demander")
        ):
            CheckAuthenticator(self.request)
            self.ask()
        return self.template()

    def can_ask(self):
        return (
            bool(self.context.contact_email)
            and not self.keeps_it()
            and api.content.get_state(self.context, default=None) == "published"
        )

    def maintainer(self):
        return maintainers.is_maintainer(self.context, self.user_id)

    def keeps_it(self):
        return api.user.has_permission("Modify portal content", obj=self.context)

    def ask(self):
        token, mail = maintainers.ask(self.context, self.user_id)
        self.sent = True
        if not mail:
            return
        mapping = {
            "title": self.context.Title(),
            "name": member_name(self.user_id),
            "url": f"{api.portal.get().absolute_url()}/@@confier-la-fiche?jeton={token}",
            "sheet": self.context.absolute_url(),
        }
        send_notice(
            [self.context.contact_email],
            _("[Coordin'action] Update the sheet of ${title}?", mapping=mapping),
            _(
                "Hello,\n"
                "\n"
                "${name}, a member of the Coordin'action portal, says they belong to "
                "your group and asks to keep the sheet of “${title}” up to date:\n"
                "${sheet}\n"
                "\n"
                "If it is one of you, open this link and press the button of the page: "
                "${name} will then be able to change the sheet.\n"
                "${url}\n"
                "\n"
                "If you do not know this person, ignore this message: nothing will "
                "change.",
                mapping=mapping,
            ),
        )

    def login_url(self):
        return f"{api.portal.get().absolute_url()}/login?came_from={self.context.absolute_url()}/@@c-est-notre-projet"

    def contact_url(self):
        return f"{api.portal.get().absolute_url()}/{CONTRIBUTE}/{CONTACT_FORM}"

    def edit_url(self):
        return f"{self.context.absolute_url()}/edit"


class EntrustView(MailLinkView):
    """The group entrusts its sheet to the member who asked."""

    template = ViewPageTemplateFile("templates/entrust.pt")

    def find(self, token):
        found = maintainers.find(token)
        if found is None:
            return None
        sheet, claim = found
        return {"sheet": sheet, "claim": claim}

    def done(self, found):
        return found["claim"] is None

    def act(self, found):
        claim = found["claim"]
        if claim is None:
            return found
        user_id = maintainers.entrust(found["sheet"], claim["token"])
        if user_id is not None:
            self.tell(found["sheet"], user_id)
        return dict(found, claim=None, entrusted=user_id)

    def tell(self, sheet, user_id):
        address = member_email(user_id)
        if not address:
            return
        mapping = {"title": sheet.Title(), "url": f"{sheet.absolute_url()}/edit"}
        send_notice(
            [address],
            _("[Coordin'action] You keep the sheet of ${title}", mapping=mapping),
            _(
                "Hello,\n"
                "\n"
                "Your group entrusted you with the sheet of “${title}”. Change it "
                "whenever the project moves on; each change is kept in its history:\n"
                "${url}\n"
                "\n"
                "Thank you for keeping the project database alive!",
                mapping=mapping,
            ),
        )

    def sheet_title(self):
        return self.found["sheet"].Title() if self.found else ""

    def member(self):
        claim = (self.found or {}).get("claim")
        return member_name(claim["user_id"]) if claim else ""
