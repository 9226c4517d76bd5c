"""Nothing personal is ever cached publicly (site/http_caching.py): pages read as a
member, then as anonymous, through a real shared cache (Varnish) in front of the
test server.

The cache here is a careless one: it keeps whatever the answer allows a shared
cache to keep (``public`` or ``s-maxage``), whoever asked, cookies and
authentication included. Only the portal's ``Cache-Control`` protects a member's
page; the project's own Varnish (ops/instance/varnish.vcl.in) also passes logged-in
requests, a second lock this test does without.
"""

from coordaction.policy.testing import COORDACTION_FUNCTIONAL_TESTING
from pathlib import Path
from plone import api
from plone.testing import Layer
from tests import builders
from tests.http import Client
from tests.http import SiteTestCase
import requests
import shutil
import socket
import subprocess
import tempfile
import time
import unittest


VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
CARELESS_CACHE = """
vcl 4.1;

backend portal {
    .host = "127.0.0.1";
    .port = "%(port)s";
}

sub vcl_recv {
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Who asks does not matter: cookies and Authorization are not looked at.
    return (hash);
}

sub vcl_backend_response {
    if (beresp.http.Cache-Control ~ "(private|no-store|no-cache)"
        || beresp.http.Cache-Control !~ "(public|s-maxage=[1-9])") {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
    } else {
        # Kept even if it sets a cookie.
        set beresp.ttl = 60s;
    }
    return (deliver);
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SharedCacheLayer(Layer):
    """Varnish on a free port in front of the functional layer's test server."""

    defaultBases = (COORDACTION_FUNCTIONAL_TESTING,)

    def setUp(self):
        self.folder = Path(tempfile.mkdtemp(prefix="coordaction-cache-"))
        # varnishd, started as root, reads its VCL as its own user.
        self.folder.chmod(0o755)
        vcl = self.folder / "cache.vcl"
        vcl.write_text(CARELESS_CACHE % {"port": self["port"]}, "utf-8")
        port = free_port()
        self.process = subprocess.Popen(
            [
                VARNISHD,
                "-F",
                "-n",
                self.folder / "work",
                "-a",
                f"127.0.0.1:{port}",
                "-f",
                vcl,
                "-s",
                "malloc,32m",
            ],
            stdout=(self.folder / "varnish.log").open("wb"),
            stderr=subprocess.STDOUT,
        )
        self["cache_url"] = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                requests.get(self["cache_url"], timeout=5)
                break
            except requests.ConnectionError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    log = (self.folder / "varnish.log").read_text("utf-8", "replace")
                    raise RuntimeError(f"Varnish did not start:\n{log}") from None
                time.sleep(0.2)

    def tearDown(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        shutil.rmtree(self.folder, ignore_errors=True)
        del self["cache_url"]


SHARED_CACHE = SharedCacheLayer(name="SharedCacheLayer")


@unittest.skipUnless(Path(VARNISHD).exists(), "varnishd (Debian's varnish) missing")
class TestNothingPersonalInASharedCache(SiteTestCase):
    layer = SHARED_CACHE
    users = {"marguerite": {"roles": ("Member", "Editor")}}

    def build(self):
        self.resource = builders.publish(
            builders.resource(
                self.portal["centre-de-ressources"], title="Guide des communs"
            )
        )
        self.draft = builders.resource(
            self.portal["centre-de-ressources"], title="Brouillon de Marguerite"
        )
        api.user.grant_roles(username="marguerite", obj=self.draft, roles=["Owner"])

    def through_cache(self, client):
        """The client's requests, sent to the cache instead of the test server."""
        client.portal_url = client.portal_url.replace(
            self.url.split("/plone")[0], self.layer["cache_url"]
        )
        return client

    def test_a_members_pages_never_reach_an_anonymous_visitor(self):
        member = self.through_cache(self.signed_in("marguerite"))
        anonymous = self.through_cache(Client(self.url))
        draft = self.draft.absolute_url().removeprefix(f"{self.url}/")
        item = self.resource.absolute_url().removeprefix(f"{self.url}/")
        for path in ("", "centre-de-ressources", "agenda", item):
            seen = member.page(path)
            self.assertEqual(seen.status_code, 200, path)
            self.assertIn("personaltools-logout", seen.text, path)
            self.assertIn("private", seen.headers["Cache-Control"], path)
            # Asked as anonymous right after, through the same cache.
            shown = anonymous.page(path)
            self.assertEqual(shown.status_code, 200, path)
            self.assertNotIn("personaltools-logout", shown.text, path)
            self.assertNotIn("marguerite", shown.text.lower(), path)
        # The draft: the member reads it, page and JSON; anonymous never does.
        self.assertIn("Brouillon de Marguerite", member.page(draft).text)
        self.assertEqual(
            member.get_json(draft).json()["title"], "Brouillon de Marguerite"
        )
        self.assertNotIn("Brouillon de Marguerite", anonymous.page(draft).text)
        self.assertNotIn("Brouillon de Marguerite", anonymous.get_json(draft).text)

    def test_anonymous_pages_are_shared_and_resources_kept_a_year(self):
        anonymous = self.through_cache(Client(self.url))
        # An address of its own: the cache outlives each test.
        item = self.resource.absolute_url().removeprefix(f"{self.url}/") + "?partage"
        first, second = anonymous.page(item), anonymous.page(item)
        self.assertIn("s-maxage", first.headers["Cache-Control"])
        self.assertEqual(
            (first.headers["X-Cache"], second.headers["X-Cache"]), ("MISS", "HIT")
        )
        self.assertIn("Guide des communs", second.text)
        # The page's hashed bundles: a year, immutable.
        script = next(
            line.split('src="')[1].split('"')[0]
            for line in first.text.split("<script")
            if "++webresource++" in line and "coordaction/accessibility.js" in line
        )
        resource = requests.get(script, timeout=30)
        self.assertEqual(resource.status_code, 200)
        self.assertIn("max-age=31536000", resource.headers["Cache-Control"])
        self.assertIn("immutable", resource.headers["Cache-Control"])
