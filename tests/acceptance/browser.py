"""The browser of the tests: Debian's Chromium driven by Playwright for Python.

Every page speaks French, has the same viewport and reaches nothing beyond this
machine (no licence badges, no map tiles: no network). A failing step leaves a
screenshot in ``var/screenshots/``. When ``COORDACTION_SCREENSHOTS_DIR`` is set, the
journeys also save the pictures of the documentation there (``make screenshots``).
"""

from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler
from http.server import ThreadingHTTPServer
from pathlib import Path
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect
from playwright.sync_api import sync_playwright
from plone.testing import Layer
from tests.demostorage import blob_ready_demostorage
from tests.demostorage import restore_demostorage
from urllib.parse import urlencode
import io
import os
import sys
import tempfile
import threading
import traceback
import unittest


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--lang=fr-FR",  # Chromium's own words (a file field's button) in French
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # No network beyond this machine: every request goes to a proxy that does not
    # exist, but Chromium never sends loopback addresses to a proxy.
    "--proxy-server=http://127.0.0.1:9",
]
TIMEOUT = 60_000  # ms, for every step: generous, CI machines are shared
# expect() retries an assertion until the page shows what it should (after a click
# that loads a page, the old page is still there for a moment).
expect.set_options(timeout=TIMEOUT)
VIEWPORT = {"width": 1280, "height": 800}
FAILURE_SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
SCREENSHOTS_DIR_VARIABLE = "COORDACTION_SCREENSHOTS_DIR"

requires_chromium = unittest.skipUnless(
    os.path.exists(CHROMIUM),
    f"no Chromium at {CHROMIUM}: `apt-get install chromium` (CI installs it)",
)


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


class ChromiumLayer(Layer):
    """One Chromium for a layer's tests (``self.layer["browser"]``), the base of
    the ``browser`` layers of tests/layers.py; each visitor gets a new context."""

    def setUp(self):
        self["browser"] = None
        if not os.path.exists(CHROMIUM):
            return  # the tests skip themselves (requires_chromium)
        blob_ready_demostorage()
        self.playwright = sync_playwright().start()
        self["browser"] = launch(self.playwright)

    def tearDown(self):
        if self["browser"] is not None:
            self["browser"].close()
            self.playwright.stop()
            restore_demostorage()
        del self["browser"]


CHROMIUM_FIXTURE = ChromiumLayer()


def serve_page(testcase, html):
    """Serve ``html`` from another origin than the portal's (an association's
    site), for the duration of ``testcase``: the page's address."""
    folder = Path(tempfile.mkdtemp())
    (folder / "index.html").write_text(html, encoding="utf-8")
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), partial(SimpleHTTPRequestHandler, directory=str(folder))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    testcase.addCleanup(server.shutdown)
    return f"http://127.0.0.1:{server.server_address[1]}/index.html"


# A phone held upright (test_phone.py): its width in CSS pixels, touch, and the
# page's <meta name="viewport"> obeyed as a phone's browser does.
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
}


def watch(page):
    """Record what goes wrong in ``page`` while a test drives it: its JavaScript
    errors and the server errors (5xx) of the portal's answers in ``page.errors``
    (a visitor would see either), and the requests that got no answer at all in
    ``page.failed_requests``, named when a wait times out (eea's scripts wait for
    ever on a request that failed: the form stays locked)."""
    page.errors = []
    page.failed_requests = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on(
        "response",
        lambda response: (
            response.status >= 500
            and page.errors.append(f"{response.status} {response.url}")
        ),
    )
    page.on(
        "requestfailed",
        lambda request: page.failed_requests.append(
            f"{request.failure} {request.method} {request.url}"
        ),
    )
    return page


def new_page(browser, device=None):
    """A page in a new context (no cookies: a new visitor), in French, at the
    documentation's viewport (or as ``device`` says, such as PHONE). It records
    what goes wrong (``watch``).
    """
    context = browser.new_context(
        locale="fr-FR",
        timezone_id="Europe/Paris",
        accept_downloads=True,
        **(device or {"viewport": VIEWPORT}),
    )
    context.set_default_timeout(TIMEOUT)
    return watch(context.new_page())


@contextmanager
def screenshot_on_failure(page, name):
    """Save the whole page as ``var/screenshots/<name>.png`` if the block fails."""
    try:
        yield
    except BaseException:
        FAILURE_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = FAILURE_SCREENSHOTS / f"{name}.png"
        try:
            page.screenshot(path=str(path), full_page=True)
        except Exception as error:  # the page may be gone: keep the first error
            print(f"\nNo screenshot ({error})")
        else:
            print(f"\nScreenshot: {path}")
        print(describe(page))
        raise


def describe(page):
    """Where the page is and the start of what it says: in the log of a run whose
    screenshots are out of reach (a CI machine)."""
    try:
        text = page.locator("body").inner_text(timeout=2000)
    except Exception as error:
        text = f"(no text: {error})"
    return f"Page: {page.url}\n{' '.join(text.split())[:600]}\n{busy_threads()}"


def busy_threads():
    """The stacks of the server's threads that are not waiting for a request: where
    a request that never answered is stuck."""
    names = {thread.ident: thread.name for thread in threading.enumerate()}
    stacks = []
    for ident, frame in sys._current_frames().items():
        if ident == threading.get_ident():
            continue
        stack = traceback.extract_stack(frame)
        if any(line.name == "handler_thread" for line in stack) and stack[-1].name in (
            "wait",
            "handler_thread",
        ):
            continue  # a waitress worker waiting for its next request
        if not any("/coordaction/" in line.filename for line in stack) and not any(
            "waitress" in line.filename for line in stack
        ):
            continue
        stacks.append(
            f"Thread {names.get(ident, ident)}:\n"
            + "".join(traceback.format_list(stack[-15:]))
        )
    return "\n".join(stacks) or "(no server thread busy)"


def documentation_screenshot(page, filename, show=None):
    """Save what a visitor sees of the page as ``filename`` in the folder named by
    ``COORDACTION_SCREENSHOTS_DIR`` (the documentation's pictures), if it is set:
    the top of the page, or down to the element of the locator ``show``.

    The picture is reduced to 256 colours: small enough to live in git.
    """
    folder = os.environ.get(SCREENSHOTS_DIR_VARIABLE)
    if not folder:
        return None
    from PIL import Image

    # No focus ring, no caret: the picture of a page, not of a moment.
    page.evaluate("document.activeElement && document.activeElement.blur()")
    # Instantly: Bootstrap makes scrolling smooth, the picture would catch it moving.
    if show is None:
        page.evaluate("window.scrollTo({top: 0, behavior: 'instant'})")
    else:
        show.evaluate(
            "element => element.scrollIntoView({block: 'end', behavior: 'instant'})"
        )
    picture = Image.open(io.BytesIO(page.screenshot(animations="disabled")))
    path = Path(folder) / filename
    path.parent.mkdir(parents=True, exist_ok=True)
    picture.convert("RGB").quantize(colors=256).save(path, optimize=True)
    return path


def log_in(page, portal_url, login, password, came_from=None):
    """Log in through Plone's login form, as a person does, and come back to the
    page ``came_from``, as Plone brings back a person who logs in from a page
    (without one, the portal leads to Mon espace)."""
    query = f"?{urlencode({'came_from': came_from})}" if came_from else ""
    page.goto(f"{portal_url}/login{query}")
    page.get_by_label("Identifiant").fill(login)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.locator("#personaltools-menulink")).to_be_visible()


class FacetedPage:
    """An eea.facetednavigation page: its results and counts arrive after the page,
    from eea's JavaScript."""

    def __init__(self, page, testcase):
        self.page = page
        self.testcase = testcase

    def wait_for(self, expression, arg=None, what=""):
        try:
            self.page.wait_for_function(expression, arg=arg)
        except PlaywrightTimeoutError:
            self.testcase.fail(
                f"timed out waiting for {what}; errors: {self.page.errors}; "
                f"requests without an answer: {self.page.failed_requests}"
            )

    def result_titles(self):
        return [
            title.strip()
            for title in self.page.locator(
                "#faceted-results .coordaction-result-title a"
            ).all_inner_texts()
        ]

    def wait_for_results(self, count):
        self.wait_for(
            "n => document.querySelectorAll("
            "'#faceted-results .coordaction-result').length === n",
            arg=count,
            what=f"{count} results",
        )

    def wait_for_count(self, option, count):
        self.wait_for(
            "([option, count]) => document.querySelector(`#${option} label`)"
            "?.textContent.includes(`(${count})`)",
            arg=[option, count],
            what=f"the count ({count}) of {option}",
        )

    def wait_for_first_counts(self, results, option, count):
        """Wait for the first results and for a first count.

        No reload: eea's first counters used to be five to eight requests at once,
        each a search of its own, and under a loaded CI they once never came (and
        once hung, keeping eea's lock overlay). They are now one request served
        from one computation (faceted-page.js, faceted/counter.py)."""
        self.wait_for_results(results)
        self.wait_for_count(option, count)

    def open_result(self, title, count):
        """Open a result once eea has finished its requests: while it works, its
        lock overlay takes the clicks."""
        self.wait_for_results(count)
        self.page.wait_for_selector(".faceted-lock-overlay", state="hidden")
        self.page.locator("#faceted-results").get_by_role("link", name=title).click()

    def click_facet(self, option_id, checked=True):
        """Tick or untick a facet value once eea has finished its last request:
        while it works, its lock overlay takes the clicks."""
        self.page.wait_for_selector(".faceted-lock-overlay", state="hidden")
        option = self.page.locator(f"#{option_id}")
        option.check() if checked else option.uncheck()
