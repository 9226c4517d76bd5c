"""What a link to the portal shows when it is shared (Open Graph and schema.org
tags of plone.app.layout's social viewlets), with two mends:

- the title: Plone escapes the page's title for ``<title>`` and its template
  escapes it again in ``content``: a shared "l'habitat" read
  "l&#x27;habitat";
- the image of a page without one: Plone gives the site logo, an SVG, which link
  previews do not show; the portal's card (1200 × 630 PNG, the logo) instead. A
  logo an administrator uploaded (Site control panel) stays."""

from html import unescape
from pathlib import Path
from plone import api
from plone.app.layout.viewlets import social
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


CARD = "++resource++coordaction-identity/social-card.png"
CARD_SIZE = (1200, 630)
PLONE_LOGO = "++resource++plone-logo.svg"
TEMPLATES = Path(social.__file__).parent


class SocialTagsViewlet(social.SocialTagsViewlet):
    index = ViewPageTemplateFile(str(TEMPLATES / "social_tags.pt"))

    @property
    def page_title(self):
        return unescape(super().page_title)

    def _get_tags(self):
        tags = super()._get_tags()
        portal_url = api.portal.get().absolute_url()
        logo = f"{portal_url}/{PLONE_LOGO}"
        if not any(tag.get("content") == logo for tag in tags):
            return tags
        card = f"{portal_url}/{CARD}"
        width, height = CARD_SIZE
        mended = []
        for tag in tags:
            if tag.get("content") == logo:
                tag = dict(tag, content=card)
            elif tag.get("name") == "twitter:card":
                # A picture of 1200 × 630 is shown large.
                tag = dict(tag, content="summary_large_image")
            elif tag.get("property") == "og:image:type":
                tag = dict(tag, content="image/png")
            mended.append(tag)
            if tag.get("property") == "og:image":
                mended += [
                    {"property": "og:image:width", "content": str(width)},
                    {"property": "og:image:height", "content": str(height)},
                ]
        return mended


class SocialBodyTagsViewlet(SocialTagsViewlet):
    index = ViewPageTemplateFile(str(TEMPLATES / "social_tags_body.pt"))
