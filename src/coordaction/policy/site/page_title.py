"""The title of a page in the browser's tab, its history and for screen readers:
a form or a page of its own says what it is ("Proposer une ressource — Centre de
ressources — Coordin'action"), not only where it is. Plone's viewlet names the
context alone, so every form and every page of the site root was "Coordin'action"."""

from html import escape
from plone.app.layout.viewlets.common import TitleViewlet
from zope.i18n import translate


class PageTitleViewlet(TitleViewlet):
    def update(self):
        super().update()
        # A form's wrapper (plone.z3cform) names it after its form; a page of
        # ours has a ``label``. Anything else (a method of a view) is not a name.
        form = getattr(self.view, "form_instance", None)
        label = getattr(form if form is not None else self.view, "label", None)
        if not isinstance(label, str) or not label:
            return
        label = escape(translate(label, context=self.request))
        if label in self.site_title.split(self.sep):
            return
        self.site_title = self.sep.join([label, self.site_title])
