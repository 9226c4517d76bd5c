"""The printable sheet of a photo (``@@fiche-pdf``): one A4 page in PDF, drawn by
ReportLab, with the photo, its title and caption, its credit and licence as the
portal shows them, and the address of its page, for an exhibition's panels or a
press kit."""

from coordaction.content import _
from coordaction.content.behaviors.license import credit_of
from coordaction.content.behaviors.license import license_of
from coordaction.content.i18n import in_request_language
from io import BytesIO
from Products.Five.browser import BrowserView
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas


MARGIN = 2 * cm
PHOTO_HEIGHT = 17 * cm
# The scale the sheet prints (plone.app.imaging's "great": 1200 pixels): sharp
# on A4, a light file.
PRINT_SCALE = "great"


def photo_data(image):
    """The bytes of the photo at the print scale (the original if it is smaller)."""
    scale = image.restrictedTraverse("@@images").scale("image", scale=PRINT_SCALE)
    if scale is not None and getattr(scale, "data", None) is not None:
        return scale.data.data
    return image.image.data


def sheet_lines(image):
    """[(font, size, text)] under the photo."""
    lines = [("Helvetica-Bold", 16, image.Title())]
    if image.Description():
        lines.append(("Helvetica", 11, image.Description()))
    credit = credit_of(image)
    if credit:
        lines.append(
            (
                "Helvetica",
                11,
                in_request_language(_("Credit: ${credit}", mapping={"credit": credit})),
            )
        )
    license = license_of(image)
    if license is not None:
        text = in_request_language(license.title)
        if license.url:
            text = f"{text} ({license.url})"
        lines.append(
            (
                "Helvetica",
                11,
                in_request_language(
                    _("Licence: ${license}", mapping={"license": text})
                ),
            )
        )
    lines.append(("Helvetica", 9, image.absolute_url()))
    return lines


def photo_sheet(image):
    """The PDF (bytes) of an image's printable sheet."""
    out = BytesIO()
    canvas = Canvas(out, pagesize=A4, pageCompression=0, invariant=1)
    canvas.setTitle(image.Title())
    canvas.setAuthor(credit_of(image) or "")
    width, height = A4
    usable = width - 2 * MARGIN
    picture = ImageReader(BytesIO(photo_data(image)))
    pixels_wide, pixels_high = picture.getSize()
    ratio = min(usable / pixels_wide, PHOTO_HEIGHT / pixels_high)
    shown_wide, shown_high = pixels_wide * ratio, pixels_high * ratio
    top = height - MARGIN
    canvas.drawImage(
        picture,
        MARGIN + (usable - shown_wide) / 2,
        top - shown_high,
        shown_wide,
        shown_high,
    )
    y = top - shown_high - 1 * cm
    for font, size, text in sheet_lines(image):
        for line in simpleSplit(text, font, size, usable):
            canvas.setFont(font, size)
            canvas.drawString(MARGIN, y, line)
            y -= size * 1.4
        y -= size * 0.4
    canvas.showPage()
    canvas.save()
    return out.getvalue()


class PhotoSheetView(BrowserView):
    def __call__(self):
        data = photo_sheet(self.context)
        response = self.request.response
        response.setHeader("Content-Type", "application/pdf")
        response.setHeader(
            "Content-Disposition", f'inline; filename="{self.context.getId()}.pdf"'
        )
        response.setHeader("Content-Length", str(len(data)))
        return data
