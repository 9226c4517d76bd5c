"""The licences a portal item can carry: Creative Commons 4.0, CC0, the Public Domain
Mark, and "all rights reserved". Stored on items as SPDX identifiers."""

from coordaction.content import _
from dataclasses import dataclass
from plone import api


# The Creative Commons buttons, served by the portal itself (browser/licenses/, with
# their source and licence in its README): a visitor's browser contacts no other host.
BADGES = "++resource++coordaction-licenses/"


@dataclass(frozen=True)
class License:
    spdx: str
    title: str  # a message id of the coordaction domain
    url: str | None  # the licence deed, in French when Creative Commons has one
    badge: str | None  # the official Creative Commons button (a file of BADGES)
    short: str


ALL_RIGHTS_RESERVED = "LicenseRef-All-Rights-Reserved"

LICENSES = (
    License(
        "CC0-1.0",
        _("CC0 1.0 Universal (public domain dedication)"),
        "https://creativecommons.org/publicdomain/zero/1.0/deed.fr",
        "cc-zero.svg",
        "CC0 1.0",
    ),
    License(
        "CC-BY-4.0",
        _("Attribution 4.0 International (CC BY 4.0)"),
        "https://creativecommons.org/licenses/by/4.0/deed.fr",
        "by.svg",
        "CC BY 4.0",
    ),
    License(
        "CC-BY-SA-4.0",
        _("Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)"),
        "https://creativecommons.org/licenses/by-sa/4.0/deed.fr",
        "by-sa.svg",
        "CC BY-SA 4.0",
    ),
    License(
        "CC-BY-NC-4.0",
        _("Attribution-NonCommercial 4.0 International (CC BY-NC 4.0)"),
        "https://creativecommons.org/licenses/by-nc/4.0/deed.fr",
        "by-nc.svg",
        "CC BY-NC 4.0",
    ),
    License(
        "CC-BY-NC-SA-4.0",
        _("Attribution-NonCommercial-ShareAlike 4.0 International (CC BY-NC-SA 4.0)"),
        "https://creativecommons.org/licenses/by-nc-sa/4.0/deed.fr",
        "by-nc-sa.svg",
        "CC BY-NC-SA 4.0",
    ),
    License(
        "CC-BY-ND-4.0",
        _("Attribution-NoDerivatives 4.0 International (CC BY-ND 4.0)"),
        "https://creativecommons.org/licenses/by-nd/4.0/deed.fr",
        "by-nd.svg",
        "CC BY-ND 4.0",
    ),
    License(
        "CC-BY-NC-ND-4.0",
        _(
            "Attribution-NonCommercial-NoDerivatives 4.0 International (CC "
            "BY-NC-ND 4.0)"
        ),
        "https://creativecommons.org/licenses/by-nc-nd/4.0/deed.fr",
        "by-nc-nd.svg",
        "CC BY-NC-ND 4.0",
    ),
    License(
        "CC-PDM-1.0",
        _("Public Domain Mark 1.0"),
        "https://creativecommons.org/publicdomain/mark/1.0/deed.fr",
        "publicdomain.svg",
        "Domaine public",
    ),
    License(
        ALL_RIGHTS_RESERVED,
        _("All rights reserved"),
        None,
        None,
        "©",
    ),
)

LICENSES_BY_SPDX = {license.spdx: license for license in LICENSES}
DEFAULT_LICENSE = "CC-BY-SA-4.0"


def badge_url(license):
    """The address of a licence's button on this portal, or None if it has none."""
    if not license.badge:
        return None
    return f"{api.portal.get().absolute_url()}/{BADGES}{license.badge}"


def get_license(spdx):
    """The License of an SPDX id, or None for an unknown or empty one."""
    return LICENSES_BY_SPDX.get(spdx or "")


def allows_reuse(spdx):
    """Whether anyone may reuse what carries this licence (Creative Commons, public
    domain): not an unknown one, nor "all rights reserved"."""
    return get_license(spdx) is not None and spdx != ALL_RIGHTS_RESERVED
