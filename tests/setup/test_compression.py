"""The instance's compression filter (coordaction.policy.site.compression), through
waitress as ``make start`` serves it, with an HTTP client that asks for gzip."""

from coordaction.policy.site.compression import MAX_SIZE
from coordaction.policy.site.compression import Compression
from coordaction.policy.site.compression import make_filter
from pathlib import Path
import gzip
import http.client
import threading
import unittest
import waitress.server


PAGE = ("<p>Habitat participatif, coopératives d'habitants. </p>" * 200).encode()


class Application:
    """A WSGI application that answers what the test sets."""

    def __init__(self):
        self.status = "200 OK"
        self.headers = [("Content-Type", "text/html; charset=utf-8")]
        self.body = PAGE
        self.lazy = False
        self.last_body = None

    def __call__(self, environ, start_response):
        headers = [*self.headers, ("Content-Length", str(len(self.body)))]
        if self.lazy:
            return self.generate(start_response, headers)
        start_response(self.status, headers)
        self.last_body = Body([self.body[:100], self.body[100:]])
        return self.last_body

    def generate(self, start_response, headers):
        start_response(self.status, headers)
        yield self.body


class Body(list):
    closed = 0

    def close(self):
        self.closed += 1


class ServerLayer:
    """waitress serving ``Compression(Application())`` on a free port."""

    __bases__ = ()
    __name__ = "ServerLayer"
    __module__ = __name__

    @classmethod
    def setUp(cls):
        cls.application = Application()
        cls.server = waitress.server.create_server(
            Compression(cls.application), host="127.0.0.1", port=0, threads=1
        )
        threading.Thread(target=cls.server.run, daemon=True).start()

    @classmethod
    def tearDown(cls):
        cls.server.task_dispatcher.shutdown()
        cls.server.close()


class TestCompression(unittest.TestCase):
    layer = ServerLayer

    def setUp(self):
        self.application = ServerLayer.application
        self.application.__init__()
        self.server = ServerLayer.server

    def get(self, path="/", method="GET", **headers):
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.server.effective_port, timeout=10
        )
        connection.request(method, path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response, body

    def test_a_page_goes_out_compressed_and_says_it_varies(self):
        response, body = self.get(**{"Accept-Encoding": "gzip, deflate, br"})
        self.assertEqual(response.status, 200)
        self.assertEqual(response.getheader("Content-Encoding"), "gzip")
        self.assertEqual(response.getheader("Vary"), "Accept-Encoding")
        self.assertEqual(int(response.getheader("Content-Length")), len(body))
        self.assertEqual(gzip.decompress(body), PAGE)
        self.assertLess(len(body), len(PAGE) * 0.4)
        self.assertEqual(self.application.last_body.closed, 1)

    def test_a_client_without_gzip_gets_it_as_it_is(self):
        for accept in ({}, {"Accept-Encoding": "gzip;q=0, identity"}):
            response, body = self.get(**accept)
            self.assertIsNone(response.getheader("Content-Encoding"), accept)
            self.assertEqual(body, PAGE)
            # The cache that keeps it must keep it apart from the gzip answer.
            self.assertEqual(response.getheader("Vary"), "Accept-Encoding")

    def test_the_applications_vary_is_kept(self):
        self.application.headers.append(("Vary", "Accept-Language"))
        response, _ = self.get(**{"Accept-Encoding": "gzip"})
        self.assertEqual(response.getheader("Vary"), "Accept-Language, Accept-Encoding")

    def test_a_strong_etag_becomes_weak_once_compressed(self):
        self.application.headers.append(("ETag", '"abc"'))
        response, _ = self.get(**{"Accept-Encoding": "gzip"})
        self.assertEqual(response.getheader("ETag"), 'W/"abc"')

    def test_images_ranges_encoded_and_no_transform_go_out_unchanged(self):
        cases = {
            "image": ("200 OK", [("Content-Type", "image/jpeg")]),
            "range": ("206 Partial Content", [("Content-Type", "text/plain")]),
            "encoded": (
                "200 OK",
                [("Content-Type", "text/css"), ("Content-Encoding", "br")],
            ),
            "no-transform": (
                "200 OK",
                [("Content-Type", "text/html"), ("Cache-Control", "no-transform")],
            ),
            "not modified": ("304 Not Modified", [("Content-Type", "text/html")]),
        }
        for case, (status, headers) in cases.items():
            self.application.status, self.application.headers = status, headers
            if status.startswith("304"):
                self.application.body = b""
            response, body = self.get(**{"Accept-Encoding": "gzip"})
            self.assertNotEqual(response.getheader("Content-Encoding"), "gzip", case)
            self.assertEqual(body, self.application.body, case)

    def test_small_and_huge_bodies_are_not_compressed(self):
        for body in (b"<p>court</p>", b"x" * (MAX_SIZE + 1)):
            self.application.body = body
            response, received = self.get(**{"Accept-Encoding": "gzip"})
            self.assertIsNone(response.getheader("Content-Encoding"), len(body))
            self.assertEqual(received, body)

    def test_head_and_lazy_applications(self):
        response, body = self.get(method="HEAD", **{"Accept-Encoding": "gzip"})
        self.assertEqual((response.status, body), (200, b""))
        self.application.lazy = True
        response, body = self.get(**{"Accept-Encoding": "gzip"})
        self.assertEqual(gzip.decompress(body), PAGE)

    def test_an_immutable_resource_is_compressed_once(self):
        self.application.headers = [
            ("Content-Type", "application/javascript"),
            ("Cache-Control", "max-age=31536000, public, immutable"),
        ]
        first = self.get("/++webresource++1/bundle.js", **{"Accept-Encoding": "gzip"})[
            1
        ]
        self.application.body = b"changed, but its address did not. " * 100
        second = self.get("/++webresource++1/bundle.js", **{"Accept-Encoding": "gzip"})[
            1
        ]
        self.assertEqual(gzip.decompress(second), PAGE)
        self.assertEqual(first, second)
        # Another address is another resource.
        other = self.get("/++webresource++2/bundle.js", **{"Accept-Encoding": "gzip"})[
            1
        ]
        self.assertEqual(gzip.decompress(other), self.application.body)


class TestInstancePipeline(unittest.TestCase):
    def test_make_start_compresses(self):
        template = Path(__file__).parents[2] / "ops" / "instance" / "zope.ini.in"
        text = template.read_text("utf-8")
        self.assertIn(
            "use = call:coordaction.policy.site.compression:make_filter", text
        )
        pipeline = text.split("[pipeline:main]")[1].split("[")[0].split()
        self.assertLess(pipeline.index("compression"), pipeline.index("zope"))
        self.assertIsInstance(make_filter({})(Application()), Compression)
