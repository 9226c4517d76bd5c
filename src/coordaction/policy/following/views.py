"""The button "Suivre" of a working group, a chantier or a section (a viewlet
that posts to ``@@suivre``) and the member's page of follows (``@@mes-suivis``):
what they follow, how often they want the digest."""

from coordaction.policy import _
from coordaction.policy.following import follows
from coordaction.policy.following.public import has_activity_page
from coordaction.policy.site.members import current_user_id
from plone import api
from plone.app.layout.viewlets.common import ViewletBase
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zExceptions import Unauthorized
from zope.i18n import translate


class FollowViewlet(ViewletBase):
    def update(self):
        super().update()
        self.user_id = current_user_id()
        self.available = bool(self.user_id) and follows.is_followable(self.context)
        self.following = self.available and follows.follows(self.user_id, self.context)
        self.activity_url = (
            f"{self.context.absolute_url()}/@@activite"
            if has_activity_page(self.context)
            else None
        )


class FollowView(BrowserView):
    """POST: follow the context, or stop (``stop``); back to where one was."""

    def __call__(self):
        user_id = current_user_id()
        if user_id is None:
            raise Unauthorized("suivre")
        back = self.context.absolute_url()
        if self.request.method != "POST" or not follows.is_followable(self.context):
            self.request.response.redirect(back)
            return ""
        CheckAuthenticator(self.request)
        if self.request.form.get("stop"):
            follows.unfollow(user_id, self.context)
            message = _(
                "You no longer follow “${title}”.",
                mapping={"title": self.context.Title()},
            )
        else:
            follows.follow(user_id, self.context)
            message = _(
                "You follow “${title}”: what changes there comes in your digest.",
                mapping={"title": self.context.Title()},
            )
        api.portal.show_message(
            translate(message, context=self.request), request=self.request
        )
        if self.request.form.get("back") == "mes-suivis":
            back = f"{api.portal.get().absolute_url()}/@@mes-suivis"
        self.request.response.redirect(back)
        return ""


class MyFollowsView(BrowserView):
    template = ViewPageTemplateFile("templates/my_follows.pt")

    def __call__(self):
        self.user_id = current_user_id()
        if self.user_id is None:
            raise Unauthorized("mes-suivis")
        form = self.request.form
        if self.request.method == "POST" and form.get("form.frequency"):
            CheckAuthenticator(self.request)
            frequency = form.get("frequency")
            if frequency in follows.FREQUENCIES:
                follows.set_frequency(self.user_id, frequency)
                api.portal.show_message(
                    translate(_("Your choice is saved."), context=self.request),
                    request=self.request,
                )
            self.request.response.redirect(
                f"{api.portal.get().absolute_url()}/@@mes-suivis"
            )
            return ""
        return self.template()

    def followed(self):
        """What the member follows and may still see, by title."""
        return [
            {"title": obj.Title(), "url": obj.absolute_url()}
            for obj in follows.followed(self.user_id)
        ]

    def frequency(self):
        return follows.record_of(self.user_id)["frequency"]
