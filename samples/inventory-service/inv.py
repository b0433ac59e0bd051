#!/usr/bin/env python3
"""Trash-can inventory service: the RX-M lab's small Flask microservice, written for mysfits.

GET /             {"version": "0.1"}: the lab's curl check
GET /items        every item, optionally ?kind=
POST /items       {"name": ..., "kind": ..., "count": n} adds one; 201 with its id
GET /items/<id>   one item, 404 when unknown
DELETE /items/<id>

The inventory lives in memory: the lab is about the container, not the data.
"""
import itertools
import os
import threading

from flask import Flask, jsonify, request

VERSION = os.environ.get("INV_VERSION", "0.1")


def create_app():
    app = Flask(__name__)
    items = {}
    ids = itertools.count(1)
    lock = threading.Lock()

    def bad(message):
        return jsonify(error=message), 400

    @app.get("/")
    def version():
        return jsonify(version=VERSION)

    @app.get("/items")
    def list_items():
        kind = request.args.get("kind")
        with lock:
            found = [i for i in items.values() if kind is None or i["kind"] == kind]
        return jsonify(items=sorted(found, key=lambda i: i["id"]))

    @app.post("/items")
    def add_item():
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            return bad("send a JSON object with name, kind and count")
        name, kind, count = body.get("name"), body.get("kind", "misc"), body.get("count", 1)
        if not isinstance(name, str) or not name.strip():
            return bad("name must be a non-empty string")
        if not isinstance(kind, str) or not kind.strip():
            return bad("kind must be a non-empty string")
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            return bad("count must be a whole number, 0 or more")
        with lock:
            item = {"id": next(ids), "name": name.strip(), "kind": kind.strip(), "count": count}
            items[item["id"]] = item
        return jsonify(item), 201

    @app.get("/items/<int:item_id>")
    def get_item(item_id):
        with lock:
            item = items.get(item_id)
        return (jsonify(item), 200) if item else (jsonify(error="no item %d" % item_id), 404)

    @app.delete("/items/<int:item_id>")
    def delete_item(item_id):
        with lock:
            item = items.pop(item_id, None)
        return ("", 204) if item else (jsonify(error="no item %d" % item_id), 404)

    @app.errorhandler(404)
    def not_found(_e):
        return jsonify(error="not found", path=request.path), 404

    return app


app = create_app()
