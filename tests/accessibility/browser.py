"""What the accessibility tests need of a real browser: Debian's Chromium driven by
Playwright, a phone-sized and a desktop window, no network outside the test server,
logging in through the login form, and axe-core (from npm) run in the page.

Chromium is the layer's (``self.layer["browser"]``), launched as for the acceptance
journeys (tests/acceptance/browser.py); each visit opens its own context: its own
cookies and window."""

from contextlib import contextmanager
from pathlib import Path
from tests.acceptance.browser import CHROMIUM
from tests.acceptance.browser import TIMEOUT
from tests.acceptance.browser import watch
from tests.http import PASSWORD
from urllib.parse import urlsplit
import functools
import os


ROOT = Path(__file__).resolve().parents[2]
# axe-core, installed by `make install` (npm ci, version in package-lock.json).
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "var" / "screenshots"

# The two windows a visitor may use: a phone, held upright, and a laptop.
VIEWPORTS = {
    "téléphone": {
        "viewport": {"width": 390, "height": 844},
        "is_mobile": True,
        "has_touch": True,
    },
    "ordinateur": {"viewport": {"width": 1280, "height": 800}},
}

# The impacts that fail a test (axe's four: minor, moderate, serious, critical).
FAILING_IMPACTS = ("serious", "critical")

SKIP_REASON = None
if not os.path.exists(CHROMIUM):
    SKIP_REASON = f"no Chromium at {CHROMIUM}: `apt-get install chromium` (CI does)"
elif not AXE.exists():
    SKIP_REASON = f"no axe-core at {AXE}: `make install` (npm ci) installs it"


def new_page(chromium, portal_url, window="ordinateur"):
    """A page in a new context with the ``window`` of VIEWPORTS, in French."""
    context = chromium.new_context(locale="fr-FR", **VIEWPORTS[window])
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    watch(page)
    # Nothing from outside the test server (map tiles, licence badges).
    server = "{0.scheme}://{0.netloc}/".format(urlsplit(portal_url))
    page.route(lambda url: not url.startswith(server), lambda route: route.abort())
    return page


def log_in(page, portal_url, login):
    """Log in through Plone's login form, as the member would."""
    page.goto(f"{portal_url}/login")
    page.locator("#__ac_name").fill(login)
    page.locator("#__ac_password").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("#__ac_password").press("Enter")
    if not any(cookie["name"] == "__ac" for cookie in page.context.cookies()):
        raise AssertionError(f"{login} could not log in: {page.url}")


def wait_for_faceted_results(page):
    """eea loads the results and the counts after the page; its lock overlay covers
    the page while it works. Now and then eea's first counters never come back
    and the overlay stays (see tests/resourcecentre/test_faceted_browser.py): a
    visitor would reload, so do we, once."""
    from playwright.sync_api import TimeoutError

    for attempt in (1, 2):
        try:
            page.wait_for_selector("#faceted-results .coordaction-result")
            page.wait_for_selector(
                ".faceted-lock-overlay", state="hidden", timeout=TIMEOUT / 3
            )
            # eea fades the results in (jQuery fadeIn): mid-fade, their colours are
            # blended with the white page and axe measures a contrast nobody sees.
            page.wait_for_function(
                "() => { const area = document.querySelector('#faceted-results');"
                " return getComputedStyle(area).opacity === '1'"
                " && !(window.jQuery && jQuery(':animated').length); }",
                timeout=TIMEOUT / 3,
            )
            return
        except TimeoutError:
            if attempt == 2:
                raise
            page.reload()


@functools.cache
def axe_source():
    return AXE.read_text(encoding="utf-8")


def axe_violations(page, ignored=None):
    """Run axe-core in the page; return its violations of a failing impact, minus
    the nodes ``ignored`` lists ({rule id: {selector: why}})."""
    # Its text rather than its path: Playwright would read the file in a thread
    # of its own, which zope.testrunner reports as left behind.
    page.add_script_tag(content=axe_source())
    results = page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations']})"
    )
    ignored = ignored or {}
    violations = []
    for violation in results["violations"]:
        if violation["impact"] not in FAILING_IMPACTS:
            continue
        skip = ignored.get(violation["id"], {})
        nodes = [
            node
            for node in violation["nodes"]
            if " ".join(map(str, node["target"])) not in skip
        ]
        if nodes:
            violations.append({**violation, "nodes": nodes})
    return violations


def describe(violations):
    """One line per rule, then one per offending element: what a reader needs to
    find and fix it."""
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}"
            f" <{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            target = " ".join(map(str, node["target"]))
            # "Fix any of the following: ...": what would make it pass.
            summary = " ".join(
                line.strip() for line in node["failureSummary"].splitlines()
            )
            lines.append(f"    {target}: {summary}")
    return "\n".join(lines)


@contextmanager
def screenshot_on_failure(page, name):
    try:
        yield
    except BaseException:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        print(f"\nScreenshot: {path}")
        raise
