"""The French communes with their coordinates, shipped as data
(``coordaction/content/data/communes.csv``, its source and licence in the README
beside it): found by name or postcode for "Autour de…", and the distances the
radius filter measures. Nothing is asked of an outside service."""

from coordaction.content.vocabularies.geography import region_of_departement
from dataclasses import dataclass
from functools import cache
from functools import cached_property
from pathlib import Path
import csv
import math
import re
import unicodedata


DATA = Path(__file__).resolve().parent / "data" / "communes.csv"
EARTH_RADIUS_KM = 6371.0088
ABBREVIATIONS = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}


def name_key(text):
    """A name as the search compares it: no accents, no case, words separated by
    one space, "St"/"Ste" written in full ("st etienne" finds Saint-Étienne)."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("œ", "oe").replace("æ", "ae")
    return " ".join(
        ABBREVIATIONS.get(word, word) for word in re.split(r"[^a-z0-9]+", text) if word
    )


@dataclass(frozen=True)
class Commune:
    insee: str
    name: str
    departement: str
    postcodes: tuple
    population: int
    latitude: float
    longitude: float

    @property
    def title(self):
        """What a person picks in a list: "Saint-Denis (974)"."""
        return f"{self.name} ({self.departement})"


@cache
def communes():
    """{INSEE code: Commune}, read once."""
    with DATA.open(encoding="utf-8", newline="") as data:
        return {
            row["insee"]: Commune(
                insee=row["insee"],
                name=row["name"],
                departement=row["departement"],
                postcodes=tuple(row["postcodes"].split()),
                population=int(row["population"] or 0),
                latitude=float(row["lat"]),
                longitude=float(row["lon"]),
            )
            for row in csv.DictReader(data)
        }


@cache
def _keys():
    return [(name_key(commune.name), commune) for commune in communes().values()]


def commune_by_insee(code):
    return communes().get((code or "").strip().upper())


def find_communes(text, limit=10):
    """The communes a person typing ``text`` means, the likeliest first: by INSEE
    code, by the start of a postcode, or by the start of the name (accents,
    case, hyphens and "St" ignored), larger communes first."""
    text = (text or "").strip()
    if not text:
        return []
    exact = commune_by_insee(text)
    if text.isdigit():
        found = [
            commune
            for commune in communes().values()
            if any(postcode.startswith(text) for postcode in commune.postcodes)
        ]
        found.sort(key=lambda commune: -commune.population)
    else:
        wanted = name_key(text)
        ranked = sorted(
            (key != wanted, -commune.population, commune.name, commune.insee, commune)
            for key, commune in _keys()
            if wanted and key.startswith(wanted)
        )
        found = [entry[-1] for entry in ranked]
    if exact and exact not in found:
        # An INSEE code (69123, 2A004): after the postcodes it starts.
        found.append(exact)
    return found[:limit]


def commune_named(name, departement=None, regions=()):
    """The one commune called ``name`` (accents, case and hyphens aside), told
    apart from its namesakes (Montreuil) by its ``departement`` or one of
    ``regions``; None when no commune or several fit."""
    wanted = name_key(name or "")
    if not wanted:
        return None
    same_name = [
        found for found in find_communes(name, 50) if name_key(found.name) == wanted
    ]
    if len(same_name) > 1 and departement:
        same_name = [found for found in same_name if found.departement == departement]
    if len(same_name) > 1 and regions:
        same_name = [
            found
            for found in same_name
            if region_of_departement(found.departement) in set(regions)
        ]
    return same_name[0] if len(same_name) == 1 else None


def distance_km(latitude1, longitude1, latitude2, longitude2):
    """The great-circle distance between two points (haversine)."""
    phi1, phi2 = math.radians(latitude1), math.radians(latitude2)
    dphi = phi2 - phi1
    dlambda = math.radians(longitude2 - longitude1)
    a = (
        math.sin(dphi / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class Circle:
    """The points within ``radius_km`` of a commune."""

    commune: Commune
    radius_km: float

    @cached_property
    def bounding_box(self):
        """(south, west, north, east): a first, cheap test before the haversine."""
        latitude = self.commune.latitude
        dlat = math.degrees(self.radius_km / EARTH_RADIUS_KM)
        cos_lat = max(math.cos(math.radians(latitude)), 0.01)
        dlon = math.degrees(self.radius_km / (EARTH_RADIUS_KM * cos_lat))
        return (
            latitude - dlat,
            self.commune.longitude - dlon,
            latitude + dlat,
            self.commune.longitude + dlon,
        )

    def contains(self, latitude, longitude):
        if latitude is None or longitude is None:
            return False
        south, west, north, east = self.bounding_box
        if not (south <= latitude <= north and west <= longitude <= east):
            return False
        return (
            distance_km(
                self.commune.latitude, self.commune.longitude, latitude, longitude
            )
            <= self.radius_km
        )
