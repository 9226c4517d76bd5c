"""The text of uploaded files, for full-text search.

PDF goes through Plone's portal_transforms (``pdf_to_text``, which needs the
``pdftotext`` program of Debian's ``poppler-utils``). OpenDocument (ODT, ODS, ODP)
and Office Open XML (DOCX, XLSX) files are zipped XML: their text is read here
directly, with no system package."""

from lxml import etree
from plone import api
import io
import logging
import zipfile


logger = logging.getLogger(__name__)

MAX_CHARACTERS = 200_000
XML_MEMBERS = {
    "odt": ("content.xml",),
    "ods": ("content.xml",),
    "odp": ("content.xml",),
    "docx": ("word/document.xml",),
    "xlsx": ("xl/sharedStrings.xml",),
}


def _xml_text(data):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.fromstring(data, parser=parser)
    return " ".join(text.strip() for text in root.itertext() if text.strip())


def _zipped_xml_text(data, members):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        return " ".join(
            _xml_text(archive.read(name)) for name in members if name in names
        )


def _pdf_text(data):
    transforms = api.portal.get_tool("portal_transforms")
    result = transforms.convertTo("text/plain", data, mimetype="application/pdf")
    if result is None:
        return ""
    text = result.getData()
    return text.decode("utf-8", "replace") if isinstance(text, bytes) else text


def file_text(named_file):
    """The text of a NamedFile, or "" when it has none that we can read."""
    if not named_file:
        return ""
    filename = (getattr(named_file, "filename", "") or "").lower()
    extension = filename.rsplit(".", 1)[-1] if "." in filename else ""
    content_type = getattr(named_file, "contentType", "") or ""
    try:
        data = named_file.data
        if extension in XML_MEMBERS:
            text = _zipped_xml_text(data, XML_MEMBERS[extension])
        elif extension == "pdf" or content_type == "application/pdf":
            text = _pdf_text(data)
        elif content_type.startswith("text/plain"):
            text = data.decode("utf-8", "replace")
        else:
            return ""
    except (
        zipfile.BadZipFile,
        etree.XMLSyntaxError,
        KeyError,
        OSError,
        ValueError,
    ) as error:
        logger.warning("Cannot read the text of %s: %s", filename, error)
        return ""
    return text[:MAX_CHARACTERS]
