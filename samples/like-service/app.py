#!/usr/bin/env python3
"""Mysfits like service: the first piece split out of the monolith.

It does the "processing" of a like, then asks the monolith to store it by
POSTing to ${MONOLITH_URL}/mysfits/<id>/fulfill-like.

Environment:
  PORT              listening port (default 80)
  MONOLITH_URL      where the monolith is, e.g. http://monolith:80 or just the
                    load balancer's host name (http:// is added when missing)
  MONOLITH_TIMEOUT  seconds to wait for the monolith (default 5)
"""

import http.client
import json
import logging
import os
import signal
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

from flask import Flask, g, jsonify, request

SERVICE = "like"
DEFAULT_TIMEOUT = 5.0

log = logging.getLogger(SERVICE)


def normalize_url(url):
    """'alb-123.elb.amazonaws.com' -> 'http://alb-123.elb.amazonaws.com'."""
    url = (url or "").strip()
    if not url:
        return ""
    if "://" not in url:
        url = "http://" + url
    return url.rstrip("/")


def error(status, message, **extra):
    body = {"error": message}
    body.update(extra)
    return jsonify(body), status


def _json_or_none(raw):
    try:
        return json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None


def create_app(monolith_url=None, timeout=None):
    app = Flask(__name__)
    if monolith_url is None:
        monolith_url = os.environ.get("MONOLITH_URL", "")
    if timeout is None:
        raw = os.environ.get("MONOLITH_TIMEOUT") or DEFAULT_TIMEOUT
        try:
            timeout = float(raw)
        except ValueError:
            log.warning("MONOLITH_TIMEOUT=%r is not a number; using %s s", raw, DEFAULT_TIMEOUT)
            timeout = DEFAULT_TIMEOUT
    app.config["MONOLITH_URL"] = normalize_url(monolith_url)
    app.config["MONOLITH_TIMEOUT"] = timeout
    if not app.config["MONOLITH_URL"]:
        log.warning("MONOLITH_URL is not set; likes will fail with 502")

    @app.before_request
    def start_timer():
        g.start = time.monotonic()

    @app.after_request
    def finish(response):
        response.headers.setdefault("Access-Control-Allow-Origin", "*")
        response.headers.setdefault("Access-Control-Allow-Headers", "Content-Type")
        response.headers.setdefault("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        ms = (time.monotonic() - g.get("start", time.monotonic())) * 1000
        log.info(
            '%s "%s %s" %s %.1fms',
            request.remote_addr or "-",
            request.method,
            request.full_path.rstrip("?"),
            response.status_code,
            ms,
        )
        return response

    @app.errorhandler(404)
    def not_found(_e):
        return error(404, "not found", path=request.path)

    @app.errorhandler(405)
    def not_allowed(_e):
        return error(405, "method not allowed", path=request.path)

    @app.route("/", methods=["GET"])
    def health():
        return jsonify(status="ok", service=SERVICE)

    @app.route("/mysfits/<mysfit_id>/like", methods=["POST"])
    def like_mysfit(mysfit_id):
        base = app.config["MONOLITH_URL"]
        if not base:
            return error(502, "MONOLITH_URL is not set", id=mysfit_id)
        # The "business logic" of a like would go here.
        url = "%s/mysfits/%s/fulfill-like" % (base, urllib.parse.quote(mysfit_id, safe=""))
        req = urllib.request.Request(
            url,
            data=b"",
            method="POST",
            headers={"Accept": "application/json", "User-Agent": "mysfits-like-service"},
        )
        try:
            with urllib.request.urlopen(req, timeout=app.config["MONOLITH_TIMEOUT"]) as resp:
                status, raw = resp.status, resp.read()
        except urllib.error.HTTPError as exc:
            body = _json_or_none(exc.read() or b"")
            if 400 <= exc.code < 500:
                # e.g. unknown mysfit: pass the monolith's answer on.
                log.info("Like for mysfit %s refused by the monolith: %s", mysfit_id, exc.code)
                if isinstance(body, dict):
                    return jsonify(body), exc.code
                return error(exc.code, "monolith answered %s" % exc.code, id=mysfit_id)
            log.warning("Like for mysfit %s failed: monolith answered %s", mysfit_id, exc.code)
            return error(502, "monolith answered %s" % exc.code, id=mysfit_id)
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            reason = getattr(exc, "reason", exc)
            log.warning("Like for mysfit %s failed: %s (%s)", mysfit_id, reason, url)
            return error(502, "monolith unreachable: %s" % reason, id=mysfit_id)
        body = _json_or_none(raw)
        if not isinstance(body, dict):
            log.warning("Like for mysfit %s: monolith sent no JSON object", mysfit_id)
            return error(502, "monolith sent an invalid answer", id=mysfit_id)
        body["handledBy"] = SERVICE
        log.info("Like processed for mysfit %s by the like service (likes=%s)",
                 mysfit_id, body.get("likes"))
        return jsonify(body), status

    return app


def main():
    logging.basicConfig(
        stream=sys.stdout,
        level=logging.INFO,
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
    )
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    try:
        port = int(os.environ.get("PORT", "80"))
    except ValueError:
        sys.exit("PORT must be a number, got %r" % os.environ.get("PORT"))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    app = create_app()
    log.info("%s listening on 0.0.0.0:%d, monolith at %s",
             SERVICE, port, app.config["MONOLITH_URL"] or "(MONOLITH_URL not set)")
    app.run(host="0.0.0.0", port=port, threaded=True)


if __name__ == "__main__":
    main()
