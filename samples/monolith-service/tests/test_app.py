"""Unit tests for the monolith, with Flask's test client.

Run: python3 -m unittest discover -s samples/monolith-service/tests
 or: python3 -m pytest samples
"""

import importlib.util
import json
import os
import sys
import unittest
from decimal import Decimal
from unittest import mock

HERE = os.path.dirname(os.path.abspath(__file__))
APP_PATH = os.path.join(os.path.dirname(HERE), "app.py")


def load_app_module():
    # Loaded under its own name: the like service also has an app.py.
    spec = importlib.util.spec_from_file_location("mysfits_monolith_app", APP_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


monolith = load_app_module()


class MonolithTest(unittest.TestCase):
    def setUp(self):
        self.store = monolith.MemoryStore(monolith.load_mysfits())
        self.app = monolith.create_app(self.store)
        self.client = self.app.test_client()

    def get_json(self, path):
        r = self.client.get(path)
        return r.status_code, r.get_json()

    def post_json(self, path):
        r = self.client.post(path)
        return r.status_code, r.get_json()

    def test_health(self):
        status, body = self.get_json("/")
        self.assertEqual(status, 200)
        self.assertEqual(body["status"], "ok")
        self.assertEqual(body["service"], "monolith")

    def test_bundled_data(self):
        mysfits = monolith.load_mysfits()
        self.assertGreaterEqual(len(mysfits), 12)
        fields = {"id", "name", "species", "description", "age",
                  "goodevil", "lawchaos", "likes", "adopted"}
        for m in mysfits:
            self.assertTrue(fields <= set(m), m)
        self.assertEqual(len({m["id"] for m in mysfits}), len(mysfits))

    def test_list(self):
        status, body = self.get_json("/mysfits")
        self.assertEqual(status, 200)
        self.assertEqual(len(body["mysfits"]), len(monolith.load_mysfits()))

    def test_filter_like_the_lab(self):
        status, body = self.get_json("/mysfits?filter=GoodEvil&value=Evil")
        self.assertEqual(status, 200)
        self.assertTrue(body["mysfits"])
        self.assertTrue(all(m["goodevil"] == "Evil" for m in body["mysfits"]))
        # Names and values are case-insensitive.
        _, again = self.get_json("/mysfits?filter=goodevil&value=evil")
        self.assertEqual(body, again)

    def test_filter_other_fields(self):
        _, body = self.get_json("/mysfits?filter=LawChaos&value=Lawful")
        self.assertTrue(all(m["lawchaos"] == "Lawful" for m in body["mysfits"]))
        _, body = self.get_json("/mysfits?filter=adopted&value=true")
        self.assertTrue(body["mysfits"])
        self.assertTrue(all(m["adopted"] is True for m in body["mysfits"]))
        _, body = self.get_json("/mysfits?filter=Species&value=no-such-species")
        self.assertEqual(body["mysfits"], [])

    def test_bad_filters(self):
        self.assertEqual(self.get_json("/mysfits?filter=Colour&value=Blue")[0], 400)
        self.assertEqual(self.get_json("/mysfits?filter=GoodEvil")[0], 400)
        self.assertEqual(self.get_json("/mysfits?value=Evil")[0], 400)

    def test_get_one(self):
        status, body = self.get_json("/mysfits/sootpaw")
        self.assertEqual(status, 200)
        self.assertEqual(body["name"], "Sootpaw")

    def test_get_unknown_is_404_json(self):
        r = self.client.get("/mysfits/nobody")
        self.assertEqual(r.status_code, 404)
        self.assertEqual(r.mimetype, "application/json")
        self.assertIn("error", r.get_json())

    def test_unknown_route_is_404_json(self):
        r = self.client.get("/nowhere")
        self.assertEqual(r.status_code, 404)
        self.assertEqual(r.get_json()["error"], "not found")

    def test_like_is_handled_by_the_monolith(self):
        before = self.get_json("/mysfits/pipwhistle")[1]["likes"]
        with self.assertLogs("monolith", level="INFO") as logs:
            status, body = self.post_json("/mysfits/pipwhistle/like")
        self.assertEqual(status, 200)
        self.assertEqual(body["likes"], before + 1)
        self.assertEqual(body["handledBy"], "monolith")
        self.assertEqual(self.get_json("/mysfits/pipwhistle")[1]["likes"], before + 1)
        self.assertTrue(any("processed by the monolith" in line for line in logs.output),
                        logs.output)

    def test_fulfill_like(self):
        before = self.get_json("/mysfits/cindersnout")[1]["likes"]
        status, body = self.post_json("/mysfits/cindersnout/fulfill-like")
        self.assertEqual(status, 200)
        self.assertEqual(body["likes"], before + 1)
        self.assertEqual(self.get_json("/mysfits/cindersnout")[1]["likes"], before + 1)

    def test_like_unknown(self):
        self.assertEqual(self.post_json("/mysfits/nobody/like")[0], 404)
        self.assertEqual(self.post_json("/mysfits/nobody/fulfill-like")[0], 404)

    def test_like_needs_post(self):
        self.assertEqual(self.client.get("/mysfits/sootpaw/like").status_code, 405)

    def test_adopt(self):
        status, body = self.post_json("/mysfits/mossgrove/adopt")
        self.assertEqual(status, 200)
        self.assertTrue(body["adopted"])
        self.assertTrue(self.get_json("/mysfits/mossgrove")[1]["adopted"])
        self.assertEqual(self.post_json("/mysfits/mossgrove/adopt")[0], 409)
        self.assertEqual(self.post_json("/mysfits/nobody/adopt")[0], 404)

    def test_state_is_per_app(self):
        self.post_json("/mysfits/sootpaw/like")
        fresh = monolith.create_app(monolith.MemoryStore(monolith.load_mysfits()))
        likes = fresh.test_client().get("/mysfits/sootpaw").get_json()["likes"]
        self.assertEqual(likes, self.get_json("/mysfits/sootpaw")[1]["likes"] - 1)

    def test_one_log_line_per_request(self):
        with self.assertLogs("monolith", level="INFO") as logs:
            self.client.get("/mysfits?filter=GoodEvil&value=Evil")
        self.assertEqual(len(logs.output), 1)
        self.assertIn('"GET /mysfits?filter=GoodEvil&value=Evil" 200', logs.output[0])


class StoreSelectionTest(unittest.TestCase):
    def test_memory_without_table(self):
        store = monolith.make_store(env={})
        self.assertEqual(store.kind, "memory")

    def test_table_set_but_no_boto3(self):
        # A None entry in sys.modules makes "import boto3" raise ImportError.
        with mock.patch.dict(sys.modules, {"boto3": None}):
            with self.assertLogs("monolith", level="WARNING") as logs:
                store = monolith.make_store(env={"DDB_TABLE_NAME": "mysfits"})
        self.assertEqual(store.kind, "memory")
        self.assertTrue(any("boto3" in line for line in logs.output))

    def test_table_with_boto3(self):
        fake_boto3 = mock.MagicMock()
        with mock.patch.dict(sys.modules, {"boto3": fake_boto3}):
            store = monolith.make_store(env={"DDB_TABLE_NAME": "mysfits"})
        self.assertEqual(store.kind, "dynamodb")
        fake_boto3.resource.assert_called_once_with("dynamodb")
        fake_boto3.resource.return_value.Table.assert_called_once_with("mysfits")

    def test_table_with_the_sdks_endpoint_settings(self):
        fake_boto3 = mock.MagicMock()
        with mock.patch.dict(sys.modules, {"boto3": fake_boto3}):
            monolith.make_store(env={"DDB_TABLE_NAME": "t", "AWS_ENDPOINT_URL": "http://10.0.0.1:4566"})
            monolith.make_store(env={"DDB_TABLE_NAME": "t", "AWS_ENDPOINT_URL": "http://10.0.0.1:4566",
                                     "AWS_ENDPOINT_URL_DYNAMODB": "http://10.0.0.2:8000"})
        self.assertEqual([mock.call("dynamodb", endpoint_url="http://10.0.0.1:4566"),
                          mock.call("dynamodb", endpoint_url="http://10.0.0.2:8000")],
                         [c for c in fake_boto3.resource.call_args_list])

    def test_table_unusable_falls_back(self):
        fake_boto3 = mock.MagicMock()
        fake_boto3.resource.side_effect = RuntimeError("You must specify a region.")
        with mock.patch.dict(sys.modules, {"boto3": fake_boto3}):
            with self.assertLogs("monolith", level="WARNING") as logs:
                store = monolith.make_store(env={"DDB_TABLE_NAME": "mysfits"})
        self.assertEqual(store.kind, "memory")
        self.assertTrue(any("region" in line for line in logs.output))

    def test_store_error_is_500_json(self):
        broken = mock.MagicMock()
        broken.kind = "dynamodb"
        broken.list.side_effect = RuntimeError("Unable to locate credentials")
        app = monolith.create_app(broken)
        with self.assertLogs(app.logger, level="ERROR"):  # Flask logs the traceback
            r = app.test_client().get("/mysfits")
        self.assertEqual(r.status_code, 500)
        self.assertIn("credentials", r.get_json()["detail"])


class ConditionFailed(Exception):
    response = {"Error": {"Code": "ConditionalCheckFailedException"}}


class FakeTable:
    """Just enough of a boto3 Table for DynamoStore."""

    def __init__(self, items):
        self.items = {i["id"]: dict(i) for i in json.loads(json.dumps(items), parse_float=Decimal)}
        for item in self.items.values():
            for k, v in item.items():
                if isinstance(v, int) and not isinstance(v, bool):
                    item[k] = Decimal(v)

    def scan(self, **kwargs):
        items = sorted(self.items.values(), key=lambda i: i["id"])
        start = 0
        if "ExclusiveStartKey" in kwargs:
            start = [i["id"] for i in items].index(kwargs["ExclusiveStartKey"]["id"]) + 1
        page = items[start:start + 5]
        out = {"Items": [dict(i) for i in page]}
        if start + 5 < len(items):
            out["LastEvaluatedKey"] = {"id": page[-1]["id"]}
        return out

    def get_item(self, Key):
        item = self.items.get(Key["id"])
        return {"Item": dict(item)} if item else {}

    def update_item(self, Key, UpdateExpression, **kwargs):
        item = self.items.get(Key["id"])
        if item is None:
            raise ConditionFailed()
        if UpdateExpression.startswith("ADD"):
            item["likes"] = item.get("likes", Decimal(0)) + 1
        else:
            if item.get("adopted"):
                raise ConditionFailed()
            item["adopted"] = True
        return {"Attributes": dict(item)}


class DynamoStoreTest(unittest.TestCase):
    def setUp(self):
        self.table = FakeTable(monolith.load_mysfits())
        self.client = monolith.create_app(monolith.DynamoStore(self.table)).test_client()

    def test_list_pages_and_numbers(self):
        r = self.client.get("/mysfits")
        self.assertEqual(r.status_code, 200)
        mysfits = r.get_json()["mysfits"]
        self.assertEqual(len(mysfits), len(self.table.items))
        self.assertTrue(all(isinstance(m["age"], int) for m in mysfits))
        evil = self.client.get("/mysfits?filter=GoodEvil&value=Evil").get_json()["mysfits"]
        self.assertTrue(evil and all(m["goodevil"] == "Evil" for m in evil))

    def test_like_adopt_and_missing(self):
        before = self.client.get("/mysfits/sootpaw").get_json()["likes"]
        r = self.client.post("/mysfits/sootpaw/fulfill-like")
        self.assertEqual(r.get_json()["likes"], before + 1)
        self.assertEqual(self.client.post("/mysfits/nobody/like").status_code, 404)
        self.assertEqual(self.client.post("/mysfits/sootpaw/adopt").status_code, 200)
        self.assertEqual(self.client.post("/mysfits/sootpaw/adopt").status_code, 409)
        self.assertEqual(self.client.post("/mysfits/nobody/adopt").status_code, 404)
        self.assertEqual(self.client.get("/").get_json()["store"], "dynamodb")


try:
    import boto3
    from moto import mock_aws
except ImportError:
    mock_aws = None


@unittest.skipIf(mock_aws is None, "boto3 and moto are not installed")
class RealBoto3Test(unittest.TestCase):
    """The DynamoDB path with the real boto3, against moto's fake AWS."""

    def setUp(self):
        env = {"AWS_DEFAULT_REGION": "us-east-1", "AWS_ACCESS_KEY_ID": "testing",
               "AWS_SECRET_ACCESS_KEY": "testing", "AWS_SESSION_TOKEN": "testing"}
        patcher = mock.patch.dict(os.environ, env)
        patcher.start()
        self.addCleanup(patcher.stop)
        # An endpoint in the environment (the sandbox's, say) would send the mocked calls to a real server.
        os.environ.pop("AWS_ENDPOINT_URL", None)
        os.environ.pop("AWS_ENDPOINT_URL_DYNAMODB", None)
        aws = mock_aws()
        aws.start()
        self.addCleanup(aws.stop)
        boto3.resource("dynamodb").create_table(
            TableName="mysfits-test",
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )

    def test_seed_and_use_the_table(self):
        store = monolith.make_store(env={"DDB_TABLE_NAME": "mysfits-test", "DDB_SEED": "1"})
        self.assertEqual(store.kind, "dynamodb")
        client = monolith.create_app(store).test_client()
        mysfits = client.get("/mysfits").get_json()["mysfits"]
        self.assertEqual(len(mysfits), len(monolith.load_mysfits()))
        evil = client.get("/mysfits?filter=GoodEvil&value=Evil").get_json()["mysfits"]
        self.assertTrue(evil and all(m["goodevil"] == "Evil" for m in evil))
        self.assertEqual(client.get("/mysfits/sootpaw").get_json()["likes"], 27)
        self.assertEqual(client.post("/mysfits/sootpaw/like").get_json()["likes"], 28)
        self.assertEqual(client.post("/mysfits/sootpaw/fulfill-like").get_json()["likes"], 29)
        self.assertEqual(client.post("/mysfits/nobody/like").status_code, 404)
        self.assertEqual(client.post("/mysfits/sootpaw/adopt").status_code, 200)
        self.assertEqual(client.post("/mysfits/sootpaw/adopt").status_code, 409)
        self.assertEqual(client.post("/mysfits/nobody/adopt").status_code, 404)
        self.assertEqual(client.get("/mysfits/nobody").status_code, 404)
        item = boto3.resource("dynamodb").Table("mysfits-test").get_item(Key={"id": "sootpaw"})["Item"]
        self.assertEqual((item["likes"], item["adopted"]), (29, True))


if __name__ == "__main__":
    unittest.main()
