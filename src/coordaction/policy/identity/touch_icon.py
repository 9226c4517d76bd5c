"""The icon a phone shows for the portal on its home screen.

Barceloneta's page template (its index.html, which a theme of ours would have to
copy) writes its own ``apple-touch-icon`` links, and its rules drop those of the
page. Rather than fork the theme, this step of Plone's transform chain, run after
the theme (Diazo's order is 8850), puts ours in their place."""

from lxml import etree
from plone import api
from plone.transformchain.interfaces import ITransform
from repoze.xmliter.serializer import XMLSerializer
from zope.interface import implementer


TOUCH_ICON = "++resource++coordaction-identity/apple-touch-icon.png"


@implementer(ITransform)
class TouchIcon:
    order = 8900

    def __init__(self, published, request):
        self.published = published
        self.request = request

    def transformBytes(self, result, encoding):
        return None

    def transformUnicode(self, result, encoding):
        return None

    def transformIterable(self, result, encoding):
        if not isinstance(result, XMLSerializer):
            return None  # not a themed page
        head = result.tree.find("head")
        if head is None:
            return None
        theirs = head.xpath("link[starts-with(@rel, 'apple-touch-icon')]")
        if not theirs:
            return None
        position = head.index(theirs[0])
        for link in theirs:
            head.remove(link)
        ours = etree.Element(
            "link",
            rel="apple-touch-icon",
            sizes="180x180",
            href=f"{api.portal.get().absolute_url()}/{TOUCH_ICON}",
        )
        ours.tail = "\n"
        head.insert(position, ours)
        return result
