"""Field constraints and invariants shared by the content types. Every error says
what is wrong, in French, in the edit form and in the REST API's 400 answers."""

from coordaction.content import _
from coordaction.content.settings import content_setting
from coordaction.content.vocabularies.geography import region_of_departement
from datetime import date
from zope.i18n import translate
from zope.interface import Invalid
from zope.schema import ValidationError
import re


class FrenchValidationError(ValidationError):
    """A validation error whose message is built when it is raised."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def doc(self):
        return translate(self.message, target_language="fr")

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
                "Le fichier pèse ${size} Mo : la limite est de ${limit} Mo.",
                mapping={"size": round(size / 1024 / 1024, 1), "limit": limit_mb},
            )
        )
    return True


EDITABLE_TEMPLATE_EXTENSIONS = ("odt", "ods", "docx", "xlsx")


def check_editable_template(value):
    check_upload_size(value)
    if _extension(getattr(value, "filename", "")) not in EDITABLE_TEMPLATE_EXTENSIONS:
        raise FrenchValidationError(
            _(
                "« ${filename} » n'est pas un modèle modifiable : déposez un fichier "
                "ODT, ODS, DOCX ou XLSX.",
                mapping={"filename": getattr(value, "filename", "") or "?"},
            )
        )
    return True


def check_pdf(value):
    check_upload_size(value)
    if _extension(getattr(value, "filename", "")) != "pdf":
        raise FrenchValidationError(
            _(
                "« ${filename} » n'est pas un PDF.",
                mapping={"filename": getattr(value, "filename", "") or "?"},
            )
        )
    return True


def check_latitude(value):
    if not -90 <= value <= 90:
        raise FrenchValidationError(
            _("La latitude doit être comprise entre -90 et 90 degrés.")
        )
    return True


def check_longitude(value):
    if not -180 <= value <= 180:
        raise FrenchValidationError(
            _("La longitude doit être comprise entre -180 et 180 degrés.")
        )
    return True


POSTAL_CODE = re.compile(r"^\d{5}$")


def check_postal_code(value):
    if not POSTAL_CODE.match(value or ""):
        raise FrenchValidationError(
            _("Un code postal compte cinq chiffres, par exemple 69003.")
        )
    return True


def check_year(value):
    if not 1900 <= value <= date.today().year + 30:
        raise FrenchValidationError(
            _("L'année ${year} n'est pas plausible.", mapping={"year": value})
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
        raise Invalid(_("Indiquez la latitude et la longitude, ou aucune des deux."))


def check_place(data, region_attribute="region"):
    """The département belongs to the région, and the postal code to the département."""
    departement = getattr(data, "departement", None)
    region = getattr(data, region_attribute, None)
    if departement and region and region_of_departement(departement) != region:
        raise Invalid(
            _(
                "Le département ${departement} n'est pas dans la région choisie.",
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
                "Le code postal ${postal_code} ne correspond pas au département ${departement}.",
                mapping={"postal_code": postal_code, "departement": departement},
            )
        )
