package dev.mysfits.fakes;

import dev.mysfits.workflow.setup.CapacityRequest;

import dev.mysfits.workflow.infrastructure.SetupAdapters;

import dev.mysfits.aws.capacity.Capacity;
import dev.mysfits.aws.ecs.Clusters;
import dev.mysfits.aws.ecs.ContainerInstances;
import dev.mysfits.aws.elbv2.LoadBalancers;
import dev.mysfits.aws.logs.LogGroups;
import dev.mysfits.aws.ec2.Network;
import dev.mysfits.aws.iam.Roles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory AWS for setup's logic: one default VPC with a subnet in each of three zones, and a list of every
 * mutating call, so tests can say "nothing was changed" precisely.
 */
public final class FakeAws {
    public static final String DEFAULT_VPC = "vpc-default";
    public final List<String> mutations = new ArrayList<>();
    public final Map<String, Network.Vpc> vpcs = new LinkedHashMap<>();
    public final List<Network.Subnet> subnets = new ArrayList<>();
    /** Where each subnet's default route goes; a subnet not listed routes to an internet gateway, as a default one does. */
    public final Map<String, Network.DefaultRoute> defaultRoutes = new HashMap<>();
    /** Interface endpoints by VPC, by short service name ("ecr.api"). */
    public final Map<String, java.util.Set<String>> endpoints = new HashMap<>();
    /** Gateway endpoints ("s3") on each subnet's route table, by subnet id. */
    public final Map<String, java.util.Set<String>> gatewayEndpoints = new HashMap<>();
    /** EC2 tags by resource id (a security group's, a subnet's). */
    public final Map<String, Map<String, String>> ec2Tags = new HashMap<>();
    public final Map<String, Network.SecurityGroup> groups = new LinkedHashMap<>();
    public final Map<String, LoadBalancers.LoadBalancer> loadBalancers = new LinkedHashMap<>();
    public final Map<String, LoadBalancers.Listener> listeners = new LinkedHashMap<>();
    /** Load balancers are made as AWS makes them, provisioning, when this is set; awaitActive then makes them active. */
    public boolean provisioning;
    /** The load balancers awaitActive waited for, in order. */
    public final List<String> awaited = new ArrayList<>();
    public final Map<String, Clusters.Cluster> clusters = new LinkedHashMap<>();
    public final Map<String, LogGroups.LogGroup> logGroups = new LinkedHashMap<>();
    public final Map<String, Roles.Role> roles = new LinkedHashMap<>();
    public final Map<String, List<String>> rolePolicies = new HashMap<>();
    /** Inline policies by role, then by policy name. */
    public final Map<String, Map<String, String>> inlinePolicies = new HashMap<>();
    /** The role paths create was given, by role name. */
    public final Map<String, String> rolePaths = new HashMap<>();
    public final FakeTables tables = new FakeTables(mutations);
    /** ECR, where setup looks for the repositories a stack made. */
    public final FakeImageRegistry repositories = new FakeImageRegistry();
    public final Map<String, Map<String, String>> tags = new HashMap<>();
    // EC2 capacity: what the region offers, and what was made
    public final Map<String, Capacity.InstanceType> instanceTypes = new LinkedHashMap<>(Map.of(
            "t3.small", new Capacity.InstanceType("t3.small", 2, 2048)));
    public final Map<String, String> parameters = new LinkedHashMap<>(Map.of(CapacityRequest.AMI_PARAMETER, "ami-ecs-2023"));
    public final Map<String, Capacity.InstanceProfile> instanceProfiles = new LinkedHashMap<>();
    public final Map<String, Capacity.LaunchTemplate> launchTemplates = new LinkedHashMap<>();
    public final Map<String, Capacity.Group> groups2 = new LinkedHashMap<>();
    private int counter;

    public FakeAws() {
        vpcs.put(DEFAULT_VPC, new Network.Vpc(DEFAULT_VPC, "172.31.0.0/16", true));
        for (String zone : List.of("a", "b", "c")) {
            subnets.add(new Network.Subnet("subnet-default-" + zone, DEFAULT_VPC, "us-east-1" + zone, true, true));
        }
    }

    public String id(String prefix) {
        return prefix + "-" + (++counter);
    }

    public SetupAdapters adapters() {
        return new SetupAdapters(new FakeNetwork(), new FakeLoadBalancers(), new FakeClusters(), new FakeLogGroups(), new FakeRoles(),
                new FakeCapacity(), tables, repositories);
    }

    public final class FakeNetwork implements Network {
        @Override
        public Map<String, DefaultRoute> defaultRoutes(String vpcId) {
            Map<String, DefaultRoute> routes = new HashMap<>();
            subnetsOf(vpcId).forEach(s -> routes.put(s.id(), defaultRoutes.getOrDefault(s.id(), DefaultRoute.INTERNET_GATEWAY)));
            return routes;
        }

        @Override
        public java.util.Set<String> interfaceEndpoints(String vpcId) {
            return endpoints.getOrDefault(vpcId, java.util.Set.of());
        }

        @Override
        public Map<String, java.util.Set<String>> gatewayEndpoints(String vpcId) {
            Map<String, java.util.Set<String>> bySubnet = new HashMap<>();
            subnetsOf(vpcId).forEach(s -> bySubnet.put(s.id(), gatewayEndpoints.getOrDefault(s.id(), java.util.Set.of())));
            return bySubnet;
        }

        @Override
        public Map<String, String> tags(String resourceId) {
            return Map.copyOf(ec2Tags.getOrDefault(resourceId, Map.of()));
        }

        @Override
        public void tag(String resourceId, Map<String, String> tags) {
            mutations.add("tag " + resourceId + " " + new java.util.TreeMap<>(tags));
            ec2Tags.computeIfAbsent(resourceId, r -> new HashMap<>()).putAll(tags);
        }

        @Override
        public Optional<Vpc> defaultVpc() {
            return vpcs.values().stream().filter(Vpc::isDefault).findFirst();
        }

        @Override
        public Optional<Vpc> vpc(String vpcId) {
            return Optional.ofNullable(vpcs.get(vpcId));
        }

        @Override
        public List<Subnet> subnetsOf(String vpcId) {
            return subnets.stream().filter(s -> s.vpcId().equals(vpcId)).toList();
        }

        @Override
        public List<Subnet> subnets(List<String> subnetIds) {
            return subnets.stream().filter(s -> subnetIds.contains(s.id())).toList();
        }

        @Override
        public Optional<SecurityGroup> findSecurityGroup(String vpcId, String name) {
            return groups.values().stream().filter(g -> g.vpcId().equals(vpcId) && g.name().equals(name)).findFirst();
        }

        @Override
        public String createSecurityGroup(String vpcId, String name, String description, Map<String, String> tagMap) {
            mutations.add("create security group " + name);
            String id = id("sg");
            groups.put(id, new SecurityGroup(id, name, vpcId, List.of()));
            tags.put(id, tagMap);
            return id;
        }

        @Override
        public void authorizeIngress(String groupId, List<IngressRule> rules) {
            if (rules.isEmpty()) {
                return;
            }
            mutations.add("authorize " + groupId + " " + rules);
            SecurityGroup g = groups.get(groupId);
            List<IngressRule> all = new ArrayList<>(g.ingress());
            for (IngressRule rule : rules) {
                if (all.contains(rule)) {
                    throw new IllegalStateException("duplicate rule " + rule);
                }
                all.add(rule);
            }
            groups.put(groupId, new SecurityGroup(g.id(), g.name(), g.vpcId(), List.copyOf(all)));
        }
    }

    public final class FakeLoadBalancers implements LoadBalancers {
        @Override
        public Optional<LoadBalancer> findLoadBalancer(String name) {
            return loadBalancers.values().stream().filter(lb -> lb.name().equals(name)).findFirst();
        }

        @Override
        public LoadBalancer createLoadBalancer(String name, List<String> subnetIds, List<String> securityGroupIds, Map<String, String> tagMap) {
            mutations.add("create load balancer " + name);
            String vpc = subnets.stream().filter(s -> s.id().equals(subnetIds.get(0))).findFirst().orElseThrow().vpcId();
            LoadBalancer lb = new LoadBalancer(id("arn:lb"), name, name + "-1.example", vpc, subnetIds, securityGroupIds,
                    "internet-facing", provisioning ? "provisioning" : "active");
            loadBalancers.put(lb.arn(), lb);
            tags.put(lb.arn(), tagMap);
            return lb;
        }

        @Override
        public LoadBalancer awaitActive(String name) {
            awaited.add(name);
            LoadBalancer lb = findLoadBalancer(name).orElseThrow();
            LoadBalancer active = new LoadBalancer(lb.arn(), lb.name(), lb.dnsName(), lb.vpcId(), lb.subnetIds(),
                    lb.securityGroupIds(), lb.scheme(), "active");
            loadBalancers.put(lb.arn(), active);
            return active;
        }

        @Override
        public Optional<LoadBalancer> findLoadBalancerByArnOrDnsName(String arnOrDnsName) {
            return loadBalancers.values().stream()
                    .filter(lb -> lb.arn().equals(arnOrDnsName) || lb.dnsName().equalsIgnoreCase(arnOrDnsName)).findFirst();
        }

        @Override
        public Optional<Listener> findListenerByArn(String listenerArn) {
            return Optional.ofNullable(listeners.get(listenerArn));
        }

        @Override
        public Optional<Listener> findListener(String loadBalancerArn, int port) {
            return listeners.values().stream().filter(l -> l.loadBalancerArn().equals(loadBalancerArn) && l.port() == port).findFirst();
        }

        @Override
        public Listener createFixedResponseListener(String loadBalancerArn, int port, FixedResponse response, Map<String, String> tagMap) {
            mutations.add("create listener " + port);
            Listener listener = new Listener(id("arn:listener"), loadBalancerArn, port, "HTTP",
                    new DefaultAction("fixed-response", List.of(), response.statusCode(), response.contentType(), response.body()));
            listeners.put(listener.arn(), listener);
            tags.put(listener.arn(), tagMap);
            return listener;
        }
    }

    /** A group's instances join its template's cluster at once, as the data plane makes them do on the sandbox. */
    public final class FakeCapacity implements Capacity {
        @Override
        public Optional<String> parameter(String name) {
            return Optional.ofNullable(parameters.get(name));
        }

        @Override
        public Optional<InstanceType> instanceType(String name) {
            return Optional.ofNullable(instanceTypes.get(name));
        }

        @Override
        public Optional<InstanceProfile> findInstanceProfile(String name) {
            return Optional.ofNullable(instanceProfiles.get(name));
        }

        @Override
        public InstanceProfile createInstanceProfile(String name, Map<String, String> tagMap) {
            mutations.add("create instance profile " + name);
            InstanceProfile profile = new InstanceProfile(name, "arn:iam:instance-profile/" + name, List.of());
            instanceProfiles.put(name, profile);
            return profile;
        }

        @Override
        public void addRoleToInstanceProfile(String profile, String role) {
            mutations.add("add role " + role + " to instance profile " + profile);
            InstanceProfile p = instanceProfiles.get(profile);
            instanceProfiles.put(profile, new InstanceProfile(p.name(), p.arn(), List.of(role)));
        }

        @Override
        public Optional<LaunchTemplate> findLaunchTemplate(String name) {
            return Optional.ofNullable(launchTemplates.get(name));
        }

        @Override
        public LaunchTemplate createLaunchTemplate(LaunchTemplateSpec spec) {
            mutations.add("create launch template " + spec.name());
            return put(spec, 1);
        }

        @Override
        public LaunchTemplate updateLaunchTemplate(LaunchTemplateSpec spec) {
            mutations.add("update launch template " + spec.name());
            return put(spec, launchTemplates.get(spec.name()).defaultVersion() + 1);
        }

        private LaunchTemplate put(LaunchTemplateSpec spec, long version) {
            LaunchTemplate template = new LaunchTemplate("lt-" + spec.name(), spec.name(), version, spec.imageId(),
                    spec.instanceType(), spec.instanceProfile(), spec.securityGroupIds(), spec.userData());
            launchTemplates.put(spec.name(), template);
            return template;
        }

        @Override
        public Optional<Group> findGroup(String name) {
            return Optional.ofNullable(groups2.get(name));
        }

        @Override
        public void createGroup(GroupSpec spec) {
            mutations.add("create group " + spec.name() + " x" + spec.count());
            groups2.put(spec.name(), group(spec.name(), spec.launchTemplateName(), spec.count(), spec.subnetIds()));
        }

        @Override
        public void resizeGroup(String name, int count, String launchTemplateName) {
            mutations.add("resize group " + name + " to " + count);
            Group g = groups2.get(name);
            groups2.put(name, group(name, g.launchTemplateName(), count, g.subnetIds()));
        }

        private Group group(String name, String template, int count, List<String> subnetIds) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ids.add("i-" + name + "-" + i);
            }
            return new Group(name, template, count, count, count, subnetIds, ids);
        }
    }

    public final class FakeClusters implements Clusters {
        @Override
        public List<ContainerInstances.ContainerInstance> containerInstances(String cluster) {
            List<ContainerInstances.ContainerInstance> joined = new ArrayList<>();
            for (Capacity.Group group : groups2.values()) {
                String userData = launchTemplates.get(group.launchTemplateName()).userData();
                if (userData.contains("ECS_CLUSTER=" + cluster + " ")) {
                    group.instanceIds().forEach(id -> joined.add(new ContainerInstances.ContainerInstance(
                            "arn:container-instance/" + id, id, "ACTIVE", true, 2048, 2048, 1900, 1900, 0)));
                }
            }
            return joined;
        }

        @Override
        public Optional<Cluster> find(String name) {
            return Optional.ofNullable(clusters.get(name));
        }

        @Override
        public Cluster create(String name, Map<String, String> tagMap) {
            mutations.add("create cluster " + name);
            Cluster cluster = new Cluster("arn:cluster/" + name, name, "ACTIVE");
            clusters.put(name, cluster);
            tags.put(cluster.arn(), tagMap);
            return cluster;
        }
    }

    public final class FakeLogGroups implements LogGroups {
        @Override
        public Optional<LogGroup> find(String name) {
            return Optional.ofNullable(logGroups.get(name));
        }

        @Override
        public void create(String name, Map<String, String> tagMap) {
            mutations.add("create log group " + name);
            logGroups.put(name, new LogGroup(name, "arn:logs:" + name, null));
            tags.put(name, tagMap);
        }

        @Override
        public void setRetention(String name, int days) {
            mutations.add("retention " + name + " " + days);
            LogGroup g = logGroups.get(name);
            logGroups.put(name, new LogGroup(g.name(), g.arn(), days));
        }
    }

    public final class FakeRoles implements Roles {
        @Override
        public Optional<Role> find(String name) {
            return Optional.ofNullable(roles.get(name));
        }

        @Override
        public Role create(String name, String trustPolicyJson, String description, Map<String, String> tagMap) {
            mutations.add("create role " + name);
            Role role = new Role(name, "arn:iam:role/" + name, trusted(trustPolicyJson));
            roles.put(name, role);
            tags.put(role.arn(), tagMap);
            return role;
        }

        /** The services a trust policy names ("Service":"ecs.amazonaws.com"). */
        private java.util.List<String> trusted(String trustPolicyJson) {
            java.util.List<String> services = new java.util.ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"Service\"\\s*:\\s*\"([^\"]+)\"")
                    .matcher(trustPolicyJson == null ? "" : trustPolicyJson);
            while (m.find()) {
                services.add(m.group(1));
            }
            return services;
        }

        @Override
        public Role create(String name, String path, String trustPolicyJson, String description, Map<String, String> tagMap) {
            rolePaths.put(name, path);
            return create(name, trustPolicyJson, description, tagMap);
        }

        @Override
        public Optional<String> inlinePolicy(String roleName, String policyName) {
            return Optional.ofNullable(inlinePolicies.getOrDefault(roleName, Map.of()).get(policyName));
        }

        @Override
        public List<String> attachedPolicyArns(String roleName) {
            return rolePolicies.getOrDefault(roleName, List.of());
        }

        @Override
        public void attachPolicy(String roleName, String policyArn) {
            mutations.add("attach " + policyArn + " to " + roleName);
            rolePolicies.computeIfAbsent(roleName, k -> new ArrayList<>()).add(policyArn);
        }

        @Override
        public boolean ensureServiceLinkedRole(String awsServiceName) {
            String name = "AWSServiceRoleFor" + ("ecs.amazonaws.com".equals(awsServiceName) ? "ECS" : awsServiceName);
            if (roles.containsKey(name)) {
                return false;
            }
            mutations.add("create service-linked role " + awsServiceName);
            roles.put(name, new Role(name, "arn:iam:role/aws-service-role/" + awsServiceName + "/" + name,
                    java.util.List.of(awsServiceName)));
            return true;
        }

        @Override
        public void putInlinePolicy(String roleName, String policyName, String policyJson) {
            mutations.add("put policy " + policyName + " on " + roleName);
            inlinePolicies.computeIfAbsent(roleName, k -> new HashMap<>()).put(policyName, policyJson);
        }
    }
}
