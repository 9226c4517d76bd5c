"""The licence of an item, as people and machines read it: the Creative Commons
badge with a ``rel="license"`` link to the deed, and schema.org JSON-LD."""

from Acquisition import aq_base
from coordaction.content import _
from coordaction.content.addresses import safe_href
from coordaction.content.behaviors.license import license_of
from coordaction.content.licenses import badge_url
from plone.app.layout.viewlets import ViewletBase
from zope.i18n import translate
import json


class LicenseViewlet(ViewletBase):
    def update(self):
        super().update()
        self.license = license_of(self.context)

    def available(self):
        return self.license is not None

    def source_href(self):
        """The address of the original work, if a link may lead there."""
        return safe_href(getattr(self.context, "source_url", None))

    def title(self):
        return translate(self.license.title, context=self.request)

    def badge_url(self):
        return badge_url(self.license)

    def badge_alt(self):
        return translate(
            _("Licence ${name}", mapping={"name": self.license.short}),
            context=self.request,
        )


def _agent(name):
    return {"@type": "Person", "name": name}


def json_ld(context, request):
    """The schema.org description of a licensed item."""
    license = license_of(context)
    url = context.absolute_url()
    is_image = context.portal_type == "Image"
    data = {
        "@context": "https://schema.org",
        "@type": "ImageObject" if is_image else "CreativeWork",
        "@id": url,
        "url": url,
        "name": context.Title(),
        "inLanguage": "fr",
    }
    if context.Description():
        data["description"] = context.Description()
    if license is not None and license.url:
        data["license"] = license.url
    own = aq_base(context)
    authors = list(getattr(own, "authors", None) or []) or list(
        getattr(own, "creators", ()) or ()
    )
    organisation = getattr(own, "organisation", None)
    creators = [_agent(name) for name in authors]
    if organisation:
        creators.append({"@type": "Organization", "name": organisation})
    if creators:
        data["creator"] = creators
    if getattr(own, "rights_holder", None):
        data["copyrightHolder"] = {
            "@type": "Organization",
            "name": context.rights_holder,
        }
    if getattr(own, "attribution_text", None):
        data["creditText"] = context.attribution_text
    if safe_href(getattr(own, "source_url", None)):
        data["isBasedOn"] = context.source_url
    if is_image:
        data["contentUrl"] = f"{url}/@@images/image"
        data["acquireLicensePage"] = license.url if license and license.url else url
        credit = getattr(own, "rights_holder", None) or ", ".join(authors)
        if credit:
            data.setdefault("creditText", credit)
        if getattr(own, "rights_holder", None):
            data["copyrightNotice"] = f"© {context.rights_holder}"
    return data


class JsonLdViewlet(ViewletBase):
    def render(self):
        if license_of(self.context) is None:
            return ""
        payload = json.dumps(json_ld(self.context, self.request), ensure_ascii=False)
        # Never let a title close the script element.
        payload = payload.replace("</", "<\\/")
        return f'<script type="application/ld+json">{payload}</script>'
