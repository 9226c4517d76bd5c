"""Text responses compressed with gzip: a WSGI filter of the instance's pipeline
(``ops/instance/zope.ini.in``), so that ``make start`` sends a page, its styles
and its scripts at about a quarter of their size.

A response is compressed when the client accepts gzip, it is a whole 200 answer
(not a range, not a 304), it carries no ``Content-Encoding`` already nor
``Cache-Control: no-transform``, its type is text (HTML, CSS, JavaScript, JSON,
GeoJSON, XML, SVG, iCalendar, CSV) and its size is between ``MIN_SIZE`` and
``MAX_SIZE`` (a large file goes out as it is, streamed, never held in memory).
Every response of a compressible type says ``Vary: Accept-Encoding``, compressed
or not, so that a cache keeps the two apart.

What never changes (``Cache-Control: … immutable``: the hashed
``++webresource++`` bundles) is compressed once per process and kept
(``ImmutableBodies``), not at every visitor's first load.

Not Paste's gzipper, which does not say ``Vary: Accept-Encoding`` and holds any
response, a 100 MB file included, in memory. A production server compresses in
nginx instead (docs/production.md) and can remove this filter.
"""

from collections import OrderedDict
import gzip
import threading


MIN_SIZE = 1024
MAX_SIZE = 8 * 1024 * 1024
TEXT_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/geo+json",
    "application/ld+json",
    "application/xml",
    "application/atom+xml",
    "application/rss+xml",
    "application/xhtml+xml",
    "image/svg+xml",
)


def header(headers, name):
    name = name.lower()
    for key, value in headers:
        if key.lower() == name:
            return value
    return None


def without(headers, *names):
    names = {name.lower() for name in names}
    return [(key, value) for key, value in headers if key.lower() not in names]


def accepts_gzip(environ):
    """Whether Accept-Encoding lists gzip (or *) with a weight above zero."""
    for coding in environ.get("HTTP_ACCEPT_ENCODING", "").split(","):
        name, _, parameters = coding.strip().partition(";")
        if name.strip().lower() not in ("gzip", "*"):
            continue
        weight = parameters.strip().lower().removeprefix("q=")
        try:
            return not parameters or float(weight) > 0
        except ValueError:
            return False
    return False


def is_text(headers):
    content_type = (header(headers, "Content-Type") or "").lower()
    return content_type.startswith(TEXT_TYPES)


def with_vary(headers):
    vary = header(headers, "Vary")
    if vary is None:
        return [*headers, ("Vary", "Accept-Encoding")]
    if "accept-encoding" in vary.lower() or vary.strip() == "*":
        return headers
    return [*without(headers, "Vary"), ("Vary", f"{vary}, Accept-Encoding")]


def compressible(status, headers):
    if not status.startswith("200") or header(headers, "Content-Encoding"):
        return False
    if "no-transform" in (header(headers, "Cache-Control") or "").lower():
        return False
    length = header(headers, "Content-Length")
    return length is None or MIN_SIZE <= int(length) <= MAX_SIZE


class ImmutableBodies:
    """The compressed bodies of immutable responses, by address, the most recently
    used kept up to ``limit`` bytes."""

    def __init__(self, limit=32 * 1024 * 1024):
        self.limit = limit
        self.size = 0
        self.bodies = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            body = self.bodies.get(key)
            if body is not None:
                self.bodies.move_to_end(key)
            return body

    def put(self, key, body):
        if len(body) > self.limit:
            return
        with self.lock:
            if key in self.bodies:
                return
            self.bodies[key] = body
            self.size += len(body)
            while self.size > self.limit:
                _, dropped = self.bodies.popitem(last=False)
                self.size -= len(dropped)


class Compression:
    """The WSGI filter."""

    def __init__(self, application, level=6):
        self.application = application
        self.level = level
        self.immutable = ImmutableBodies()

    def __call__(self, environ, start_response):
        if environ.get("REQUEST_METHOD") == "HEAD" or not accepts_gzip(environ):
            return self.application(environ, self.vary_only(start_response))
        answer = {}

        def capture(status, headers, exc_info=None):
            if exc_info and answer.get("sent"):
                raise exc_info[1].with_traceback(exc_info[2])
            answer.update(status=status, headers=headers, body=[])
            return answer["body"].append

        body = self.application(environ, capture)
        chunks = iter(body)
        if "status" not in answer:
            # An application that starts its answer with its first chunk.
            first = next(chunks, b"")
            answer["pulled"] = True
            answer["body"].insert(0, first)
        if not is_text(answer["headers"]) or not compressible(
            answer["status"], answer["headers"]
        ):
            return self.unchanged(answer, chunks, body, start_response)
        try:
            data = b"".join([*answer["body"], *chunks])
        finally:
            if hasattr(body, "close"):
                body.close()
        if len(data) < MIN_SIZE:
            return self.send(start_response, answer, with_vary(answer["headers"]), data)
        compressed = self.compress(environ, answer["headers"], data)
        headers = without(with_vary(answer["headers"]), "Content-Length", "ETag")
        etag = header(answer["headers"], "ETag")
        if etag:
            # Another representation: not the same strong validator.
            headers.append(("ETag", etag if etag.startswith("W/") else f"W/{etag}"))
        headers += [
            ("Content-Encoding", "gzip"),
            ("Content-Length", str(len(compressed))),
        ]
        return self.send(start_response, answer, headers, compressed)

    def compress(self, environ, headers, data):
        if "immutable" not in (header(headers, "Cache-Control") or ""):
            return gzip.compress(data, self.level, mtime=0)
        key = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
        compressed = self.immutable.get(key)
        if compressed is None:
            compressed = gzip.compress(data, self.level, mtime=0)
            self.immutable.put(key, compressed)
        return compressed

    @staticmethod
    def send(start_response, answer, headers, data):
        answer["sent"] = True
        start_response(answer["status"], headers)
        return [data]

    @staticmethod
    def vary_only(start_response):
        def start(status, headers, exc_info=None):
            if is_text(headers):
                headers = with_vary(headers)
            return start_response(status, headers, exc_info)

        return start

    @staticmethod
    def unchanged(answer, chunks, body, start_response):
        """The response as the application made it, streamed."""
        headers = answer["headers"]
        if is_text(headers):
            headers = with_vary(headers)
        answer["sent"] = True
        write = start_response(answer["status"], headers)
        for chunk in answer["body"]:
            write(chunk)
        # The application's own body when nothing was read from it (waitress
        # then sends a file as a file).
        return (
            body
            if chunks is body or not answer.get("pulled")
            else Streamed(chunks, body)
        )


class Streamed:
    """The rest of an application's body, and its ``close``."""

    def __init__(self, chunks, body):
        self.chunks = chunks
        self.body = body

    def __iter__(self):
        return self.chunks

    def close(self):
        if hasattr(self.body, "close"):
            self.body.close()


def make_filter(global_conf, level="6"):
    """PasteDeploy's filter factory: ``use = call:…compression:make_filter``."""
    return lambda application: Compression(application, int(level))
