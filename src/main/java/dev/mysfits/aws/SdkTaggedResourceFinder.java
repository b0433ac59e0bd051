package dev.mysfits.aws;

import dev.mysfits.aws.autoscaling.ScalingTaggedResources;
import dev.mysfits.aws.capacity.CapacityTaggedResources;
import dev.mysfits.aws.codebuild.BuildProjects;
import dev.mysfits.aws.codebuild.CodeBuildProjects;
import dev.mysfits.aws.dynamodb.DynamoDbTables;
import dev.mysfits.aws.ec2.Ec2TaggedResources;
import dev.mysfits.aws.ecr.EcrTaggedResources;
import dev.mysfits.aws.ecs.EcsTaggedResources;
import dev.mysfits.aws.elbv2.Elbv2TaggedResources;
import dev.mysfits.aws.iam.IamTaggedResources;
import dev.mysfits.aws.logs.LogsTaggedResources;
import dev.mysfits.core.ResourceNames;
import dev.mysfits.core.ResourceType;
import dev.mysfits.core.WaitProgress;
import software.amazon.awssdk.core.exception.SdkException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tag discovery across the services: one Resource Groups Tagging API query for the types it covers, then each
 * service's own finder for what it alone knows (listeners and rules, services in clusters, scaling, IAM by name).
 */
public final class SdkTaggedResourceFinder implements TaggedResourceFinder {
    private final AwsClients aws;

    public SdkTaggedResourceFinder(AwsClients aws) {
        this.aws = aws;
    }

    @Override
    public List<OwnedResource> find(String workshop, Collection<String> knownIds) {
        ResourceNames names = new ResourceNames(workshop);
        Set<String> known = new LinkedHashSet<>(knownIds);
        List<OwnedResource> found = new ArrayList<>();
        try {
            WorkshopTags tagged = WorkshopTags.query(aws.tagging(), workshop);
            Elbv2TaggedResources elb = new Elbv2TaggedResources(aws.elb());
            List<OwnedResource> targetGroups = elb.targetGroups(tagged);
            found.addAll(targetGroups);
            found.addAll(elb.loadBalancers(tagged, known, targetGroups));
            Ec2TaggedResources ec2 = new Ec2TaggedResources(aws.ec2());
            found.addAll(ec2.securityGroups(workshop));
            EcsTaggedResources ecs = new EcsTaggedResources(aws.ecs());
            List<OwnedResource> clusters = ecs.clusters(tagged, names, known);
            found.addAll(clusters);
            List<OwnedResource> services = ecs.services(workshop, clusters, known);
            found.addAll(services);
            found.addAll(ecs.standaloneTasks(workshop, clusters));
            found.addAll(new ScalingTaggedResources(aws.autoScaling()).find(services, known));
            found.addAll(ecs.taskDefinitions(workshop, tagged));
            found.addAll(new EcrTaggedResources(aws.ecr()).repositories(workshop));
            found.addAll(LogsTaggedResources.logGroups(tagged, names));
            found.addAll(tables(workshop));
            IamTaggedResources iam = new IamTaggedResources(aws.iam());
            List<OwnedResource> roles = iam.roles(workshop, names, known);
            found.addAll(roles);
            found.addAll(new CapacityTaggedResources(aws.autoScalingGroups()).autoScalingGroups(workshop, names, known));
            found.addAll(ec2.launchTemplates(workshop));
            found.addAll(iam.instanceProfiles(workshop, names, known));
            boolean codeBuildUsed = roles.stream().anyMatch(r -> r.id().equals(names.codeBuildRole()))
                    || known.stream().anyMatch(id -> id.contains(":codebuild:"));
            if (codeBuildUsed) {
                found.addAll(codeBuildProjects(workshop, known));
            }
        } catch (SdkException e) {
            throw AwsErrors.wrap("find the resources of workshop " + workshop, e);
        }
        return found;
    }

    /** DynamoDB tables, outside the Tagging API here too: listed, and each one's tags asked. */
    private List<OwnedResource> tables(String workshop) {
        List<OwnedResource> ours = new ArrayList<>();
        new DynamoDbTables(aws.dynamoDb(), Eventually.system(WaitProgress.NONE)).tagged(workshop)
                .forEach((name, arn) -> ours.add(OwnedResource.of(ResourceType.DYNAMODB_TABLE, name, name, null, null)));
        return ours;
    }

    /** Projects are looked for only where the workshop's CodeBuild role is: most workshops never build there. */
    private List<OwnedResource> codeBuildProjects(String workshop, Set<String> known) {
        List<OwnedResource> ours = new ArrayList<>();
        for (BuildProjects.Project project : new CodeBuildProjects(aws.codeBuild(), Eventually.system(WaitProgress.NONE)).list(workshop + "-")) {
            if (workshop.equals(project.tags().get(ResourceNames.TAG_WORKSHOP)) || known.contains(project.arn())) {
                ours.add(OwnedResource.of(ResourceType.CODEBUILD_PROJECT, project.arn(), project.spec().name(), null, null));
            }
        }
        return ours;
    }
}
