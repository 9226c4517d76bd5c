"""Where a photo was taken, as its camera or phone wrote it (EXIF GPS, XMP): the
address of a home, that a photo sent from the field must not publish unless its
author keeps it on purpose."""

from PIL import Image as PILImage
import io


GPS_IFD = 0x8825  # the EXIF tag of the GPS block


def has_location(data):
    """Whether the picture ``data`` (bytes) says where it was taken."""
    with PILImage.open(io.BytesIO(data)) as picture:
        return _located(picture)


def _located(picture):
    xmp = picture.info.get("xmp") or b""
    if isinstance(xmp, str):
        xmp = xmp.encode("utf-8", "replace")
    return GPS_IFD in picture.getexif() or b"GPSLatitude" in xmp


def without_location(data):
    """``data`` (the bytes of a JPEG, PNG or WebP picture) without the place it was
    taken: the GPS block of its EXIF and its XMP packet go, the rest of the EXIF
    (orientation, date, camera) and the colour profile stay. A picture that says
    no place comes back as it was; a JPEG is written again with its own
    quantisation tables (``quality="keep"``), so nothing visible is lost."""
    with PILImage.open(io.BytesIO(data)) as picture:
        if not _located(picture):
            return data
        exif = picture.getexif()
        exif.pop(GPS_IFD, None)
        options = {"exif": exif.tobytes()}
        if picture.info.get("icc_profile"):
            options["icc_profile"] = picture.info["icc_profile"]
        kind = picture.format
        if kind == "JPEG":
            options["quality"] = "keep"
        elif kind == "WEBP":
            options["lossless"] = bool(picture.info.get("lossless"))
            options["quality"] = 90
        else:  # PNG: lossless
            options["optimize"] = False
        out = io.BytesIO()
        picture.save(out, format=kind, **options)
    return out.getvalue()
