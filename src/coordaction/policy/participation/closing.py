"""A form that creates items in a folder taking submissions only until a date (an
edition of the national meetings) closes by itself once it is past: its page says
so, in French, instead of showing fields nobody may send any more."""

from collective.easyform.api import get_actions
from collective.easyform.browser.view import EasyFormFormWrapper
from coordaction.content.i18n import in_request_language
from coordaction.policy.participation.actions import NO_FOLDER
from coordaction.policy.participation.actions import ICreatePendingContent
from coordaction.policy.participation.actions import closed_message
from coordaction.policy.participation.actions import target_container
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


def form_closed_message(form):
    """Why the form is closed (French), or "" when it is open."""
    actions = get_actions(form)
    for name in actions:
        action = actions[name]
        if ICreatePendingContent.providedBy(action):
            container = target_container(action)
            if container is None:
                return in_request_language(NO_FOLDER)
            message = closed_message(container)
            if message:
                return message
    return ""


class FormView(EasyFormFormWrapper):
    """easyform's page of a form, or the message that it is closed."""

    closed_template = ViewPageTemplateFile("templates/form_closed.pt")

    def __call__(self):
        self.closed = form_closed_message(self.context)
        if self.closed:
            return self.closed_template()
        return super().__call__()
