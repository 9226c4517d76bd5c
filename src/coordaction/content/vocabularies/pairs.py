"""Vocabularies made of (value, title) pairs."""

from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


def vocabulary_from_pairs(pairs):
    """A vocabulary of (value, title) pairs; the value is also the token."""
    return SimpleVocabulary([SimpleTerm(value, value, title) for value, title in pairs])
