"""Web addresses that people follow: the one rule for every address an editor,
a visitor or an import gives (http and https; mailto where a mail address makes
sense; nothing else, so no ``javascript:``, ``data:`` or ``vbscript:``), and the
guard that keeps a stored address that breaks it (old data) out of an ``href``."""

from coordaction.content import _
from coordaction.content.validators import FrenchValidationError
from urllib.parse import urlsplit
import re


WEB_SCHEMES = ("http", "https")
WEB_AND_MAIL_SCHEMES = (*WEB_SCHEMES, "mailto")

# Browsers drop ASCII tabs, newlines and surrounding control characters when they
# read a URL, so "java\tscript:" runs: read the scheme without any of them.
_IGNORED = re.compile(r"[\x00-\x20\x7f]")
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):", re.IGNORECASE)


def scheme_of(address):
    """The scheme a browser reads in ``address``, in lower case; None for a
    relative address (a path, ``//host/...``, ``${portal_url}/...``)."""
    match = _SCHEME.match(_IGNORED.sub("", address or ""))
    return match.group(1).lower() if match else None


def is_followable(address, schemes=WEB_SCHEMES, relative=False):
    """Whether ``address`` has one of ``schemes`` (with a host for http and
    https, an address for mailto); a relative one only if ``relative``."""
    scheme = scheme_of(address)
    if scheme is None:
        return relative and bool((address or "").strip())
    if scheme not in schemes:
        return False
    if scheme in WEB_SCHEMES:
        return bool(urlsplit(address.strip()).netloc)
    return bool(address.split(":", 1)[1].strip())


class UnsafeAddress(FrenchValidationError):
    """An address with a scheme other than http, https (or mailto)."""


def check_address(value, schemes=WEB_SCHEMES, relative=False):
    """Refuse an address a visitor should not follow (a field constraint)."""
    if value and not is_followable(value, schemes, relative):
        if "mailto" in schemes:
            message = _(
                "Invalid address: only http, https or mailto addresses are accepted "
                "(for example https://example.org or mailto:contact@example.org)."
            )
        else:
            message = _(
                "Invalid address: only http or https addresses are accepted (for "
                "example https://example.org)."
            )
        raise UnsafeAddress(message)
    return True


def safe_href(address):
    """``address`` if a page may put it in an ``href`` (http, https, mailto or a
    relative address), else None: what every template and view shows of a stored
    address, so that one saved before the rule existed never becomes a live
    ``javascript:`` link."""
    if isinstance(address, str) and is_followable(
        address, WEB_AND_MAIL_SCHEMES, relative=True
    ):
        return address.strip()
    return None
