import importlib.util
import os

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))


def load():
    spec = importlib.util.spec_from_file_location("inv", os.path.join(HERE, "..", "inv.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def client():
    return load().create_app().test_client()


def test_root_answers_the_version_the_lab_curls(client):
    response = client.get("/")
    assert response.status_code == 200
    assert response.get_json() == {"version": "0.1"}


def test_add_list_get_and_delete_items(client):
    added = client.post("/items", json={"name": "lid", "kind": "part", "count": 3})
    assert added.status_code == 201
    item = added.get_json()
    assert item == {"id": 1, "name": "lid", "kind": "part", "count": 3}
    client.post("/items", json={"name": "bag", "kind": "supply"})
    assert [i["name"] for i in client.get("/items").get_json()["items"]] == ["lid", "bag"]
    assert [i["name"] for i in client.get("/items?kind=part").get_json()["items"]] == ["lid"]
    assert client.get("/items/1").get_json()["count"] == 3
    assert client.delete("/items/1").status_code == 204
    assert client.get("/items/1").status_code == 404
    assert client.delete("/items/1").status_code == 404


@pytest.mark.parametrize("body,message", [
    (None, "JSON object"),
    ({"kind": "part"}, "name"),
    ({"name": " "}, "name"),
    ({"name": "lid", "count": -1}, "count"),
    ({"name": "lid", "count": "3"}, "count"),
    ({"name": "lid", "count": True}, "count"),
    ({"name": "lid", "kind": ""}, "kind"),
])
def test_bad_items_are_refused_with_a_reason(client, body, message):
    response = client.post("/items", json=body) if body is not None else client.post("/items", data="nope")
    assert response.status_code == 400
    assert message in response.get_json()["error"]


def test_unknown_paths_answer_json_404(client):
    response = client.get("/nope")
    assert response.status_code == 404
    assert response.get_json()["path"] == "/nope"


def test_dockerignore_keeps_tests_secrets_and_virtualenvs_out():
    with open(os.path.join(HERE, "..", ".dockerignore")) as f:
        patterns = {line.strip() for line in f if line.strip() and not line.startswith("#")}
    assert {"venv/", "tests/", ".env", ".git/", "*.pyc"} <= patterns
