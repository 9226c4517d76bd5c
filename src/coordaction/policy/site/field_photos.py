"""Photos from the field: what a person says of each photo they send (its file,
caption, credit, licence), the checks it passes (French messages by the photo
concerned), and how the photos join an item (a project sheet): the place a photo
was taken (EXIF GPS, XMP) is removed unless its author keeps it on purpose. Used by
the keeper's page of photos (project_groups) and by the public deposit form
(participation)."""

from coordaction.content.licenses import DEFAULT_LICENSE
from coordaction.content.licenses import get_license
from coordaction.content.picture_location import without_location
from coordaction.content.validators import FrenchValidationError
from coordaction.content.validators import check_image
from coordaction.policy import _
from dataclasses import dataclass
from dataclasses import field
from plone import api
from plone.namedfile.file import NamedBlobImage
from zope.i18n import translate


MOST_PHOTOS = 10  # on one sheet
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
        check_image(_Upload(row))  # its weight, its kind, its pixels
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


def rows_from_values(values, count):
    """The photos of a form whose fields are photo_1…photo_<count>, each with
    photo_<n>_legende, photo_<n>_credit and photo_<n>_licence (an easyform's
    submitted values: files as NamedBlobImage)."""
    rows = []
    for number in range(1, count + 1):
        upload = values.get(f"photo_{number}")
        rows.append(
            PhotoRow(
                number=number,
                filename=getattr(upload, "filename", "") or "",
                data=getattr(upload, "data", b"") or b"",
                caption=_text(values.get(f"photo_{number}_legende")),
                credit=_text(values.get(f"photo_{number}_credit")),
                license=_text(values.get(f"photo_{number}_licence")) or DEFAULT_LICENSE,
            )
        )
    return rows
