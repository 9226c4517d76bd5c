"""Photos from the field (``@@ajouter-des-photos`` on a project sheet): whoever may
add to the sheet (its maintainers, the editorial team) sends up to ten photos at
once, each with its caption, credit and licence (``coordaction.policy.site.
field_photos``: the checks, all or nothing, and the place removed). A photo under a
Creative Commons licence or in the public domain also shows in the photo bank
(``coordaction.content.indexers.shown_in``)."""

from coordaction.content.licenses import LICENSES
from coordaction.policy import _
from coordaction.policy.site.field_photos import MOST_PHOTOS
from coordaction.policy.site.field_photos import PhotoRow
from coordaction.policy.site.field_photos import add_photos
from coordaction.policy.site.field_photos import check_row
from coordaction.policy.site.field_photos import read_rows
from plone import api
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


OPEN_ROWS = 3  # the rows shown unfolded; the others wait under "More photos"


class AddPhotosView(BrowserView):
    """The form, and what it does with a POST."""

    template = ViewPageTemplateFile("templates/photos.pt")
    row_template = ViewPageTemplateFile("templates/photo_rows.pt")
    problem = None

    def __call__(self):
        self.request.response.setHeader("Cache-Control", "private, no-store")
        self.rows = [PhotoRow(number) for number in range(1, self.room() + 1)]
        if self.request.method == "POST" and self.request.form.get("envoyer"):
            CheckAuthenticator(self.request)
            if self.receive():
                return ""
        return self.template()

    def room(self):
        """How many photos the sheet may still take."""
        return max(0, MOST_PHOTOS - len(self.context.photos()))

    def receive(self):
        """Add the photos sent if all are right (and lead back to the sheet);
        otherwise keep what was typed and say what is wrong."""
        self.rows = read_rows(self.request.form, self.room())
        sent = [row for row in self.rows if row.sent]
        if not sent:
            self.problem = _("Choose at least one photo.")
            return False
        for row in sent:
            row.errors = check_row(row)
        if any(row.errors for row in sent):
            self.problem = _(
                "Nothing was added: correct the photos marked below, then choose "
                "their files again."
            )
            self.request.response.setStatus(400)
            return False
        added = add_photos(self.context, sent)
        api.portal.show_message(
            _("${count} photo(s) added to the sheet.", mapping={"count": len(added)}),
            request=self.request,
        )
        self.request.response.redirect(self.context.absolute_url())
        return True

    def open_rows(self):
        return self.rows[:OPEN_ROWS]

    def more_rows(self):
        return self.rows[OPEN_ROWS:]

    def licenses(self):
        return LICENSES

    def photo_count(self):
        return len(self.context.photos())

    def most_photos(self):
        return MOST_PHOTOS
