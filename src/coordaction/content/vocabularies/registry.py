"""Vocabularies an administrator extends in the "Listes du portail" control panel.

Each list is a registry record of lines ``identifiant|Libellé``; the identifier is
what items store and facets filter on, the label what visitors read."""

from coordaction.content.settings import content_setting
from coordaction.content.vocabularies.pairs import vocabulary_from_pairs
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory


def parse_lines(lines):
    """[(token, title)] from ``token|title`` lines; a line without ``|`` is its own title."""
    pairs = []
    for line in lines or ():
        token, _sep, title = line.partition("|")
        token, title = token.strip(), title.strip()
        if token:
            pairs.append((token, title or token))
    return pairs


def _registry_factory(setting):
    @provider(IVocabularyFactory)
    def factory(context=None):
        return vocabulary_from_pairs(parse_lines(content_setting(setting)))

    return factory


ThemesVocabulary = _registry_factory("themes")
ResourceKindsVocabulary = _registry_factory("resource_kinds")
SharedSpacesVocabulary = _registry_factory("shared_spaces")
SkillsVocabulary = _registry_factory("skills")
