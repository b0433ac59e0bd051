"""The sandbox's data plane: moto answers the AWS control plane, this package makes what it describes real.

ECS tasks become containers on the local Docker engine, load balancers answer HTTP and route by their listener
rules, target groups run real health checks, awslogs containers write to moto's CloudWatch Logs, EC2 instances
that set ECS_CLUSTER join their cluster, and a fault switch makes API calls fail on purpose. It runs inside
moto's own process and hooks into moto's backends; moto's files are not changed.
"""
