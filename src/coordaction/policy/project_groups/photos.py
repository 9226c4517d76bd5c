"""Photos from the field (``@@ajouter-des-photos`` on a project sheet): whoever may
add to the sheet (its maintainers, the editorial team) sends up to ten photos at
once, each with its caption, credit and licence.

Nothing is written until every photo sent is right: a file that is not a JPEG,
PNG or WebP picture, too heavy, too large, or a photo without credit sends the
whole form back, with a French message by the photo concerned. The place a
photo was taken (EXIF GPS, XMP) is removed, unless its author keeps it on
purpose. A photo under a Creative Commons licence or in the public domain also
shows in the photo bank (``coordaction.content.indexers.shown_in``)."""

from coordaction.content.licenses import DEFAULT_LICENSE
from coordaction.content.licenses import LICENSES
from coordaction.content.licenses import get_license
from coordaction.content.picture_location import without_location
from coordaction.content.validators import FrenchValidationError
from coordaction.content.validators import check_image
from coordaction.content.validators import check_upload_size
from coordaction.policy import _
from dataclasses import dataclass
from dataclasses import field
from plone import api
from plone.namedfile.file import NamedBlobImage
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from zope.i18n import translate


MOST_PHOTOS = 10  # on one sheet
OPEN_ROWS = 3  # the rows shown unfolded; the others wait under "More photos"
CAPTION_LENGTH = 200
CREDIT_LENGTH = 200


@dataclass
class PhotoRow:
    """One photo of the form, as sent: its file and what is said of it."""

    number: int
    filename: str = ""
    data: bytes = b""
    caption: str = ""
    credit: str = ""
    license: str = DEFAULT_LICENSE
    keep_location: bool = False
    errors: list = field(default_factory=list)

    @property
    def sent(self):
        return bool(self.data)


class _Upload:
    """What check_image and check_upload_size read of a file."""

    def __init__(self, row):
        self.data = row.data
        self.size = len(row.data)
        self.filename = row.filename


def read_rows(form, count):
    rows = []
    for number in range(1, count + 1):
        upload = form.get(f"photo-{number}")
        data = upload.read() if hasattr(upload, "read") else b""
        rows.append(
            PhotoRow(
                number=number,
                filename=getattr(upload, "filename", "") or "",
                data=data,
                caption=_text(form.get(f"legende-{number}")),
                credit=_text(form.get(f"credit-{number}")),
                license=_text(form.get(f"licence-{number}")) or DEFAULT_LICENSE,
                keep_location=bool(form.get(f"garder-lieu-{number}")),
            )
        )
    return rows


def _text(value):
    return " ".join(value.split()) if isinstance(value, str) else ""


def check_row(row):
    """The French problems of one photo sent (an empty list: it is right)."""
    problems = []
    try:
        check_upload_size(_Upload(row))
        check_image(_Upload(row))
    except FrenchValidationError as error:
        problems.append(error.message)
    if not row.credit:
        problems.append(
            _("Say whom to credit for this photo (for example “Photo: Jeanne Martin”).")
        )
    if len(row.credit) > CREDIT_LENGTH or len(row.caption) > CAPTION_LENGTH:
        problems.append(
            _(
                "The caption and the credit take ${length} characters at most.",
                mapping={"length": CAPTION_LENGTH},
            )
        )
    if get_license(row.license) is None:
        problems.append(_("Choose the licence of the photo from the list."))
    return problems


def add_photos(sheet, rows):
    """Add the photos of ``rows`` (all checked) to ``sheet``, in their order; the
    Images added. Adding checks the person's right to add an image there."""
    added = []
    start = len(sheet.photos())
    for offset, row in enumerate(rows, start=1):
        data = row.data if row.keep_location else without_location(row.data)
        title = row.caption or translate(
            _(
                "${title}, photo ${number}",
                mapping={"title": sheet.Title(), "number": start + offset},
            ),
            context=sheet.REQUEST,
        )
        added.append(
            api.content.create(
                container=sheet,
                type="Image",
                title=title,
                description=row.caption,
                image=NamedBlobImage(data=data, filename=row.filename or "photo"),
                license_spdx=row.license,
                attribution_text=row.credit,
                safe_id=True,
            )
        )
    return added


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
