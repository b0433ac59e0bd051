package dev.mysfits.cli;

import dev.mysfits.config.ServiceConfig;
import dev.mysfits.config.TaskRoleConfig;
import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.console.SetupRenderer;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.workflow.setup.CapacityRequest;
import dev.mysfits.workflow.setup.SetupRequest;
import dev.mysfits.workflow.setup.SetupResult;
import dev.mysfits.workflow.setup.StackAdoption;
import dev.mysfits.workflow.setup.StackOutputs;
import dev.mysfits.config.WorkshopConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

@Command(name = "setup",
        description = {
                "Make what the labs' CloudFormation made: load balancer, cluster, log groups, roles.",
                "Security groups for the load balancer and the tasks, an "
                        + "internet-facing ALB with an HTTP listener on :80 or --listener-port (a fixed 404 until a service "
                        + "claims a path), the ECS "
                        + "cluster, a log group per service, the task execution role and the task role. Everything is tagged "
                        + "mysfits:workshop=<workshop> and recorded in .mysfits/ledger.json. Running it again changes nothing.",
                "",
                "From mysfits.json: a service with \"taskRole\" gets its own task role <workshop>-task-<service>, trusted "
                        + "by ECS tasks only, with the managed policies and the inline policy file it names (the others share "
                        + "the task role). Each table of \"tables\" is made on demand as <workshop>-<name>, waited for until "
                        + "ACTIVE, and its items file loaded: only the items whose key the table lacks, so a second run "
                        + "neither duplicates them nor undoes what the app changed. Templates name it as ${TABLE_<NAME>}.",
                "",
                "Network: the region's default VPC and its default subnets, unless --vpc-id/--subnets or "
                        + "--stack-outputs say otherwise. A stack outputs file is the labs' cfn-output.json: a JSON object of "
                        + "outputs, or CloudFormation's [{\"OutputKey\":..,\"OutputValue\":..}] list; the VPC is the output whose "
                        + "key contains \"VPC\"/\"Vpc\", the subnets the outputs whose keys contain \"PublicSubnet\", and "
                        + "the private subnets (deploy --private) those whose keys contain \"PrivateSubnet\". It may "
                        + "also name the stack's own resources, which setup checks (exit 3 when one does not exist, before "
                        + "anything is made), reuses instead of making its own, and cleanup leaves: a DynamoDB table (a key "
                        + "containing \"Table\"; with one table in \"tables\" and one in the outputs it is that one, else the "
                        + "one whose key or name contains the table's name; no items are loaded into it without --load-items), "
                        + "ECR repositories "
                        + "(a repository URI goes to the service whose \"repository\" it names), and a load balancer (ARN or "
                        + "DNS name) with its listener (ARN, else its listener on --listener-port): deploy routes on that "
                        + "listener, and cleanup takes back only the rules and target groups mysfits put there, setting the "
                        + "listener's default action back to a fixed 404. Other outputs are ignored.",
                "",
                "EC2 launch type: --ec2 also makes the container instances the labs' stack made: an instance role and "
                        + "profile (AmazonEC2ContainerServiceforEC2Role), a security group opening the dynamic host ports to "
                        + "the load balancer only, a launch template with the region's ECS-optimized AMI (its public SSM "
                        + "parameter) and user data setting ECS_CLUSTER, and an Auto Scaling group across the subnets; then "
                        + "waits until the instances have joined the cluster. Run it again with another --instances to resize."},
        mixinStandardHelpOptions = true)
public final class SetupCommand extends BaseCommand {
    private static final Pattern VPC_ID = Pattern.compile("vpc-[0-9a-zA-Z]+");
    private static final Pattern SUBNET_ID = Pattern.compile("subnet-[0-9a-zA-Z]+");

    @Option(names = "--vpc-id", paramLabel = "VPC", description = "The VPC for the load balancer and tasks (default: the default VPC).")
    String vpcId;

    @Option(names = "--subnets", split = ",", paramLabel = "SUBNET",
            description = "Public subnets, comma-separated, in at least two availability zones (default: the VPC's default subnets, one per zone).")
    List<String> subnets = List.of();

    @Option(names = "--private-subnets", split = ",", paramLabel = "SUBNET",
            description = "Private subnets of the workshop's VPC, comma-separated, for Fargate tasks without a public IP "
                    + "(deploy --private). Remembered (a tag on the tasks' security group) until given again. "
                    + "Default: the stack outputs' PrivateSubnet*, else what an earlier setup remembered.")
    List<String> privateSubnets = List.of();

    @Option(names = "--stack-outputs", paramLabel = "FILE",
            description = "Take the VPC and public subnets, and reuse the stack's table, repositories, load balancer and "
                    + "listener, from a CloudFormation outputs file (e.g. cfn-output.json).")
    Path stackOutputs;

    @Option(names = "--listener-port", paramLabel = "PORT",
            description = "The port of the load balancer's HTTP listener (default: the one setup made before, else 80; "
                    + "Interstella's lab uses 5000). Deploy routes on it and the URLs carry it. To change it, run cleanup first.")
    Integer listenerPort;

    @Option(names = "--load-items",
            description = "Also load the items files of \"tables\" into the tables the stack outputs name (only the items "
                    + "whose key the table lacks); without it setup leaves the stack's data as it is.")
    boolean loadItems;

    @Mixin
    DryRunOption dryRun = new DryRunOption();

    @Option(names = "--ec2", description = "Also make EC2 container instances for the EC2 launch type (deploy --ec2, task run).")
    boolean ec2;

    @Option(names = "--instances", paramLabel = "N",
            description = "With --ec2: how many container instances (default: " + CapacityRequest.DEFAULT_INSTANCES + ", 0 to "
                    + CapacityRequest.MAX_INSTANCES + ").")
    Integer instances;

    @Option(names = "--instance-type", paramLabel = "TYPE",
            description = "With --ec2: the EC2 instance type (default: " + CapacityRequest.DEFAULT_INSTANCE_TYPE + ").")
    String instanceType;

    @Override
    protected void execute() {
        validateOptions();
        WorkshopConfig workshop = context().workshop();
        Map<String, Integer> ports = new LinkedHashMap<>();
        Map<String, TaskRoleConfig> taskRoles = new LinkedHashMap<>();
        for (ServiceConfig service : workshop.servicesInOrder()) {
            ports.put(service.name(), service.containerPort());
            if (service.taskRole() != null) {
                taskRoles.put(service.name(), service.taskRole());
            }
        }
        Path outputs = stackOutputs == null ? null : context().environment().workingDirectory().resolve(stackOutputs);
        StackAdoption adoption = outputs == null ? new StackAdoption(Map.of(), Map.of(), null, null)
                : StackAdoption.of(StackOutputs.readResources(outputs), workshop, outputs.toString());
        if (!adoption.tables().isEmpty()) {
            // The stack's tables replace those setup would make, in templates and policies too: load mysfits.json again.
            Map<String, String> tables = new LinkedHashMap<>(context().ledger().adoptedTables());
            tables.putAll(adoption.tables());
            workshop = new WorkshopConfigLoader().load(workshop.file(), tables);
            taskRoles.clear();
            for (ServiceConfig service : workshop.servicesInOrder()) {
                if (service.taskRole() != null) {
                    taskRoles.put(service.name(), service.taskRole());
                }
            }
        }
        if (loadItems && workshop.tablesInOrder().stream().noneMatch(t -> t.adopted() != null)) {
            throw MysfitsException.usage("--load-items loads into the stack's tables, and no table of "
                            + workshop.file().getFileName() + " is the stack's",
                    "leave --load-items out (setup loads the items of its own tables anyway), or pass --stack-outputs "
                            + "with the stack's table");
        }
        if (!dryRun.on()) {
            context().lockWorkshop("setup");
        }
        SetupResult result = context().workflows().setup().execute(new SetupRequest(new ResourceNames(workshop.name()), ports,
                vpcId, subnets, outputs, dryRun.on(), capacity(), taskRoles, workshop.tablesInOrder(), privateSubnets,
                listenerPort, adoption.repositories(), adoption.loadBalancer(), adoption.listenerArn(), loadItems));
        new SetupRenderer(console()).render(result, workshop.name(), workshop.servicesInOrder().get(0).name(), ec2);
    }

    private CapacityRequest capacity() {
        if (!ec2) {
            return null;
        }
        return new CapacityRequest(instances == null ? CapacityRequest.DEFAULT_INSTANCES : instances,
                instanceType == null ? CapacityRequest.DEFAULT_INSTANCE_TYPE : instanceType, CapacityRequest.AMI_PARAMETER);
    }

    private void validateOptions() {
        if (listenerPort != null && (listenerPort < 1 || listenerPort > 65535)) {
            throw MysfitsException.usage("--listener-port must be from 1 to 65535, got " + listenerPort,
                    "pass --listener-port 5000, or leave it out for 80");
        }
        if (!ec2 && (instances != null || instanceType != null)) {
            throw MysfitsException.usage("--instances and --instance-type go with --ec2", "pass --ec2 --instances N");
        }
        if (instances != null && (instances < 0 || instances > CapacityRequest.MAX_INSTANCES)) {
            throw MysfitsException.usage("--instances must be from 0 to " + CapacityRequest.MAX_INSTANCES + ", got " + instances,
                    "pass --instances 2");
        }
        if (instanceType != null && !instanceType.matches("[a-z][a-z0-9-]*\\.[a-z0-9]+")) {
            throw MysfitsException.usage("'" + instanceType + "' is not an instance type", "pass one like --instance-type t3.small");
        }
        if (stackOutputs != null && (vpcId != null || !subnets.isEmpty())) {
            throw MysfitsException.usage("--stack-outputs cannot be combined with --vpc-id or --subnets",
                    "use either the stack outputs file or the ids");
        }
        if (vpcId != null && !VPC_ID.matcher(vpcId).matches()) {
            throw MysfitsException.usage("'" + vpcId + "' is not a VPC id", "pass an id like vpc-0abc123 (aws ec2 describe-vpcs)");
        }
        for (String subnet : subnets) {
            if (!SUBNET_ID.matcher(subnet).matches()) {
                throw MysfitsException.usage("'" + subnet + "' is not a subnet id",
                        "pass ids like subnet-0abc123, comma-separated (aws ec2 describe-subnets)");
            }
        }
        for (String subnet : privateSubnets) {
            if (!SUBNET_ID.matcher(subnet).matches()) {
                throw MysfitsException.usage("--private-subnets: '" + subnet + "' is not a subnet id",
                        "pass ids like subnet-0abc123, comma-separated (aws ec2 describe-subnets)");
            }
        }
        if (subnets.size() == 1) {
            throw MysfitsException.usage("--subnets names one subnet: a load balancer needs two, in two availability zones",
                    "pass --subnets a,b");
        }
    }
}
