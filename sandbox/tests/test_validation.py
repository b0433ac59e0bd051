"""Request validation: requests serialized by botocore, as an SDK sends them, are decoded back from each protocol
(JSON, query, EC2) and checked against the service's model and AWS's naming rules, and violations answer in the
service's own error shape. Valid requests, one for each operation mysfits calls, pass to moto unchanged."""
import io
import json
import logging
import threading
import urllib.parse
import urllib.request

import boto3
import botocore.exceptions
import botocore.session
import pytest
from botocore.config import Config
from botocore.serialize import create_serializer
from werkzeug.serving import make_server

from mysfits_sandbox import validation
from mysfits_sandbox.realism import Realism
from mysfits_sandbox.validation import (SIGNING_NAMES, Findings, ValidationMiddleware, compile_pattern, decode,
                                        skip_reason)

AUTH = "AWS4-HMAC-SHA256 Credential=AKID/20261130/us-east-1/%s/aws4_request, SignedHeaders=host, Signature=x"
SESSION = botocore.session.get_session()


def environ_for(service, operation, params):
    """The WSGI environ of the request botocore's serializer makes for this call."""
    model = SESSION.get_service_model(service)
    request = create_serializer(model.metadata["protocol"], include_validation=False).serialize_to_request(
        params, model.operation_model(operation))
    body = request["body"]
    if isinstance(body, dict):
        body = urllib.parse.urlencode(body).encode()
    headers = request["headers"]
    signing = model.metadata.get("signingName") or model.metadata["endpointPrefix"]
    environ = {"REQUEST_METHOD": request["method"], "PATH_INFO": request["url_path"], "QUERY_STRING": "",
               "CONTENT_TYPE": headers.get("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
               "CONTENT_LENGTH": str(len(body)), "wsgi.input": io.BytesIO(body), "HTTP_AUTHORIZATION": AUTH % signing}
    if "X-Amz-Target" in headers:
        environ["HTTP_X_AMZ_TARGET"] = headers["X-Amz-Target"]
    return environ, body


class Moto:
    """Stands in for moto: records what reached it."""

    def __init__(self):
        self.bodies = []

    def __call__(self, environ, start_response):
        self.bodies.append(environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0)))
        start_response("200 OK", [("Content-Type", "application/json")])
        return [b"{}"]


def call(service, operation, params, realism=None):
    moto = Moto()
    middleware = ValidationMiddleware(moto, realism if realism is not None else Realism())
    environ, body = environ_for(service, operation, params)
    statuses = []
    answer = b"".join(middleware(environ, lambda status, headers: statuses.append((status, dict(headers)))))
    return moto, body, statuses[0], answer, middleware.findings.list()


def refused(service, operation, params):
    moto, _, (status, headers), answer, findings = call(service, operation, params)
    assert status.startswith("400") and not moto.bodies, answer
    return headers["Content-Type"], answer.decode(), findings


def json_error(service, operation, params):
    _, answer, findings = refused(service, operation, params)
    error = json.loads(answer)
    return error["__type"], error["message"], findings


# ---------------------------------------------------------------------------------------------- JSON protocol

def test_json_required_member_answers_the_services_code_naming_the_member():
    code, message, findings = json_error("ecs", "RegisterTaskDefinition", {"family": "mysfits-like"})
    assert code == "InvalidParameterException"
    assert message == ("1 validation error detected: Value null at 'containerDefinitions' failed to satisfy "
                       "constraint: Member must not be null")
    assert findings == [{"service": "ecs", "operation": "RegisterTaskDefinition", "member": "containerDefinitions",
                         "value": None, "constraint": "Member must not be null", "code": "", "message": ""}]


def test_json_length_range_enum_and_pattern():
    code, message, _ = json_error("ecr", "CreateRepository", {"repositoryName": "m"})
    assert code == "InvalidParameterException"
    assert "Value 'm' at 'repositoryName' failed to satisfy constraint: " \
           "Member must have length greater than or equal to 2" in message
    code, message, _ = json_error("ecr", "DescribeRepositories", {"maxResults": 5000})
    assert message == ("1 validation error detected: Value '5000' at 'maxResults' failed to satisfy constraint: "
                       "Member must have value less than or equal to 1000")
    _, message, _ = json_error("ecs", "CreateService", {"serviceName": "like", "launchType": "MOON"})
    assert "Value 'MOON' at 'launchType' failed to satisfy constraint: Member must satisfy enum value set: " \
           "[EC2, FARGATE, EXTERNAL" in message
    code, message, findings = json_error("logs", "CreateLogGroup", {"logGroupName": "mysfits like!"})
    assert code == "InvalidParameterException"
    assert findings[0]["constraint"] == "Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+"


def test_json_nested_members_are_named_as_aws_names_them():
    _, message, findings = json_error("ecs", "RegisterTaskDefinition", {
        "family": "like", "containerDefinitions": [{"name": "like", "image": "i"}],
        "tags": [{"key": "k" * 129, "value": "v"}]})
    assert [f["member"] for f in findings] == ["tags.1.member.key"]
    assert "Member must have length less than or equal to 128" in message


def test_json_services_answer_their_own_codes():
    assert json_error("application-autoscaling", "DescribeScalableTargets",
                      {"ServiceNamespace": "nowhere"})[0] == "ValidationException"
    assert json_error("codebuild", "CreateProject", {
        "name": "-like", "source": {"type": "NO_SOURCE"}, "artifacts": {"type": "NO_ARTIFACTS"},
        "environment": {"type": "LINUX_CONTAINER", "image": "i", "computeType": "BUILD_GENERAL1_SMALL"},
        "serviceRole": "arn:aws:iam::123456789012:role/r"})[0] == "InvalidInputException"
    assert json_error("resourcegroupstaggingapi", "GetResources",
                      {"TagFilters": [{"Key": ""}]})[0] == "InvalidParameterException"


def test_json_wrong_types_are_findings():
    _, message, _ = json_error("ecs", "UpdateService", {"service": "like", "desiredCount": "two"})
    assert "Value 'two' at 'desiredCount' failed to satisfy constraint: Member must be of type integer" in message


# ---------------------------------------------------------------------------------------------- query protocol

def xml_error(service, operation, params):
    content_type, answer, findings = refused(service, operation, params)
    assert content_type == "text/xml"
    return answer, findings


def test_query_required_length_range_enum_and_pattern():
    answer, _ = xml_error("iam", "CreateRole", {"RoleName": "mysfits like", "AssumeRolePolicyDocument": "{}"})
    assert "<Type>Sender</Type><Code>ValidationError</Code>" in answer
    assert ("1 validation error detected: Value 'mysfits like' at 'roleName' failed to satisfy constraint: "
            "Member must satisfy regular expression pattern: [\\w+=,.@-]+") in answer
    answer, _ = xml_error("iam", "CreateRole", {"RoleName": "r" * 65, "AssumeRolePolicyDocument": "{}"})
    assert "Member must have length less than or equal to 64" in answer
    answer, findings = xml_error("elbv2", "DescribeTargetGroups", {"PageSize": 401})
    assert "Value '401' at 'pageSize' failed to satisfy constraint: Member must have value less than or equal " \
           "to 400" in answer
    answer, findings = xml_error("elbv2", "CreateListener", {
        "LoadBalancerArn": "arn", "Protocol": "FTP", "DefaultActions": [{"Type": "forward"}]})
    assert [f["member"] for f in findings] == ["protocol"]
    answer, findings = xml_error("autoscaling", "CreateAutoScalingGroup", {"AutoScalingGroupName": "g"})
    assert {"minSize", "maxSize"} <= {f["member"] for f in findings}
    assert "Value null at 'minSize' failed to satisfy constraint: Member must not be null" in answer


def test_query_lists_and_their_members_are_read_back():
    answer, findings = xml_error("elbv2", "AddTags", {
        "ResourceArns": ["arn:a"], "Tags": [{"Key": "workshop", "Value": "x"}, {"Key": "k" * 129}]})
    assert [f["member"] for f in findings] == ["tags.2.member.key"]
    answer, findings = xml_error("elbv2", "ModifyLoadBalancerAttributes", {
        "LoadBalancerArn": "arn", "Attributes": [{"Key": "k%d" % i, "Value": "v"} for i in range(21)]})
    assert [f["member"] for f in findings] == ["attributes"]
    assert "Member must have length less than or equal to 20" in answer
    # An empty list goes as "Tags=": AWS counts it, and ELBv2 wants at least one tag when Tags is given.
    environ, body = environ_for("elbv2", "AddTags", {"ResourceArns": ["arn:a"], "Tags": []})
    assert b"Tags=&" in body or body.endswith(b"Tags=")
    answer, findings = xml_error("elbv2", "AddTags", {"ResourceArns": ["arn:a"], "Tags": []})
    assert "Value '[]' at 'tags' failed to satisfy constraint: Member must have length greater than or equal " \
           "to 1" in answer


def test_elbv2_names_follow_the_documented_rules_with_aws_text():
    answer, findings = xml_error("elbv2", "CreateTargetGroup", {"Name": "mysfits-like-service-target-group1"})
    assert ("<Code>ValidationError</Code><Message>Target group name 'mysfits-like-service-target-group1' cannot be "
            "longer than '32' characters</Message>") in answer
    assert findings[0]["member"] == "name"
    for name in ("-like", "like-", "like_tg", ""):
        xml_error("elbv2", "CreateTargetGroup", {"Name": name})
    answer, _ = xml_error("elbv2", "CreateLoadBalancer", {"Name": "internal-mysfits"})
    assert "cannot begin with 'internal-'" in answer
    assert call("elbv2", "CreateTargetGroup", {"Name": "mysfits-like-tg-32-characters-ok"})[2][0] == "200 OK"


def test_ecs_names_follow_the_documented_rules():
    code, message, _ = json_error("ecs", "RegisterTaskDefinition", {
        "family": "mysfits.like", "containerDefinitions": [{"name": "like", "image": "i"}]})
    assert (code, message) == ("ClientException", "Family contains invalid characters.")
    code, message, _ = json_error("ecs", "CreateCluster", {"clusterName": "mysfits cluster"})
    assert code == "InvalidParameterException" and "at 'clusterName'" in message
    assert json_error("ecs", "CreateService", {"serviceName": "s" * 256, "taskDefinition": "t"})[0] \
        == "InvalidParameterException"


# ---------------------------------------------------------------------------------------------- EC2 protocol

def test_ec2_missing_member_and_invalid_values_answer_in_the_ec2_shape():
    answer, findings = xml_error("ec2", "CreateSecurityGroup", {"Description": "tasks"})
    assert "<Response><Errors><Error><Code>MissingParameter</Code>" in answer
    assert "The request must contain the parameter GroupName" in answer
    answer, _ = xml_error("ec2", "CreateSecurityGroup", {"GroupName": "sg-like", "Description": "tasks"})
    assert "<Code>InvalidParameterValue</Code><Message>Value (sg-like) for parameter GroupName is invalid. " \
           "Group names may not be in the format sg-*.</Message>" in answer
    answer, _ = xml_error("ec2", "CreateSecurityGroup", {"GroupName": "g" * 256, "Description": "tasks"})
    assert "Length exceeds maximum of 255" in answer
    answer, findings = xml_error("ec2", "DescribeSecurityGroups", {"MaxResults": 1})
    assert "<Code>InvalidParameterValue</Code>" in answer and findings[0]["member"] == "MaxResults"
    # EC2 judges instance types itself (InvalidInstanceType, in its own words): the model's enum is not applied.
    moto, _, (status, _), _, findings = call("ec2", "DescribeInstanceTypes", {"InstanceTypes": ["t3.nope"]})
    assert status.startswith("200") and moto.bodies and findings == []


def test_ec2_filters_and_nested_lists_round_trip():
    params = {"Filters": [{"Name": "group-name", "Values": ["mysfits-tasks", "mysfits-alb"]},
                          {"Name": "vpc-id", "Values": ["vpc-1"]}], "GroupIds": ["sg-1", "sg-2"], "MaxResults": 5}
    environ, body = environ_for("ec2", "DescribeSecurityGroups", params)
    assert b"Filter.1.Value.2=mysfits-alb" in body
    decoded = decode(environ, "ec2", body)
    assert decoded.params == params and decoded.service == "ec2" and decoded.protocol == "ec2"


def test_query_round_trip_of_nested_structures_lists_and_booleans():
    params = {"Name": "like", "Protocol": "HTTP", "Port": 8080, "VpcId": "vpc-1", "HealthCheckEnabled": True,
              "HealthCheckPath": "/", "Matcher": {"HttpCode": "200-299"}, "TargetType": "ip",
              "Tags": [{"Key": "mysfits:workshop", "Value": "w"}, {"Key": "k2", "Value": "v2"}]}
    environ, body = environ_for("elbv2", "CreateTargetGroup", params)
    assert decode(environ, "elasticloadbalancing", body).params == params


# ---------------------------------------------------------------------------------------------- no false positives

ROLE = "arn:aws:iam::123456789012:role/mysfits-ecs-task"
TG = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/mysfits-like/0123456789abcdef"
LB = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/mysfits/0123456789abcdef"
LISTENER = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/mysfits/0123456789abcdef/0123456789ab"
RULE = LISTENER.replace("listener/", "listener-rule/") + "/0123456789ab"
TAGS_ECS = [{"key": "mysfits:workshop", "value": "mysfits"}]
TAGS_UPPER = [{"Key": "mysfits:workshop", "Value": "mysfits"}]
CONTAINER = {"name": "like", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/mysfits/like:1a2b3c",
             "essential": True, "portMappings": [{"containerPort": 8080, "protocol": "tcp"}],
             "environment": [{"name": "UPSTREAM_URL", "value": "http://monolith"}],
             "logConfiguration": {"logDriver": "awslogs", "options": {
                 "awslogs-group": "mysfits/like", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "like"}}}
NETWORK = {"awsvpcConfiguration": {"subnets": ["subnet-1", "subnet-2"], "securityGroups": ["sg-1"],
                                   "assignPublicIp": "ENABLED"}}

# One realistic call for each operation the adapters in src/main/java/dev/mysfits/aws make.
VALID = [
    ("ecs", "CreateCluster", {"clusterName": "mysfits-cluster", "tags": TAGS_ECS,
                              "settings": [{"name": "containerInsights", "value": "disabled"}]}),
    ("ecs", "DescribeClusters", {"clusters": ["mysfits-cluster"], "include": ["TAGS"]}),
    ("ecs", "DeleteCluster", {"cluster": "mysfits-cluster"}),
    ("ecs", "RegisterTaskDefinition", {"family": "mysfits-like", "taskRoleArn": ROLE, "executionRoleArn": ROLE,
                                       "networkMode": "awsvpc", "containerDefinitions": [CONTAINER],
                                       "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
                                       "tags": TAGS_ECS}),
    ("ecs", "DescribeTaskDefinition", {"taskDefinition": "mysfits-like:3", "include": ["TAGS"]}),
    ("ecs", "DeregisterTaskDefinition", {"taskDefinition": "mysfits-like:3"}),
    ("ecs", "ListTaskDefinitions", {"familyPrefix": "mysfits-like", "status": "ACTIVE", "sort": "DESC",
                                    "maxResults": 100}),
    ("ecs", "CreateService", {"cluster": "mysfits-cluster", "serviceName": "mysfits-like",
                              "taskDefinition": "mysfits-like:3", "desiredCount": 1, "launchType": "FARGATE",
                              "networkConfiguration": NETWORK, "healthCheckGracePeriodSeconds": 60,
                              "loadBalancers": [{"targetGroupArn": TG, "containerName": "like",
                                                 "containerPort": 8080}],
                              "deploymentConfiguration": {"maximumPercent": 200, "minimumHealthyPercent": 100,
                                                          "deploymentCircuitBreaker": {"enable": True,
                                                                                       "rollback": True}},
                              "tags": TAGS_ECS, "propagateTags": "SERVICE", "enableECSManagedTags": True}),
    ("ecs", "UpdateService", {"cluster": "mysfits-cluster", "service": "mysfits-like", "desiredCount": 2,
                              "taskDefinition": "mysfits-like:4", "forceNewDeployment": False}),
    ("ecs", "DescribeServices", {"cluster": "mysfits-cluster", "services": ["mysfits-like"], "include": ["TAGS"]}),
    ("ecs", "DeleteService", {"cluster": "mysfits-cluster", "service": "mysfits-like", "force": True}),
    ("ecs", "ListServices", {"cluster": "mysfits-cluster", "maxResults": 100}),
    ("ecs", "RunTask", {"cluster": "mysfits-cluster", "taskDefinition": "mysfits-like:3", "count": 1,
                        "launchType": "FARGATE", "networkConfiguration": NETWORK, "startedBy": "mysfits",
                        "overrides": {"containerOverrides": [{"name": "like", "command": ["echo", "hi"]}]},
                        "tags": TAGS_ECS}),
    ("ecs", "StopTask", {"cluster": "mysfits-cluster", "task": "arn:aws:ecs:us-east-1:1:task/c/0123",
                         "reason": "mysfits cleanup"}),
    ("ecs", "ListTasks", {"cluster": "mysfits-cluster", "serviceName": "mysfits-like", "desiredStatus": "RUNNING"}),
    ("ecs", "DescribeTasks", {"cluster": "mysfits-cluster", "tasks": ["0123"], "include": ["TAGS"]}),
    ("ecs", "ListContainerInstances", {"cluster": "mysfits-cluster", "status": "ACTIVE"}),
    ("ecs", "DescribeContainerInstances", {"cluster": "mysfits-cluster", "containerInstances": ["ci-1"]}),
    ("ecs", "ListTagsForResource", {"resourceArn": "arn:aws:ecs:us-east-1:1:cluster/mysfits-cluster"}),
    ("ecs", "TagResource", {"resourceArn": "arn:aws:ecs:us-east-1:1:cluster/mysfits-cluster", "tags": TAGS_ECS}),
    ("ecr", "CreateRepository", {"repositoryName": "mysfits/like", "tags": TAGS_UPPER,
                                 "imageScanningConfiguration": {"scanOnPush": False},
                                 "imageTagMutability": "MUTABLE"}),
    ("ecr", "DescribeRepositories", {"repositoryNames": ["mysfits/like"]}),
    ("ecr", "DescribeImages", {"repositoryName": "mysfits/like", "imageIds": [{"imageTag": "1a2b3c"}]}),
    ("ecr", "PutImage", {"repositoryName": "mysfits/like", "imageManifest": "{\"schemaVersion\": 2}",
                         "imageTag": "1a2b3c", "imageManifestMediaType":
                             "application/vnd.docker.distribution.manifest.v2+json"}),
    ("ecr", "DeleteRepository", {"repositoryName": "mysfits/like", "force": True}),
    ("ecr", "GetAuthorizationToken", {}),
    ("ecr", "ListTagsForResource", {"resourceArn": "arn:aws:ecr:us-east-1:1:repository/mysfits/like"}),
    ("logs", "CreateLogGroup", {"logGroupName": "mysfits/like", "tags": {"mysfits:workshop": "mysfits"}}),
    ("logs", "PutRetentionPolicy", {"logGroupName": "mysfits/like", "retentionInDays": 7}),
    ("logs", "DescribeLogGroups", {"logGroupNamePrefix": "mysfits/", "limit": 50}),
    ("logs", "DeleteLogGroup", {"logGroupName": "mysfits/like"}),
    ("logs", "FilterLogEvents", {"logGroupName": "mysfits/like", "logStreamNamePrefix": "like/like/",
                                 "startTime": 1764000000000, "interleaved": True, "limit": 1000}),
    ("logs", "ListTagsForResource", {"resourceArn": "arn:aws:logs:us-east-1:1:log-group:mysfits/like"}),
    ("application-autoscaling", "RegisterScalableTarget", {
        "ServiceNamespace": "ecs", "ResourceId": "service/mysfits-cluster/mysfits-like",
        "ScalableDimension": "ecs:service:DesiredCount", "MinCapacity": 1, "MaxCapacity": 4}),
    ("application-autoscaling", "PutScalingPolicy", {
        "PolicyName": "mysfits-like-cpu", "ServiceNamespace": "ecs",
        "ResourceId": "service/mysfits-cluster/mysfits-like", "ScalableDimension": "ecs:service:DesiredCount",
        "PolicyType": "TargetTrackingScaling", "TargetTrackingScalingPolicyConfiguration": {
            "TargetValue": 50.0, "PredefinedMetricSpecification": {
                "PredefinedMetricType": "ECSServiceAverageCPUUtilization"},
            "ScaleOutCooldown": 60, "ScaleInCooldown": 60}}),
    ("application-autoscaling", "DescribeScalableTargets", {"ServiceNamespace": "ecs",
                                                            "ResourceIds": ["service/c/s"]}),
    ("application-autoscaling", "DescribeScalingPolicies", {"ServiceNamespace": "ecs", "ResourceId": "service/c/s"}),
    ("application-autoscaling", "DeleteScalingPolicy", {
        "PolicyName": "p", "ServiceNamespace": "ecs", "ResourceId": "service/c/s",
        "ScalableDimension": "ecs:service:DesiredCount"}),
    ("application-autoscaling", "DeregisterScalableTarget", {
        "ServiceNamespace": "ecs", "ResourceId": "service/c/s", "ScalableDimension": "ecs:service:DesiredCount"}),
    ("codebuild", "CreateProject", {
        "name": "mysfits-like", "source": {"type": "NO_SOURCE", "buildspec": "version: 0.2\n"},
        "artifacts": {"type": "NO_ARTIFACTS"}, "environment": {
            "type": "LINUX_CONTAINER", "image": "aws/codebuild/standard:7.0", "computeType": "BUILD_GENERAL1_SMALL",
            "privilegedMode": True, "environmentVariables": [{"name": "REPO", "value": "r", "type": "PLAINTEXT"}]},
        "serviceRole": ROLE, "tags": [{"key": "mysfits:workshop", "value": "mysfits"}]}),
    ("codebuild", "UpdateProject", {"name": "mysfits-like", "serviceRole": ROLE}),
    ("codebuild", "BatchGetProjects", {"names": ["mysfits-like"]}),
    ("codebuild", "StartBuild", {"projectName": "mysfits-like", "sourceTypeOverride": "NO_SOURCE"}),
    ("codebuild", "BatchGetBuilds", {"ids": ["mysfits-like:0123"]}),
    ("codebuild", "ListProjects", {"sortBy": "NAME"}),
    ("codebuild", "DeleteProject", {"name": "mysfits-like"}),
    ("resourcegroupstaggingapi", "GetResources", {"TagFilters": [{"Key": "mysfits:workshop",
                                                                  "Values": ["mysfits"]}],
                                                  "ResourcesPerPage": 100}),
    ("sts", "GetCallerIdentity", {}),
    ("ssm", "GetParameter", {"Name": "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id"}),
    ("iam", "CreateRole", {"RoleName": "mysfits-ecs-task", "Path": "/",
                           "AssumeRolePolicyDocument": json.dumps({"Version": "2012-10-17", "Statement": [{
                               "Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"},
                               "Action": "sts:AssumeRole"}]}),
                           "Description": "mysfits: tasks", "Tags": TAGS_UPPER}),
    ("iam", "GetRole", {"RoleName": "mysfits-ecs-task"}),
    ("iam", "PutRolePolicy", {"RoleName": "mysfits-ecs-task", "PolicyName": "mysfits-ecr",
                              "PolicyDocument": "{\"Version\": \"2012-10-17\", \"Statement\": []}"}),
    ("iam", "AttachRolePolicy", {"RoleName": "mysfits-ecs-task", "PolicyArn":
                                 "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"}),
    ("iam", "ListAttachedRolePolicies", {"RoleName": "mysfits-ecs-task"}),
    ("iam", "ListRolePolicies", {"RoleName": "mysfits-ecs-task"}),
    ("iam", "ListRoleTags", {"RoleName": "mysfits-ecs-task"}),
    ("iam", "DetachRolePolicy", {"RoleName": "mysfits-ecs-task", "PolicyArn": "arn:aws:iam::aws:policy/p"}),
    ("iam", "DeleteRolePolicy", {"RoleName": "mysfits-ecs-task", "PolicyName": "mysfits-ecr"}),
    ("iam", "DeleteRole", {"RoleName": "mysfits-ecs-task"}),
    ("iam", "CreateInstanceProfile", {"InstanceProfileName": "mysfits-ecs-instance", "Tags": TAGS_UPPER}),
    ("iam", "GetInstanceProfile", {"InstanceProfileName": "mysfits-ecs-instance"}),
    ("iam", "AddRoleToInstanceProfile", {"InstanceProfileName": "mysfits-ecs-instance",
                                         "RoleName": "mysfits-ecs-instance"}),
    ("iam", "RemoveRoleFromInstanceProfile", {"InstanceProfileName": "mysfits-ecs-instance",
                                              "RoleName": "mysfits-ecs-instance"}),
    ("iam", "ListInstanceProfilesForRole", {"RoleName": "mysfits-ecs-instance"}),
    ("iam", "DeleteInstanceProfile", {"InstanceProfileName": "mysfits-ecs-instance"}),
    ("elbv2", "CreateLoadBalancer", {"Name": "mysfits", "Subnets": ["subnet-1", "subnet-2"],
                                     "SecurityGroups": ["sg-1"], "Scheme": "internet-facing",
                                     "Type": "application", "IpAddressType": "ipv4", "Tags": TAGS_UPPER}),
    ("elbv2", "DescribeLoadBalancers", {"Names": ["mysfits"]}),
    ("elbv2", "DeleteLoadBalancer", {"LoadBalancerArn": LB}),
    ("elbv2", "CreateTargetGroup", {"Name": "mysfits-like", "Protocol": "HTTP", "Port": 8080, "VpcId": "vpc-1",
                                    "TargetType": "ip", "HealthCheckPath": "/", "HealthCheckIntervalSeconds": 10,
                                    "HealthCheckTimeoutSeconds": 5, "HealthyThresholdCount": 2,
                                    "UnhealthyThresholdCount": 3, "Matcher": {"HttpCode": "200"},
                                    "Tags": TAGS_UPPER}),
    ("elbv2", "DescribeTargetGroups", {"Names": ["mysfits-like"]}),
    ("elbv2", "ModifyTargetGroup", {"TargetGroupArn": TG, "HealthCheckPath": "/health"}),
    ("elbv2", "ModifyTargetGroupAttributes", {"TargetGroupArn": TG, "Attributes": [
        {"Key": "deregistration_delay.timeout_seconds", "Value": "5"}]}),
    ("elbv2", "DescribeTargetGroupAttributes", {"TargetGroupArn": TG}),
    ("elbv2", "DescribeTargetHealth", {"TargetGroupArn": TG}),
    ("elbv2", "DeleteTargetGroup", {"TargetGroupArn": TG}),
    ("elbv2", "CreateListener", {"LoadBalancerArn": LB, "Protocol": "HTTP", "Port": 80, "DefaultActions": [
        {"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "404", "ContentType": "text/plain",
                                                           "MessageBody": "not found"}}], "Tags": TAGS_UPPER}),
    ("elbv2", "DescribeListeners", {"LoadBalancerArn": LB}),
    ("elbv2", "ModifyListener", {"ListenerArn": LISTENER, "DefaultActions": [
        {"Type": "forward", "TargetGroupArn": TG}]}),
    ("elbv2", "DeleteListener", {"ListenerArn": LISTENER}),
    ("elbv2", "CreateRule", {"ListenerArn": LISTENER, "Priority": 10, "Conditions": [
        {"Field": "path-pattern", "PathPatternConfig": {"Values": ["/mysfits/*/like"]}}],
        "Actions": [{"Type": "forward", "TargetGroupArn": TG}], "Tags": TAGS_UPPER}),
    ("elbv2", "DescribeRules", {"ListenerArn": LISTENER}),
    ("elbv2", "DeleteRule", {"RuleArn": RULE}),
    ("elbv2", "DescribeTags", {"ResourceArns": [LB, TG]}),
    ("ec2", "DescribeVpcs", {"Filters": [{"Name": "is-default", "Values": ["true"]}]}),
    ("ec2", "DescribeSubnets", {"Filters": [{"Name": "vpc-id", "Values": ["vpc-1"]}]}),
    ("ec2", "CreateSecurityGroup", {"GroupName": "mysfits-tasks", "Description": "mysfits: tasks (port 8080)",
                                    "VpcId": "vpc-1", "TagSpecifications": [{"ResourceType": "security-group",
                                                                             "Tags": TAGS_UPPER}]}),
    ("ec2", "DescribeSecurityGroups", {"Filters": [{"Name": "group-name", "Values": ["mysfits-tasks"]},
                                                   {"Name": "vpc-id", "Values": ["vpc-1"]}]}),
    ("ec2", "AuthorizeSecurityGroupIngress", {"GroupId": "sg-1", "IpPermissions": [
        {"IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8080, "UserIdGroupPairs": [{"GroupId": "sg-2"}]}]}),
    ("ec2", "RevokeSecurityGroupIngress", {"GroupId": "sg-1", "IpPermissions": [
        {"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]}),
    ("ec2", "RevokeSecurityGroupEgress", {"GroupId": "sg-1", "IpPermissions": [
        {"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]}),
    ("ec2", "DeleteSecurityGroup", {"GroupId": "sg-1"}),
    ("ec2", "DescribeInstanceTypes", {"InstanceTypes": ["t3.small"]}),
    ("ec2", "CreateLaunchTemplate", {"LaunchTemplateName": "mysfits-ecs", "LaunchTemplateData": {
        "ImageId": "ami-1", "InstanceType": "t3.small", "IamInstanceProfile": {"Name": "mysfits-ecs-instance"},
        "SecurityGroupIds": ["sg-1"], "UserData": "IyEvYmluL2Jhc2g=", "TagSpecifications": [
            {"ResourceType": "instance", "Tags": TAGS_UPPER}]},
        "TagSpecifications": [{"ResourceType": "launch-template", "Tags": TAGS_UPPER}]}),
    ("ec2", "CreateLaunchTemplateVersion", {"LaunchTemplateName": "mysfits-ecs", "SourceVersion": "1",
                                            "LaunchTemplateData": {"InstanceType": "t3.medium"}}),
    ("ec2", "ModifyLaunchTemplate", {"LaunchTemplateName": "mysfits-ecs", "DefaultVersion": "2"}),
    ("ec2", "DescribeLaunchTemplates", {"LaunchTemplateNames": ["mysfits-ecs"]}),
    ("ec2", "DescribeLaunchTemplateVersions", {"LaunchTemplateName": "mysfits-ecs", "Versions": ["$Latest"]}),
    ("ec2", "DeleteLaunchTemplate", {"LaunchTemplateName": "mysfits-ecs"}),
    ("autoscaling", "CreateAutoScalingGroup", {
        "AutoScalingGroupName": "mysfits-ecs", "MinSize": 0, "MaxSize": 2, "DesiredCapacity": 1,
        "LaunchTemplate": {"LaunchTemplateName": "mysfits-ecs", "Version": "$Latest"},
        "VPCZoneIdentifier": "subnet-1,subnet-2", "Tags": [{"Key": "mysfits:workshop", "Value": "mysfits",
                                                            "PropagateAtLaunch": True}]}),
    ("autoscaling", "DescribeAutoScalingGroups", {"AutoScalingGroupNames": ["mysfits-ecs"]}),
    ("autoscaling", "UpdateAutoScalingGroup", {"AutoScalingGroupName": "mysfits-ecs", "MinSize": 0, "MaxSize": 0,
                                               "DesiredCapacity": 0}),
    ("autoscaling", "DeleteAutoScalingGroup", {"AutoScalingGroupName": "mysfits-ecs", "ForceDelete": True}),
    ("ecs", "CreateCapacityProvider", {"name": "mysfits-ecs", "autoScalingGroupProvider": {
        "autoScalingGroupArn": "arn:aws:autoscaling:us-east-1:1:autoScalingGroup:1:autoScalingGroupName/mysfits-ecs",
        "managedScaling": {"status": "ENABLED", "targetCapacity": 100}, "managedTerminationProtection": "DISABLED"},
        "tags": TAGS_ECS}),
    ("ecs", "PutClusterCapacityProviders", {"cluster": "mysfits-cluster", "capacityProviders": ["mysfits-ecs"],
                                            "defaultCapacityProviderStrategy": [
                                                {"capacityProvider": "mysfits-ecs", "weight": 1}]}),
]


@pytest.mark.parametrize("service,operation,params", VALID, ids=["%s.%s" % (s, o) for s, o, _ in VALID])
def test_valid_requests_reach_moto_unchanged(service, operation, params):
    moto, body, (status, _), _, findings = call(service, operation, params)
    assert findings == [] and status == "200 OK"
    assert moto.bodies == [body]
    model = SESSION.get_service_model(service)
    if model.metadata["protocol"] != "json":
        environ, body = environ_for(service, operation, params)
        signing = model.metadata.get("signingName") or model.metadata["endpointPrefix"]
        assert decode(environ, signing, body).params == params


# ---------------------------------------------------------------------------------------------- the models

def test_every_pattern_of_the_services_compiles_or_is_knowingly_skipped():
    checked, skipped = 0, []
    for names in SIGNING_NAMES.values():
        for name in names:
            model = SESSION.get_service_model(name)
            for shape_name in model.shape_names:
                pattern = model.shape_for(shape_name).metadata.get("pattern")
                if not pattern:
                    continue
                checked += 1
                compiled, why = compile_pattern(pattern)
                if compiled is None:
                    assert skip_reason(pattern), "%s %s: pattern %r: %s" % (name, shape_name, pattern, why)
                    skipped.append(pattern)
    assert checked > 300


def test_java_surrogate_pairs_match_characters_beyond_the_bmp():
    compiled, _ = compile_pattern("[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\r\\n\\t]*")
    assert compiled.fullmatch("{\"Statement\": \"\U0001F600\"}") and not compiled.fullmatch("\x00")


def test_the_models_hold_the_other_documented_names():
    def meta(service, operation, member):
        return SESSION.get_service_model(service).operation_model(operation).input_shape.members[member].metadata
    assert meta("ecr", "CreateRepository", "repositoryName")["max"] == 256
    assert meta("iam", "CreateRole", "RoleName") == {"min": 1, "max": 64, "pattern": "[\\w+=,.@-]+"}
    assert meta("logs", "CreateLogGroup", "logGroupName") == {"min": 1, "max": 512,
                                                              "pattern": "[\\.\\-_/#A-Za-z0-9]+"}
    assert meta("codebuild", "CreateProject", "name")["pattern"].startswith("[A-Za-z0-9][A-Za-z0-9\\-_]")
    # Documented as "(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*": the model's says the same.
    for name in ("mysfits/like", "a.b_c-d/e__f"):
        assert call("ecr", "CreateRepository", {"repositoryName": name})[2][0] == "200 OK"
    for name in ("Mysfits", "mysfits/", "-mysfits", "my//like"):
        assert json_error("ecr", "CreateRepository", {"repositoryName": name})[0] == "InvalidParameterException"


# ---------------------------------------------------------------------------------------------- the switch

def test_realism_off_lets_everything_through_and_records_nothing():
    moto, _, (status, _), _, findings = call("ecr", "CreateRepository", {"repositoryName": "M"},
                                             realism=Realism(off=["request-validation"]))
    assert status == "200 OK" and moto.bodies and findings == []


def test_unknown_services_and_operations_pass(caplog):
    caplog.set_level(logging.DEBUG, "mysfits_sandbox.validation")
    moto = Moto()
    middleware = ValidationMiddleware(moto, Realism())
    environ = {"REQUEST_METHOD": "POST", "PATH_INFO": "/", "CONTENT_LENGTH": "2", "wsgi.input": io.BytesIO(b"{}"),
               "HTTP_AUTHORIZATION": AUTH % "ecs", "HTTP_X_AMZ_TARGET": "AmazonEC2ContainerServiceV20141113.Teleport"}
    middleware(environ, lambda *a: None)
    environ = {"REQUEST_METHOD": "PUT", "PATH_INFO": "/bucket", "CONTENT_LENGTH": "1", "wsgi.input": io.BytesIO(b"x"),
               "HTTP_AUTHORIZATION": AUTH % "s3"}
    middleware(environ, lambda *a: None)
    assert moto.bodies == [b"{}", b"x"]
    assert "unknown operation 'Teleport'" in caplog.text


def test_findings_are_logged_and_listed_then_cleared(caplog):
    findings = Findings()
    middleware = ValidationMiddleware(Moto(), Realism(), findings)
    environ, _ = environ_for("elbv2", "CreateTargetGroup", {"Name": "x" * 33})
    with caplog.at_level(logging.WARNING, "mysfits_sandbox.validation"):
        middleware(environ, lambda *a: None)
    assert "elbv2 CreateTargetGroup name: Member must have length less than or equal to 32" in caplog.text

    def control(method):
        out = []
        body = middleware({"PATH_INFO": validation.PATH, "REQUEST_METHOD": method}, lambda s, h: out.append(s))
        return out[0], json.loads(b"".join(body))
    status, listed = control("GET")
    assert status == "200 OK" and [f["member"] for f in listed] == ["name"]
    assert control("DELETE")[1] == [] and control("GET")[1] == []


# ---------------------------------------------------------------------------------------------- through boto3

@pytest.fixture
def moto_with_validation():
    """moto's own server app behind the middleware, on a free port, as main() wires it."""
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
    app = ValidationMiddleware(DomainDispatcherApplication(create_backend_app), Realism())
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield "http://127.0.0.1:%d" % server.server_port
    server.shutdown()


def client(url, service):
    return boto3.client(service, endpoint_url=url, region_name="us-east-1", aws_access_key_id="k",
                        aws_secret_access_key="s", config=Config(retries={"max_attempts": 1}))


def test_boto3_sees_aws_errors_per_protocol_and_valid_calls_work(moto_with_validation):
    url = moto_with_validation
    elbv2, ecs, ec2 = client(url, "elbv2"), client(url, "ecs"), client(url, "ec2")
    with pytest.raises(botocore.exceptions.ClientError) as e:
        elbv2.create_target_group(Name="mysfits-like-service-target-group1", Protocol="HTTP", Port=80,
                                  VpcId="vpc-1", TargetType="ip")
    assert e.value.response["Error"]["Code"] == "ValidationError"
    assert e.value.response["Error"]["Message"] == \
        "Target group name 'mysfits-like-service-target-group1' cannot be longer than '32' characters"
    with pytest.raises(botocore.exceptions.ClientError) as e:
        ecs.register_task_definition(family="mysfits.like", containerDefinitions=[{"name": "c", "image": "i"}])
    assert e.value.response["Error"]["Code"] == "ClientException"
    with pytest.raises(botocore.exceptions.ClientError) as e:
        ec2.create_security_group(GroupName="sg-mysfits", Description="tasks")
    assert e.value.response["Error"]["Code"] == "InvalidParameterValue"
    assert ecs.create_cluster(clusterName="mysfits-cluster")["cluster"]["clusterName"] == "mysfits-cluster"
    vpc = ec2.describe_vpcs()["Vpcs"][0]["VpcId"]
    assert ec2.create_security_group(GroupName="mysfits-tasks", Description="tasks", VpcId=vpc)["GroupId"]
    listed = json.load(urllib.request.urlopen(url + validation.PATH, timeout=5))
    assert [(f["service"], f["member"]) for f in listed] == [("elbv2", "name"), ("ecs", "family"),
                                                              ("ec2", "GroupName")]
