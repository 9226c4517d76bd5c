"""Full-text search (SearchableText) through plone.app.dexterity's textindexer.

Each type has the ``plone.textindexer`` behavior (``profiles/default/types``) and
marks its searchable fields with ``searchable()`` in its schema; title,
description and keywords are searchable for every type (plone.app.dexterity marks
them). What a field cannot say is added here, by IDynamicTextIndexExtender
adapters: the id and the title once more (a word of the title weighs more than one
of the body), and the text of the uploaded files (``textextraction``: ODT and DOCX
read directly, PDF through portal_transforms)."""

from coordaction.content.content.legal_template import ILegalTemplate
from coordaction.content.content.resource import IResource
from coordaction.content.textextraction import file_text
from plone.app.dexterity.textindexer import IDynamicTextIndexExtender
from zope.component import adapter
from zope.interface import implementer


@implementer(IDynamicTextIndexExtender)
class TextExtender:
    """Words of ``context`` that no searchable field holds."""

    def __init__(self, context):
        self.context = context


class TitleWeighsMore(TextExtender):
    """The id, and the title a second time."""

    def __call__(self):
        return " ".join(filter(None, (self.context.getId(), self.context.Title())))


@adapter(IResource)
class ResourceFileText(TextExtender):
    def __call__(self):
        return file_text(self.context.file)


@adapter(ILegalTemplate)
class TemplateFilesText(TextExtender):
    def __call__(self):
        texts = (file_text(named) for _name, named in self.context.template_files())
        return " ".join(filter(None, texts))
