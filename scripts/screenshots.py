"""Take the pictures of the editors' guide (docs/images/) from a running portal
with its demo content, in headless Chromium.

    make start    # in another terminal (a new site gets the demo content)
    .venv/bin/python scripts/screenshots.py [http://localhost:8080/coordaction]
"""

from pathlib import Path
from playwright.sync_api import sync_playwright
import base64
import json
import sys
import urllib.request


IMAGES = Path(__file__).resolve().parent.parent / "docs" / "images"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# (file, account or None, path, what to wait for)
PAGES = (
    ("centre-de-ressources.png", None, "centre-de-ressources", ".coordaction-result"),
    ("projets-carte.png", None, "projets", "#coordaction-project-map[data-count]"),
    ("ressource.png", None, "RESOURCE", ".coordaction-license"),
    (
        "ajout-ressource.png",
        ("contributeur", "demo-contribution"),
        "centre-de-ressources/++add++Resource",
        "#form-widgets-IDublinCore-title",
    ),
    ("relecture.png", ("relectrice", "demo-relecture"), "@@full_review_list", None),
    (
        "membres-du-groupe.png",
        ("coordinatrice", "demo-coordination"),
        "groupes-de-travail/juridique-et-financier/@@roster",
        "table",
    ),
)


def basic_auth(account):
    if account is None:
        return {}
    token = base64.b64encode(":".join(account).encode()).decode()
    return {"Authorization": f"Basic {token}"}


def first_resource(portal_url):
    """A published resource under CC BY-SA, to show a licence."""
    query = "@search?portal_type=Resource&license_spdx=CC-BY-SA-4.0&sort_on=sortable_title&b_size=1"
    with urllib.request.urlopen(
        urllib.request.Request(
            f"{portal_url}/{query}", headers={"Accept": "application/json"}
        )
    ) as response:
        return json.load(response)["items"][0]["@id"].split(portal_url + "/", 1)[1]


def main(portal_url="http://localhost:8080/coordaction"):
    IMAGES.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=ARGS
        )
        for filename, account, path, selector in PAGES:
            if path == "RESOURCE":
                path = first_resource(portal_url)
            context = browser.new_context(
                viewport={"width": 1100, "height": 760},
                locale="fr-FR",
                extra_http_headers=basic_auth(account),
            )
            page = context.new_page()
            page.goto(f"{portal_url}/{path}")
            if selector:
                page.wait_for_selector(selector, timeout=30_000)
            page.wait_for_timeout(1500)
            page.screenshot(path=str(IMAGES / filename))
            context.close()
            print(f"docs/images/{filename}")
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:2])
