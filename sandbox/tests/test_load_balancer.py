"""An ALB end to end without Docker: moto's records, the health checker and the proxy, against HTTP servers on
loopback. Curl-like requests go through the proxy by Host header and come back from the right target."""
import http.client
import http.server
import threading
import time

import boto3
import pytest
from moto import mock_aws

from mysfits_sandbox.elb import LoadBalancing, ProxyServer
from mysfits_sandbox.settings import Settings


def backend_server(name, status=200):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _answer(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = ("%s %s %s %s" % (name, self.command, self.path, self.rfile.read(length).decode())).encode()
            self.send_response(status)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("X-Backend", name)
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _answer

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def wait_until(check, seconds=10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def alb():
    with mock_aws():
        # Health checks 5 s apart at AWS's speed; these tests are about routing, so on a clock ten times faster.
        balancing = LoadBalancing(Settings.for_port(5998, "/dev/null", environ={"MYSFITS_SANDBOX_TIME_SCALE": "10"}))
        balancing.install()
        elb, ec2 = boto3.client("elbv2"), boto3.client("ec2")
        vpc = ec2.describe_vpcs()["Vpcs"][0]["VpcId"]
        subnets = [s["SubnetId"] for s in ec2.describe_subnets()["Subnets"]][:2]
        lb = elb.create_load_balancer(Name="shop", Subnets=subnets)["LoadBalancers"][0]
        servers = []

        def group(name, server, path="/"):
            arn = elb.create_target_group(Name=name, Protocol="HTTP", Port=server.server_address[1], VpcId=vpc,
                                          TargetType="ip", HealthCheckPath=path, HealthCheckIntervalSeconds=5,
                                          HealthyThresholdCount=2)["TargetGroups"][0]["TargetGroupArn"]
            elb.modify_target_group_attributes(TargetGroupArn=arn, Attributes=[
                {"Key": "deregistration_delay.timeout_seconds", "Value": "1"}])
            elb.register_targets(TargetGroupArn=arn, Targets=[{"Id": "127.0.0.1", "Port": server.server_address[1]}])
            servers.append(server)
            return arn

        def checks_until_healthy(arn):
            def healthy():
                balancing.check_health(now=time.monotonic() + 3600)  # every probe due at once
                states = [d["TargetHealth"]["State"] for d in elb.describe_target_health(TargetGroupArn=arn)
                          ["TargetHealthDescriptions"]]
                return states and all(s == "healthy" for s in states)
            assert wait_until(healthy)

        proxy = ProxyServer(("127.0.0.1", 0), balancing)
        proxy.listen_port = 80  # the listener's port, though the test server sits on a free one
        threading.Thread(target=proxy.serve_forever, daemon=True).start()

        def request(method, path, host=lb["DNSName"], body=None):
            connection = http.client.HTTPConnection("127.0.0.1", proxy.server_address[1], timeout=5)
            connection.request(method, path, body=body, headers={"Host": host})
            response = connection.getresponse()
            return response.status, response.read().decode(), response

        yield elb, lb, group, checks_until_healthy, request, balancing
        proxy.shutdown()
        for s in servers:
            s.shutdown()


def test_path_rule_and_default_action_route_to_their_targets(alb):
    elb, lb, group, checks_until_healthy, request, balancing = alb
    monolith = group("monolith", backend_server("monolith"))
    like = group("like", backend_server("like"))
    listener = elb.create_listener(LoadBalancerArn=lb["LoadBalancerArn"], Protocol="HTTP", Port=80,
                                   DefaultActions=[{"Type": "forward", "TargetGroupArn": monolith}])["Listeners"][0]
    elb.create_rule(ListenerArn=listener["ListenerArn"], Priority=10, Actions=[{"Type": "forward", "TargetGroupArn": like}],
                    Conditions=[{"Field": "path-pattern", "PathPatternConfig": {"Values": ["/mysfits/*/like"]}}])
    assert request("GET", "/mysfits")[0] == 503  # registered, but not yet healthy
    checks_until_healthy(monolith)
    checks_until_healthy(like)
    status, body, response = request("POST", "/mysfits/abc/like", body=b"{}")
    assert status == 200 and body == "like POST /mysfits/abc/like {}"
    assert response.getheader("X-Backend") == "like"
    assert request("GET", "/mysfits?filter=x")[1] == "monolith GET /mysfits?filter=x "
    assert request("GET", "/", host="unknown.example.com")[1].startswith("monolith")  # the only ALB on the port


def test_fixed_response_and_no_targets(alb):
    elb, lb, group, checks_until_healthy, request, balancing = alb
    empty = elb.create_target_group(Name="empty", Protocol="HTTP", Port=80, VpcId=lb["VpcId"],
                                    TargetType="ip")["TargetGroups"][0]["TargetGroupArn"]
    listener = elb.create_listener(LoadBalancerArn=lb["LoadBalancerArn"], Protocol="HTTP", Port=80, DefaultActions=[
        {"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "404", "ContentType": "text/plain",
                                                           "MessageBody": "nothing here"}}])["Listeners"][0]
    elb.create_rule(ListenerArn=listener["ListenerArn"], Priority=1, Actions=[{"Type": "forward", "TargetGroupArn": empty}],
                    Conditions=[{"Field": "path-pattern", "PathPatternConfig": {"Values": ["/api/*"]}}])
    assert request("GET", "/")[:2] == (404, "nothing here")
    assert request("GET", "/api/x")[0] == 503


def test_unhealthy_target_answers_through_fail_open_and_a_dead_one_gives_502(alb):
    elb, lb, group, checks_until_healthy, request, balancing = alb
    sick_server = backend_server("sick", status=500)
    sick = group("sick", sick_server)
    elb.create_listener(LoadBalancerArn=lb["LoadBalancerArn"], Protocol="HTTP", Port=80,
                        DefaultActions=[{"Type": "forward", "TargetGroupArn": sick}])

    def health():
        balancing.check_health(now=time.monotonic() + 3600)
        return elb.describe_target_health(TargetGroupArn=sick)["TargetHealthDescriptions"][0]["TargetHealth"]
    assert wait_until(lambda: health()["State"] == "unhealthy")
    assert health()["Reason"] == "Target.ResponseCodeMismatch"
    assert request("GET", "/")[0] == 500  # ALB fails open when every target is unhealthy
    sick_server.shutdown()
    sick_server.server_close()
    assert request("GET", "/")[0] == 502


def test_deregistered_target_drains_for_the_delay_then_is_gone(alb):
    elb, lb, group, checks_until_healthy, request, balancing = alb
    arn = group("drain", backend_server("drain"))
    checks_until_healthy(arn)
    port = elb.describe_target_groups(TargetGroupArns=[arn])["TargetGroups"][0]["Port"]
    elb.deregister_targets(TargetGroupArn=arn, Targets=[{"Id": "127.0.0.1", "Port": port}])
    states = elb.describe_target_health(TargetGroupArn=arn)["TargetHealthDescriptions"]
    assert states[0]["TargetHealth"]["State"] == "draining"
    balancing.check_health()
    assert elb.describe_target_health(TargetGroupArn=arn)["TargetHealthDescriptions"]  # still draining
    balancing.check_health(now=time.monotonic() + 1.5)  # past the 1 s deregistration delay
    assert elb.describe_target_health(TargetGroupArn=arn)["TargetHealthDescriptions"] == []


def test_creating_a_load_balancer_again_answers_the_one_that_exists(alb):
    """As AWS does: a repeat after a lost answer must not make a second load balancer of the same name."""
    elb, lb, *_ = alb
    ec2 = boto3.client("ec2")
    subnets = [s["SubnetId"] for s in ec2.describe_subnets()["Subnets"]][:2]
    again = elb.create_load_balancer(Name="shop", Subnets=subnets)["LoadBalancers"][0]
    assert again["LoadBalancerArn"] == lb["LoadBalancerArn"]
    assert [b["LoadBalancerName"] for b in elb.describe_load_balancers()["LoadBalancers"]] == ["shop"]
