"""The published templates (trames-types), by title: what a group that shares its
set-up says it used (the form *Partager notre montage*). Values are UIDs."""

from plone import api
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


@provider(IVocabularyFactory)
def PublishedTemplatesVocabulary(context):
    brains = api.portal.get_tool("portal_catalog")(
        portal_type="LegalTemplate", review_state="published", sort_on="sortable_title"
    )
    return SimpleVocabulary(
        [SimpleTerm(brain.UID, brain.UID, brain.Title) for brain in brains]
    )
