"""What a person's browser loads, page by page (issue 20): ``make bench-pages``.

With the portal running on its demo content (``make start``), it opens each main
page in headless Chromium as an anonymous visitor, in a new browser each time (a
cold cache), and measures:

- the requests, and the bytes of JavaScript, CSS and everything, as served
  (transferred) and once decoded (uncompressed);
- DOMContentLoaded and load, from the navigation's start;
- on a faceted page, the time until its first result is visible;
- the login round trip (form sent until the personal menu shows).

It prints a table and the targets of issue 20 (JavaScript and requests by page,
transferred at most 40 % of uncompressed) with PASS or FAIL, and writes JSON:

    .venv/bin/python ops/bench/pages.py [--url http://localhost:8080/coordaction]
        [--baseline http://localhost:8081/coordaction] [--json var/bench-pages.json]

With ``--baseline``, the same pages of another portal (the same demo served by an
earlier revision, ops/bench/README.md says how) are measured in the same run,
just before, and printed first: before and after, on the same machine at the same
moment.
"""

from pathlib import Path
from playwright.sync_api import sync_playwright
import argparse
import json
import time


CHROMIUM = "/usr/bin/chromium"
# (path, kind): "plain" (no facets, no map), "faceted" or "map" (faceted, with the
# project map).
PAGES = (
    ("", "plain"),
    ("agenda", "plain"),
    ("centre-de-ressources", "faceted"),
    ("projets", "map"),
    ("banque-d-images", "faceted"),
)
TARGETS = {"plain": 450_000, "faceted": 900_000, "map": 900_000}  # JS bytes
MOST_REQUESTS = 25
TRANSFERRED_SHARE = 0.40
RESULT = "#faceted-results .coordaction-result, #faceted-results li"
LOGIN = ("contributeur", "demo-contribution")


def launch(playwright):
    return playwright.chromium.launch(
        executable_path=CHROMIUM,
        args=["--disable-background-networking", "--disable-component-update"],
    )


def measure_page(browser, url, kind):
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    started = time.monotonic()
    page.goto(url, wait_until="load")
    first_result = None
    if kind != "plain":
        page.wait_for_selector(RESULT, state="visible", timeout=30_000)
        first_result = time.monotonic() - started
    timing = page.evaluate(
        "() => { const t = performance.getEntriesByType('navigation')[0];"
        " return {dcl: t.domContentLoadedEventEnd, load: t.loadEventEnd}; }"
    )
    page.wait_for_load_state("networkidle")
    sizes = {"js": 0, "css": 0, "total": 0, "transferred": 0}
    for response in responses:
        try:
            body = response.body()
        except Exception:  # a redirect or an aborted request: no body
            body = b""
        kind_of = response.request.resource_type
        sizes["total"] += len(body)
        if kind_of == "script":
            sizes["js"] += len(body)
        elif kind_of == "stylesheet":
            sizes["css"] += len(body)
        transferred = response.request.sizes().get("responseBodySize", len(body))
        sizes["transferred"] += max(transferred, 0)
    context.close()
    return {
        "requests": len(responses),
        **sizes,
        "dom_content_loaded_ms": round(timing["dcl"]),
        "load_ms": round(timing["load"]),
        "first_result_ms": round(first_result * 1000) if first_result else None,
    }


def measure_login(browser, portal_url):
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    page.goto(f"{portal_url}/login")
    page.get_by_label("Identifiant").fill(LOGIN[0])
    page.get_by_label("Mot de passe").fill(LOGIN[1])
    started = time.monotonic()
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_selector("#personaltools-menulink", state="visible")
    seconds = time.monotonic() - started
    context.close()
    return round(seconds * 1000)


def verdicts(path, kind, result):
    checks = [
        (f"JS ≤ {TARGETS[kind] // 1000} Ko", result["js"] <= TARGETS[kind]),
        (f"≤ {MOST_REQUESTS} requêtes", result["requests"] <= MOST_REQUESTS),
        (
            f"transféré ≤ {int(TRANSFERRED_SHARE * 100)} %",
            result["transferred"] <= TRANSFERRED_SHARE * max(result["total"], 1),
        ),
    ]
    return [(f"/{path}", label, ok) for label, ok in checks]


def measure_portal(browser, url):
    results = {}
    for path, kind in PAGES:
        results[path or "/"] = measure_page(browser, f"{url}/{path}".rstrip("/"), kind)
        results[path or "/"]["kind"] = kind
    return results, measure_login(browser, url)


def print_table(results, login_ms):
    print(
        f"{'page':<24}{'req.':>6}{'JS Ko':>8}{'CSS Ko':>8}{'total Ko':>10}"
        f"{'transf. Ko':>12}{'DCL ms':>8}{'load ms':>9}{'1er résultat ms':>17}"
    )
    for name, result in results.items():
        print(
            f"{name:<24}{result['requests']:>6}{result['js'] // 1000:>8}"
            f"{result['css'] // 1000:>8}{result['total'] // 1000:>10}"
            f"{result['transferred'] // 1000:>12}{result['dom_content_loaded_ms']:>8}"
            f"{result['load_ms']:>9}{result['first_result_ms'] or '-':>17}"
        )
    print(f"Connexion (envoi du formulaire → menu personnel) : {login_ms} ms")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:8080/coordaction")
    parser.add_argument(
        "--baseline", help="the same demo, served by an earlier revision"
    )
    parser.add_argument("--json", default="var/bench-pages.json")
    args = parser.parse_args(argv)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        if args.baseline:
            baseline, baseline_login_ms = measure_portal(browser, args.baseline)
        results, login_ms = measure_portal(browser, args.url)
        browser.close()

    if args.baseline:
        print(f"Avant ({args.baseline}) :")
        print_table(baseline, baseline_login_ms)
        print(f"\nAprès ({args.url}) :")
    print_table(results, login_ms)
    print()
    for path, kind in PAGES:
        for page, label, ok in verdicts(path, kind, results[path or "/"]):
            print(f"{'PASS' if ok else 'FAIL'}  {page:<24}{label}")
    output = Path(args.json)
    output.parent.mkdir(parents=True, exist_ok=True)
    data = {"pages": results, "login_ms": login_ms}
    if args.baseline:
        data["baseline"] = {"pages": baseline, "login_ms": baseline_login_ms}
    output.write_text(json.dumps(data, indent=2), "utf-8")
    print(f"\nJSON : {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
