"""Small real documents built in memory for the demo content: PDF, ODT, ODS, PNG.

The PDF has one page of Helvetica text in the WinAnsi encoding (French accents
included), which ``pdftotext`` reads back for full-text search. The ODT and ODS
files are minimal OpenDocument packages that LibreOffice opens and that our text
extraction reads (``content.xml``). The PNG is a drawing of a house under a sky,
for the photo bank (not a photograph: the demo's credit says so)."""

from PIL import Image
from PIL import ImageDraw
from plone.namedfile.file import NamedBlobFile
from xml.sax.saxutils import escape
import io
import textwrap
import zipfile


PDF = "application/pdf"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
PNG = "image/png"

# Characters of French texts that WinAnsi (cp1252) has no glyph for.
_PDF_REPLACEMENTS = {"\u202f": " ", "\u00a0": " ", "\u2009": " "}


def _pdf_string(line):
    for character, replacement in _PDF_REPLACEMENTS.items():
        line = line.replace(character, replacement)
    data = line.encode("cp1252", "replace")
    return data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def pdf_bytes(title, paragraphs):
    """A one-page A4 PDF: a title in bold, then the paragraphs, wrapped."""
    lines = []
    for paragraph in paragraphs:
        lines.extend(textwrap.wrap(paragraph, 88) or [""])
        lines.append("")
    stream = b"BT /F2 15 Tf 56 780 Td (" + _pdf_string(title) + b") Tj ET\n"
    stream += b"BT /F1 10.5 Tf 14 TL 56 750 Td\n"
    for line in lines[:48]:
        stream += b"(" + _pdf_string(line) + b") Tj T*\n"
    stream += b"ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
        b"/Encoding /WinAnsiEncoding >>",
    ]
    output = io.BytesIO()
    output.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(output.tell())
        output.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = output.tell()
    output.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        output.write(b"%010d 00000 n \n" % offset)
    output.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, xref)
    )
    return output.getvalue()


_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'office:version="1.3"'
)


def _odf_package(mimetype, body):
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f"<office:document-content {_NAMESPACES}>"
        f"<office:body>{body}</office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.3">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        # The mimetype comes first, uncompressed, as the OpenDocument format requires.
        archive.writestr(
            zipfile.ZipInfo("mimetype", (2024, 1, 1, 0, 0, 0)),
            mimetype,
            compress_type=zipfile.ZIP_STORED,
        )
        for name, data in (
            ("content.xml", content),
            ("META-INF/manifest.xml", manifest),
        ):
            archive.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), data)
    return buffer.getvalue()


def odt_bytes(title, paragraphs):
    """An OpenDocument text: a heading, then one paragraph each."""
    body = f'<text:h text:outline-level="1">{escape(title)}</text:h>'
    body += "".join(f"<text:p>{escape(paragraph)}</text:p>" for paragraph in paragraphs)
    return _odf_package(ODT, f"<office:text>{body}</office:text>")


def _cell(value):
    if isinstance(value, int | float):
        return (
            f'<table:table-cell office:value-type="float" office:value="{value}">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )
    return (
        '<table:table-cell office:value-type="string">'
        f"<text:p>{escape(str(value))}</text:p></table:table-cell>"
    )


def ods_bytes(title, rows):
    """An OpenDocument spreadsheet of one sheet: the title, then the rows."""
    table_rows = [f"<table:table-row>{_cell(title)}</table:table-row>"]
    table_rows += [
        "<table:table-row>"
        + "".join(_cell(value) for value in row)
        + "</table:table-row>"
        for row in rows
    ]
    sheet = f'<table:table table:name="Trame">{"".join(table_rows)}</table:table>'
    return _odf_package(ODS, f"<office:spreadsheet>{sheet}</office:spreadsheet>")


def house_png_bytes(sky, walls, width=1200, height=800):
    """A PNG of a house under a sky, in the given colours (``[r, g, b]``)."""
    picture = Image.new("RGB", (width, height), tuple(sky))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, height * 3 // 4, width, height), fill=(110, 150, 80))
    left, right = width // 4, width * 3 // 4
    top, ground = height * 2 // 5, height * 3 // 4 + 10
    draw.rectangle((left, top, right, ground), fill=tuple(walls))
    draw.polygon(
        ((left - 40, top), (width // 2, height // 8), (right + 40, top)),
        fill=(120, 60, 50),
    )
    for column in range(3):
        x = left + 60 + column * (right - left - 120) // 2
        draw.rectangle((x - 35, top + 50, x + 35, top + 130), fill=(240, 240, 210))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def named_file(data, filename, content_type):
    return NamedBlobFile(data=data, filename=filename, contentType=content_type)


def pdf_file(filename, title, paragraphs):
    return named_file(pdf_bytes(title, paragraphs), filename, PDF)


def odt_file(filename, title, paragraphs):
    return named_file(odt_bytes(title, paragraphs), filename, ODT)


def ods_file(filename, title, rows):
    return named_file(ods_bytes(title, rows), filename, ODS)
