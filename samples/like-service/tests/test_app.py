"""Unit tests for the like service, against a fake monolith on loopback.

Run: python3 -m unittest discover -s samples/like-service/tests
 or: python3 -m pytest samples
"""

import importlib.util
import json
import os
import socket
import threading
import time
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HERE = os.path.dirname(os.path.abspath(__file__))
APP_PATH = os.path.join(os.path.dirname(HERE), "app.py")


def load_app_module():
    # Loaded under its own name: the monolith also has an app.py.
    spec = importlib.util.spec_from_file_location("mysfits_like_app", APP_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


like = load_app_module()


class FakeMonolith:
    """A tiny HTTP server answering /mysfits/<id>/fulfill-like."""

    def __init__(self):
        self.calls = []
        self.likes = {"sootpaw": 27}
        self.mode = "ok"  # ok | error500 | slow | garbage
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                fake.calls.append(("POST", self.path))
                parts = self.path.strip("/").split("/")
                if fake.mode == "slow":
                    time.sleep(1.0)
                if fake.mode == "error500":
                    return self.reply(500, {"error": "boom"})
                if fake.mode == "garbage":
                    return self.reply(200, "not json", raw=True)
                if len(parts) != 3 or parts[0] != "mysfits" or parts[2] != "fulfill-like":
                    return self.reply(404, {"error": "not found"})
                if parts[1] not in fake.likes:
                    return self.reply(404, {"error": "no mysfit", "id": parts[1]})
                fake.likes[parts[1]] += 1
                self.reply(200, {"status": "ok", "id": parts[1],
                                 "likes": fake.likes[parts[1]], "handledBy": "monolith"})

            def reply(self, status, body, raw=False):
                data = body.encode() if raw else json.dumps(body).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:
                    pass  # the client gave up (timeout test)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever,
                                       kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    @property
    def url(self):
        return "http://127.0.0.1:%d" % self.port

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LikeServiceTest(unittest.TestCase):
    def setUp(self):
        self.monolith = FakeMonolith()
        self.addCleanup(self.monolith.close)

    def client(self, url=None, timeout=2.0):
        app = like.create_app(monolith_url=self.monolith.url if url is None else url,
                              timeout=timeout)
        return app.test_client()

    def test_health(self):
        r = self.client().get("/")
        self.assertEqual(r.status_code, 200)
        self.assertEqual(r.get_json(), {"status": "ok", "service": "like"})

    def test_like_is_fulfilled_by_the_monolith(self):
        with self.assertLogs("like", level="INFO") as logs:
            r = self.client().post("/mysfits/sootpaw/like")
        self.assertEqual(r.status_code, 200)
        body = r.get_json()
        self.assertEqual(body["likes"], 28)
        self.assertEqual(body["handledBy"], "like")
        self.assertEqual(self.monolith.calls, [("POST", "/mysfits/sootpaw/fulfill-like")])
        self.assertTrue(any("Like processed" in line for line in logs.output), logs.output)

    def test_url_without_scheme_and_with_slash(self):
        r = self.client(url="127.0.0.1:%d/" % self.monolith.port).post("/mysfits/sootpaw/like")
        self.assertEqual(r.status_code, 200)
        self.assertEqual(self.monolith.calls, [("POST", "/mysfits/sootpaw/fulfill-like")])

    def test_id_is_quoted(self):
        r = self.client().post("/mysfits/a%20b/like")
        self.assertEqual(r.status_code, 404)
        self.assertEqual(self.monolith.calls, [("POST", "/mysfits/a%20b/fulfill-like")])

    def test_unknown_mysfit_passes_404_on(self):
        r = self.client().post("/mysfits/nobody/like")
        self.assertEqual(r.status_code, 404)
        self.assertEqual(r.get_json()["id"], "nobody")

    def test_monolith_error_is_502(self):
        self.monolith.mode = "error500"
        r = self.client().post("/mysfits/sootpaw/like")
        self.assertEqual(r.status_code, 502)
        self.assertIn("error", r.get_json())

    def test_monolith_garbage_is_502(self):
        self.monolith.mode = "garbage"
        self.assertEqual(self.client().post("/mysfits/sootpaw/like").status_code, 502)

    def test_monolith_down_is_502(self):
        r = self.client(url="http://127.0.0.1:%d" % free_port()).post("/mysfits/sootpaw/like")
        self.assertEqual(r.status_code, 502)
        self.assertIn("unreachable", r.get_json()["error"])

    def test_monolith_timeout_is_502(self):
        self.monolith.mode = "slow"
        started = time.monotonic()
        r = self.client(timeout=0.3).post("/mysfits/sootpaw/like")
        self.assertEqual(r.status_code, 502)
        self.assertLess(time.monotonic() - started, 0.9)

    def test_no_monolith_url_is_502(self):
        r = self.client(url="").post("/mysfits/sootpaw/like")
        self.assertEqual(r.status_code, 502)
        self.assertIn("MONOLITH_URL", r.get_json()["error"])
        self.assertEqual(self.monolith.calls, [])

    def test_like_needs_post(self):
        self.assertEqual(self.client().get("/mysfits/sootpaw/like").status_code, 405)

    def test_default_timeout_and_env(self):
        old = {k: os.environ.get(k) for k in ("MONOLITH_URL", "MONOLITH_TIMEOUT")}
        self.addCleanup(lambda: [os.environ.pop(k, None) if v is None
                                 else os.environ.__setitem__(k, v) for k, v in old.items()])
        os.environ["MONOLITH_URL"] = "monolith.example:8000"
        os.environ.pop("MONOLITH_TIMEOUT", None)
        app = like.create_app()
        self.assertEqual(app.config["MONOLITH_URL"], "http://monolith.example:8000")
        self.assertEqual(app.config["MONOLITH_TIMEOUT"], 5.0)


if __name__ == "__main__":
    unittest.main()
