"""French administrative geography: the 18 régions and 101 départements with their
official INSEE codes, shipped as data in ``coordaction/content/data/``."""

from coordaction.content.vocabularies.pairs import vocabulary_from_pairs
from functools import cache
from pathlib import Path
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
import csv


DATA = Path(__file__).resolve().parent.parent / "data"


def _read(name):
    with (DATA / name).open(encoding="utf-8", newline="") as data:
        return list(csv.DictReader(data))


@cache
def regions():
    """{code: name} of the régions, in code order."""
    return {row["code"]: row["name"] for row in _read("regions.csv")}


@cache
def departements():
    """{code: (name, region code)} of the départements, in code order."""
    return {
        row["code"]: (row["name"], row["region"]) for row in _read("departements.csv")
    }


def region_of_departement(code):
    entry = departements().get(code)
    return entry[1] if entry else None


@provider(IVocabularyFactory)
def RegionsVocabulary(context=None):
    return vocabulary_from_pairs(regions().items())


@provider(IVocabularyFactory)
def DepartementsVocabulary(context=None):
    return vocabulary_from_pairs(
        (code, f"{code} – {name}") for code, (name, _region) in departements().items()
    )
