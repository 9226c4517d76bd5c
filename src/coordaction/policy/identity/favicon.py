"""``/favicon.ico``: the icon an administrator uploaded (``plone.site_favicon``,
Site control panel) or, without one, ours (static/favicon.ico) instead of Plone's."""

from pathlib import Path
from plone import api
from plone.namedfile.file import NamedImage
from Products.CMFPlone.browser.favicon import SiteFavicon as PloneSiteFavicon


FAVICON = Path(__file__).parent / "static" / "favicon.ico"


class SiteFavicon(PloneSiteFavicon):
    def __init__(self, context, request):
        super().__init__(context, request)
        if not api.portal.get_registry_record("plone.site_favicon", default=None):
            self.data = NamedImage(
                data=FAVICON.read_bytes(),
                contentType="image/vnd.microsoft.icon",
                filename="favicon.ico",
            )
