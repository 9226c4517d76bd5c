"""Small real files for tests: ODT, DOCX and PDF built in memory, with text (the
ODT and PDF makers are the demo content's)."""

from coordaction.policy.demo import files
from pathlib import Path
import io
import zipfile


def odt_bytes(text):
    return files.odt_bytes(text, [])


def docx_bytes(text):
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


def pdf_bytes(text):
    """A one-page PDF whose text pdftotext can read."""
    return files.pdf_bytes(text, [])


named_file = files.named_file


def odt_file(text="Modèle de statuts", filename="statuts.odt"):
    return named_file(
        odt_bytes(text), filename, "application/vnd.oasis.opendocument.text"
    )


def docx_file(text="Règlement intérieur", filename="reglement.docx"):
    return named_file(
        docx_bytes(text),
        filename,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )


def pdf_file(text="Guide du foncier", filename="guide.pdf"):
    return named_file(pdf_bytes(text), filename, "application/pdf")


def png_bytes(width=600, height=400, color=(120, 160, 90)):
    """A plain PNG picture, large enough for plone.app.imaging's scales."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, format="PNG")
    return buffer.getvalue()


def png_image(filename="photo.png", **kwargs):
    from plone.namedfile.file import NamedBlobImage

    return NamedBlobImage(data=png_bytes(**kwargs), filename=filename)


# The sample file of docs/import.md: eight project sheets.
IMPORT_SAMPLE = (
    Path(__file__).resolve().parents[1] / "docs" / "import" / "projets-exemple.csv"
)
