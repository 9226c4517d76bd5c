"""Vocabularies only the facets use (``coordaction.faceted.*``)."""

from coordaction.policy import _
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


# The sort orders offered besides relevance (eea adds "Pertinence" itself): catalog
# indexes that plone.app.querystring declares sortable.
SORT_OPTIONS = (
    ("effective", _("Publication date")),
    ("sortable_title", _("Title")),
)


def _vocabulary(pairs):
    return SimpleVocabulary([SimpleTerm(value, value, title) for value, title in pairs])


@provider(IVocabularyFactory)
def SortOptionsVocabulary(context=None):
    return _vocabulary(SORT_OPTIONS)
