"""``@@mes-competences``: a member says, from *Mon espace*, which skills they offer
and whether they want a mail when a chantier wants one of them; the links of the
mails (``@@competences-confirmer``, ``@@competences-desabonner``) turn the alert on
or off without logging in: on a GET they ask, on a POST (the button, or a mail
client's one-click unsubscribe) they act. The token is the secret of the mailbox."""

from coordaction.content.sections import WORKSTREAMS
from coordaction.policy import _
from coordaction.policy.site.mail_links import MailLinkView
from coordaction.policy.site.members import current_user_id
from coordaction.policy.workstreams import skills
from coordaction.policy.workstreams.alerts import send_confirmation
from coordaction.policy.workstreams.pages import skill_terms
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import Unauthorized
from zope.i18n import translate


class MySkillsView(BrowserView):
    template = ViewPageTemplateFile("templates/my_skills.pt")

    def __call__(self):
        self.user_id = current_user_id()
        if self.user_id is None:
            raise Unauthorized("mes-competences")
        if self.request.method == "POST" and self.request.form.get("form.save"):
            CheckAuthenticator(self.request)
            return self.save()
        return self.template()

    def tr(self, message):
        return translate(message, context=self.request)

    def save(self):
        form = self.request.form
        wanted = bool(form.get("alert"))
        token = skills.set_skills(self.user_id, form.get("skills") or [], wanted)
        if token is not None:
            sent = send_confirmation(self.user_id, token)
            message = (
                _(
                    "Your skills are saved. To receive the chantiers alert, open the "
                    "link of the e-mail we are sending you."
                )
                if sent
                else _(
                    "Your skills are saved. Your account has no e-mail address: the "
                    "alert cannot be confirmed."
                )
            )
        elif wanted and not skills.skills_of(self.user_id):
            message = _("Choose at least one skill to receive the chantiers alert.")
        else:
            message = _("Your skills are saved.")
        api.portal.show_message(self.tr(message), request=self.request, type="info")
        self.request.response.redirect(
            f"{api.portal.get().absolute_url()}/@@mes-competences"
        )
        return ""

    def skills(self):
        return skill_terms(self.request, skills.skills_of(self.user_id))

    def alert_state(self):
        return skills.alert_state(self.user_id)

    def email(self):
        return api.user.get_current().getProperty("email", "") or ""

    def chantiers_url(self):
        return f"{api.portal.get().absolute_url()}/{WORKSTREAMS}"


class SkillsLinkView(MailLinkView):
    template = ViewPageTemplateFile("templates/skills_link.pt")

    def find(self, token):
        return skills.user_of(token)

    @property
    def label(self):
        if self.unknown:
            return _("This link is not valid")
        if self.asking:
            return (
                _("Activate your chantiers alert")
                if self.confirming
                else _("Stop your chantiers alert?")
            )
        return (
            _("Your chantiers alert is active")
            if self.confirming
            else _("Your chantiers alert is stopped")
        )


class ConfirmSkillsView(SkillsLinkView):
    confirming = True

    def done(self, user_id):
        return skills.alert_state(user_id) == "on"

    def act(self, user_id):
        skills.confirm(self.token)
        return user_id


class StopSkillsView(SkillsLinkView):
    confirming = False

    def done(self, user_id):
        return False

    def act(self, user_id):
        skills.stop(self.token)
        return user_id
