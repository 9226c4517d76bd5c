"""Field constraints and invariants shared by the content types. Every error says
what is wrong, in French, in the edit form and in the REST API's 400 answers."""

from coordaction.content import _
from coordaction.content.i18n import in_request_language
from coordaction.content.settings import content_setting
from coordaction.content.vocabularies.geography import region_of_departement
from datetime import date
from PIL import Image as PILImage
from zope.interface import Invalid
from zope.schema import ValidationError
import io
import re


class FrenchValidationError(ValidationError):
    """A validation error whose message is built when it is raised."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def doc(self):
        return in_request_language(self.message)

    def __str__(self):
        return self.doc()


def _extension(filename):
    return (
        (filename or "").rsplit(".", 1)[-1].lower() if "." in (filename or "") else ""
    )


def check_upload_size(value):
    """Refuse a file beyond the limit set in the control panel."""
    limit_mb = content_setting("max_upload_mb")
    size = getattr(value, "size", None)
    if size is None and hasattr(value, "getSize"):
        size = value.getSize()
    if size and size > limit_mb * 1024 * 1024:
        raise FrenchValidationError(
            _(
                "The file weighs ${size} MB: the limit is ${limit} MB.",
                mapping={"size": round(size / 1024 / 1024, 1), "limit": limit_mb},
            )
        )
    return True


# The pictures people send: what every browser shows, and a size a phone opens.
IMAGE_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
MOST_PIXELS = 40_000_000


def check_image(value):
    """Refuse what is not a JPEG, PNG or WebP picture, one beyond the upload
    limit, or one of more than 40 million pixels (a trap for the server that
    scales it)."""
    check_upload_size(value)
    data = getattr(value, "data", b"") or b""
    try:
        with PILImage.open(io.BytesIO(data)) as picture:
            kind = picture.format
            width, height = picture.size
    except (OSError, ValueError, PILImage.DecompressionBombError):
        kind = None
    if kind not in IMAGE_FORMATS:
        raise FrenchValidationError(
            _("This file is not a JPEG, PNG or WebP picture: choose another one.")
        )
    if width * height > MOST_PIXELS:
        raise FrenchValidationError(
            _(
                "The picture is ${width} × ${height} pixels: reduce it to 40 million "
                "pixels at most (for instance 8,000 × 5,000).",
                mapping={"width": width, "height": height},
            )
        )
    return True


EDITABLE_TEMPLATE_EXTENSIONS = ("odt", "ods", "docx", "xlsx")


def check_editable_template(value):
    check_upload_size(value)
    if _extension(getattr(value, "filename", "")) not in EDITABLE_TEMPLATE_EXTENSIONS:
        raise FrenchValidationError(
            _(
                "“${filename}” is not an editable template: upload an ODT, ODS, DOCX "
                "or XLSX file.",
                mapping={"filename": getattr(value, "filename", "") or "?"},
            )
        )
    return True


def check_pdf(value):
    check_upload_size(value)
    if _extension(getattr(value, "filename", "")) != "pdf":
        raise FrenchValidationError(
            _(
                "“${filename}” is not a PDF.",
                mapping={"filename": getattr(value, "filename", "") or "?"},
            )
        )
    return True


def check_latitude(value):
    if not -90 <= value <= 90:
        raise FrenchValidationError(
            _("The latitude must be between -90 and 90 degrees.")
        )
    return True


def check_longitude(value):
    if not -180 <= value <= 180:
        raise FrenchValidationError(
            _("The longitude must be between -180 and 180 degrees.")
        )
    return True


POSTAL_CODE = re.compile(r"^\d{5}$")


def check_postal_code(value):
    if not POSTAL_CODE.match(value or ""):
        raise FrenchValidationError(_("A postcode has five digits, for example 69003."))
    return True


def check_year(value):
    if not 1900 <= value <= date.today().year + 30:
        raise FrenchValidationError(
            _("The year ${year} is not plausible.", mapping={"year": value})
        )
    return True


def postal_code_prefix(departement):
    if departement in ("2A", "2B"):
        return "20"
    return departement


def check_coordinates_pair(data):
    latitude = getattr(data, "latitude", None)
    longitude = getattr(data, "longitude", None)
    if (latitude is None) != (longitude is None):
        raise Invalid(_("Give the latitude and the longitude, or neither."))


def check_place(data, region_attribute="region"):
    """The département belongs to the région, and the postal code to the département."""
    departement = getattr(data, "departement", None)
    region = getattr(data, region_attribute, None)
    if departement and region and region_of_departement(departement) != region:
        raise Invalid(
            _(
                "The département ${departement} is not in the chosen region.",
                mapping={"departement": departement},
            )
        )
    postal_code = getattr(data, "postal_code", None)
    if (
        departement
        and postal_code
        and not postal_code.startswith(postal_code_prefix(departement))
    ):
        raise Invalid(
            _(
                "The postcode ${postal_code} does not match the département "
                "${departement}.",
                mapping={"postal_code": postal_code, "departement": departement},
            )
        )
