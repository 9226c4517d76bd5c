"""A file's or an image's address from its title, from its file's name only when
it has no title: "compte-rendu-du-12-mars" rather than "scan0042.pdf".

Plone's ``plone.namefromfilename`` takes the file's name even when the person
gave a title (the short add forms ask for one first)."""

from plone.app.content.interfaces import INameFromTitle
from plone.app.dexterity.behaviors.filename import NameFromFileName
from zope.component import adapter
from zope.interface import Interface
from zope.interface import implementer


class INameFromTitleOrFileName(Interface):
    """Marker: the address comes from the title, else from the file's name."""


@implementer(INameFromTitle)
@adapter(INameFromTitleOrFileName)
def name_from_title_or_file_name(context):
    if (getattr(context, "title", "") or "").strip():
        return _Title(context.title)
    return NameFromFileName(context)


class _Title:
    def __init__(self, title):
        self.title = title
