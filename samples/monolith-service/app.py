#!/usr/bin/env python3
"""Mysfits monolith: a small adoption-agency API for the container labs.

It lists, likes and adopts creatures. The data is in memory, loaded from the
bundled mysfits.json. Set DDB_TABLE_NAME to keep it in a DynamoDB table
instead (boto3 is optional: without it the bundled data is used).

Environment:
  PORT              listening port (default 80)
  DDB_TABLE_NAME    DynamoDB table with a string partition key "id" (optional)
  DDB_SEED          "1" to write the bundled mysfits into that table at startup
  MYSFITS_DATA      another JSON file to load instead of mysfits.json
  AWS_DEFAULT_REGION / AWS_REGION   region for DynamoDB (boto3 reads them)
  AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL   the SDKs' endpoint settings, honoured for older boto3 too
"""

import copy
import json
import logging
import os
import signal
import sys
import threading
import time
from decimal import Decimal

from flask import Flask, g, jsonify, request

SERVICE = "monolith"
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATA = os.path.join(HERE, "mysfits.json")

# Query filter names (compared case-insensitively) -> mysfit field.
FILTERS = {
    "species": "species",
    "goodevil": "goodevil",
    "lawchaos": "lawchaos",
    "adopted": "adopted",
    "age": "age",
    "name": "name",
}

log = logging.getLogger(SERVICE)


class NotFound(Exception):
    pass


class AlreadyAdopted(Exception):
    pass


def load_mysfits(path=None):
    with open(path or DEFAULT_DATA, encoding="utf-8") as f:
        data = json.load(f)
    if isinstance(data, dict):  # also accept {"mysfits": [...]}
        data = data.get("mysfits", [])
    return data


def _as_text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def matches(mysfit, field, value):
    return _as_text(mysfit.get(field, "")).lower() == value.lower()


class MemoryStore:
    """Mysfits kept in a dict; fine for one container, lost on restart."""

    kind = "memory"

    def __init__(self, mysfits):
        self._lock = threading.Lock()
        self._items = {m["id"]: copy.deepcopy(m) for m in mysfits}

    def list(self, field=None, value=None):
        with self._lock:
            items = [copy.deepcopy(m) for m in self._items.values()]
        if field:
            items = [m for m in items if matches(m, field, value)]
        return items

    def get(self, mysfit_id):
        with self._lock:
            m = self._items.get(mysfit_id)
            if m is None:
                raise NotFound(mysfit_id)
            return copy.deepcopy(m)

    def like(self, mysfit_id):
        with self._lock:
            m = self._items.get(mysfit_id)
            if m is None:
                raise NotFound(mysfit_id)
            m["likes"] = int(m.get("likes", 0)) + 1
            return copy.deepcopy(m)

    def adopt(self, mysfit_id):
        with self._lock:
            m = self._items.get(mysfit_id)
            if m is None:
                raise NotFound(mysfit_id)
            if m.get("adopted"):
                raise AlreadyAdopted(mysfit_id)
            m["adopted"] = True
            return copy.deepcopy(m)


def _plain(value):
    """DynamoDB gives numbers as Decimal; turn them back into int/float."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _error_code(exc):
    response = getattr(exc, "response", None) or {}
    return response.get("Error", {}).get("Code", "")


class DynamoStore:
    """Mysfits in a DynamoDB table whose partition key is the string "id"."""

    kind = "dynamodb"

    def __init__(self, table):
        self.table = table

    def list(self, field=None, value=None):
        items, kwargs = [], {}
        while True:
            page = self.table.scan(**kwargs)
            items.extend(_plain(i) for i in page.get("Items", []))
            if "LastEvaluatedKey" not in page:
                break
            kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]
        if field:
            items = [m for m in items if matches(m, field, value)]
        return sorted(items, key=lambda m: str(m.get("id")))

    def get(self, mysfit_id):
        item = self.table.get_item(Key={"id": mysfit_id}).get("Item")
        if item is None:
            raise NotFound(mysfit_id)
        return _plain(item)

    def like(self, mysfit_id):
        try:
            out = self.table.update_item(
                Key={"id": mysfit_id},
                UpdateExpression="ADD #likes :one",
                ConditionExpression="attribute_exists(#id)",
                ExpressionAttributeNames={"#likes": "likes", "#id": "id"},
                ExpressionAttributeValues={":one": 1},
                ReturnValues="ALL_NEW",
            )
        except Exception as exc:
            if _error_code(exc) == "ConditionalCheckFailedException":
                raise NotFound(mysfit_id) from None
            raise
        return _plain(out["Attributes"])

    def adopt(self, mysfit_id):
        self.get(mysfit_id)  # 404 before 409
        try:
            out = self.table.update_item(
                Key={"id": mysfit_id},
                UpdateExpression="SET #adopted = :yes",
                ConditionExpression=(
                    "attribute_exists(#id) AND "
                    "(attribute_not_exists(#adopted) OR #adopted = :no)"
                ),
                ExpressionAttributeNames={"#adopted": "adopted", "#id": "id"},
                ExpressionAttributeValues={":yes": True, ":no": False},
                ReturnValues="ALL_NEW",
            )
        except Exception as exc:
            if _error_code(exc) == "ConditionalCheckFailedException":
                raise AlreadyAdopted(mysfit_id) from None
            raise
        return _plain(out["Attributes"])

    def seed(self, mysfits):
        with self.table.batch_writer() as batch:
            for m in mysfits:
                batch.put_item(Item=m)


def endpoint(env):
    """The SDKs' own endpoint settings, AWS_ENDPOINT_URL_DYNAMODB and then AWS_ENDPOINT_URL. boto3 reads them itself
    from 1.28.57 on; Debian bookworm's python3-boto3 is older, so they are handed to it here. Unset, as on AWS, the
    region's public endpoint is used."""
    url = (env.get("AWS_ENDPOINT_URL_DYNAMODB") or env.get("AWS_ENDPOINT_URL") or "").strip()
    return {"endpoint_url": url} if url else {}


def make_store(env=None, data_path=None):
    """Pick the store from the environment; fall back to the bundled data."""
    env = os.environ if env is None else env
    data_path = data_path or env.get("MYSFITS_DATA") or DEFAULT_DATA
    table_name = (env.get("DDB_TABLE_NAME") or "").strip()
    if table_name:
        try:
            import boto3  # optional: only needed for DynamoDB
        except ImportError:
            log.warning(
                "DDB_TABLE_NAME=%s is set but boto3 is not installed; "
                "using the bundled data in memory instead",
                table_name,
            )
        else:
            try:
                store = DynamoStore(boto3.resource("dynamodb", **endpoint(env)).Table(table_name))
            except Exception as exc:  # e.g. no region configured
                log.warning(
                    "cannot use DynamoDB table %s (%s: %s); "
                    "using the bundled data in memory instead",
                    table_name, type(exc).__name__, exc,
                )
            else:
                if env.get("DDB_SEED") == "1":
                    mysfits = load_mysfits(data_path)
                    store.seed(mysfits)
                    log.info("seeded %d mysfits into %s", len(mysfits), table_name)
                log.info("using DynamoDB table %s", table_name)
                return store
    store = MemoryStore(load_mysfits(data_path))
    log.info("using %d mysfits from %s (in memory)", len(store.list()), data_path)
    return store


def error(status, message, **extra):
    body = {"error": message}
    body.update(extra)
    return jsonify(body), status


def create_app(store=None):
    app = Flask(__name__)
    app.config["STORE"] = store if store is not None else make_store()

    def st():
        return app.config["STORE"]

    @app.before_request
    def start_timer():
        g.start = time.monotonic()

    @app.after_request
    def finish(response):
        # The lab's web site calls the API from another origin.
        response.headers.setdefault("Access-Control-Allow-Origin", "*")
        response.headers.setdefault("Access-Control-Allow-Headers", "Content-Type")
        response.headers.setdefault(
            "Access-Control-Allow-Methods", "GET, POST, OPTIONS"
        )
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

    @app.errorhandler(500)
    def server_error(e):
        # Say why (e.g. DynamoDB credentials or permissions): this is a lab app.
        cause = getattr(e, "original_exception", None)
        if cause is None:
            return error(500, "internal error")
        return error(500, "internal error", detail="%s: %s" % (type(cause).__name__, cause))

    @app.route("/", methods=["GET"])
    def health():
        return jsonify(status="ok", service=SERVICE, store=st().kind)

    @app.route("/mysfits", methods=["GET"])
    def list_mysfits():
        name = request.args.get("filter")
        value = request.args.get("value")
        if name is None and value is None:
            return jsonify(mysfits=st().list())
        if not name or value is None:
            return error(400, "use both 'filter' and 'value', e.g. ?filter=GoodEvil&value=Evil")
        field = FILTERS.get(name.lower())
        if field is None:
            return error(400, "unknown filter %r" % name, filters=sorted(FILTERS))
        return jsonify(mysfits=st().list(field, value))

    @app.route("/mysfits/<mysfit_id>", methods=["GET"])
    def get_mysfit(mysfit_id):
        try:
            return jsonify(st().get(mysfit_id))
        except NotFound:
            return error(404, "no mysfit with id %r" % mysfit_id, id=mysfit_id)

    def process_like(mysfit_id):
        # The "business logic" that the lab moves into the like service.
        log.info("Like processed by the monolith for mysfit %s", mysfit_id)

    @app.route("/mysfits/<mysfit_id>/like", methods=["POST"])
    def like_mysfit(mysfit_id):
        try:
            m = st().like(mysfit_id)
        except NotFound:
            return error(404, "no mysfit with id %r" % mysfit_id, id=mysfit_id)
        process_like(mysfit_id)
        return jsonify(status="ok", id=mysfit_id, likes=m.get("likes"), handledBy=SERVICE)

    @app.route("/mysfits/<mysfit_id>/fulfill-like", methods=["POST"])
    def fulfill_like(mysfit_id):
        # Persistence only: called by the like service once it did the processing.
        try:
            m = st().like(mysfit_id)
        except NotFound:
            return error(404, "no mysfit with id %r" % mysfit_id, id=mysfit_id)
        log.info("Like fulfilled for mysfit %s (now %s likes)", mysfit_id, m.get("likes"))
        return jsonify(status="ok", id=mysfit_id, likes=m.get("likes"), handledBy=SERVICE)

    @app.route("/mysfits/<mysfit_id>/adopt", methods=["POST"])
    def adopt_mysfit(mysfit_id):
        try:
            m = st().adopt(mysfit_id)
        except NotFound:
            return error(404, "no mysfit with id %r" % mysfit_id, id=mysfit_id)
        except AlreadyAdopted:
            return error(409, "mysfit %r is already adopted" % mysfit_id, id=mysfit_id)
        log.info("Mysfit %s adopted", mysfit_id)
        return jsonify(status="ok", id=mysfit_id, adopted=bool(m.get("adopted")))

    return app


def main():
    logging.basicConfig(
        stream=sys.stdout,
        level=logging.INFO,
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
    )
    # One line per request comes from after_request; keep werkzeug's quiet.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    try:
        port = int(os.environ.get("PORT", "80"))
    except ValueError:
        sys.exit("PORT must be a number, got %r" % os.environ.get("PORT"))
    # As PID 1 in a container, SIGTERM (docker stop, ECS) would be ignored.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    app = create_app()
    log.info("%s listening on 0.0.0.0:%d", SERVICE, port)
    app.run(host="0.0.0.0", port=port, threaded=True)


if __name__ == "__main__":
    main()
