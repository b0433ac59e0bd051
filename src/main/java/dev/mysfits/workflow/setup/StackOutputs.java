package dev.mysfits.workflow.setup;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mysfits.core.MysfitsException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a CloudFormation stack's outputs, like the labs' cfn-output.json, to find the workshop VPC and its public
 * subnets. Accepted shapes: a flat object {"VPCId": "vpc-..", "PublicSubnetOne": "subnet-..", ...}; CloudFormation's
 * list [{"OutputKey": .., "OutputValue": ..}]; or a whole `aws cloudformation describe-stacks` answer.
 * The VPC is the output whose key contains "VPC"/"Vpc" and whose value is a vpc- id; the subnets are the outputs
 * whose key contains "PublicSubnet" (a value may list several, comma-separated), in key order; the private subnets
 * (tasks without a public IP) those whose key contains "PrivateSubnet".
 */
public final class StackOutputs {
    /** @param privateSubnetIds the tasks' private subnets (deploy --private), empty when the outputs name none */
    public record NetworkOutputs(String vpcId, List<String> subnetIds, List<String> privateSubnetIds) {
    }

    /**
     * The stack's resources besides its network, that setup reuses instead of making its own.
     *
     * @param tables       DynamoDB table names, by output key: outputs whose key contains "Table" (a table ARN counts
     *                     by its name)
     * @param repositories ECR repository names, by output key: outputs whose value is a repository URI
     *                     (ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME)
     * @param loadBalancer a load balancer's ARN or DNS name, or null
     * @param listenerArn  a listener's ARN, or null
     */
    public record ResourceOutputs(Map<String, String> tables, Map<String, String> repositories, String loadBalancer,
                                  String listenerArn) {
        public ResourceOutputs {
            tables = Map.copyOf(tables);
            repositories = Map.copyOf(repositories);
        }
    }

    private static final Pattern REPOSITORY_URI = Pattern.compile("\\d{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?/([a-z0-9._/-]+)");
    private static final Pattern TABLE_ARN = Pattern.compile("arn:aws[a-z-]*:dynamodb:[^:]*:\\d*:table/([A-Za-z0-9_.-]+)");
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");

    private StackOutputs() {
    }

    /** The resources a stack outputs file names, besides its network; outputs of other shapes are left alone. */
    public static ResourceOutputs readResources(Path file) {
        return parseResources(outputsOf(file));
    }

    static ResourceOutputs parseResources(Map<String, String> outputs) {
        Map<String, String> tables = new TreeMap<>();
        Map<String, String> repositories = new TreeMap<>();
        String loadBalancer = null;
        String listener = null;
        for (Map.Entry<String, String> output : outputs.entrySet()) {
            String key = output.getKey();
            String lower = key.toLowerCase(Locale.ROOT);
            String value = output.getValue().trim();
            Matcher repository = REPOSITORY_URI.matcher(value);
            Matcher tableArn = TABLE_ARN.matcher(value);
            if (repository.matches()) {
                repositories.put(key, repository.group(2));
            } else if (value.startsWith("arn:") && value.contains(":elasticloadbalancing:") && value.contains(":listener/")) {
                listener = listener == null ? value : listener;
            } else if (value.startsWith("arn:") && value.contains(":elasticloadbalancing:") && value.contains(":loadbalancer/app/")) {
                loadBalancer = loadBalancer == null ? value : loadBalancer;
            } else if ((lower.contains("loadbalancer") || lower.contains("alb")) && value.contains(".elb.")
                    && !value.contains("/") && !lower.contains("securitygroup")) {
                loadBalancer = loadBalancer == null ? value : loadBalancer;
            } else if (tableArn.matches()) {
                tables.put(key, tableArn.group(1));
            } else if (lower.contains("table") && !lower.contains("routetable") && !value.startsWith("rtb-")
                    && TABLE_NAME.matcher(value).matches()) {
                tables.put(key, value);
            }
        }
        return new ResourceOutputs(tables, repositories, loadBalancer, listener);
    }

    public static NetworkOutputs read(Path file) {
        return parse(file.toString(), outputsOf(file));
    }

    /**
     * The private subnets, for tasks without a public IP (deploy --private): the outputs whose key contains
     * "PrivateSubnet", in key order. None is an empty list.
     */
    static List<String> privateSubnets(Map<String, String> outputs) {
        return subnets(outputs, "privatesubnet");
    }

    /** The subnets of the outputs whose key contains the word (lower case); a value may list several, comma-separated. */
    private static List<String> subnets(Map<String, String> outputs, String keyWord) {
        List<String> subnets = new ArrayList<>();
        outputs.forEach((key, value) -> {
            if (key.toLowerCase(Locale.ROOT).contains(keyWord)) {
                for (String part : value.split(",")) {
                    if (!part.isBlank() && !subnets.contains(part.trim())) {
                        subnets.add(part.trim());
                    }
                }
            }
        });
        return List.copyOf(subnets);
    }

    private static Map<String, String> outputsOf(Path file) {
        return outputs(file, readJson(file));
    }

    private static JsonNode readJson(Path file) {
        if (!Files.isRegularFile(file)) {
            throw MysfitsException.usage("stack outputs file " + file + " does not exist",
                    "pass the file the lab saved (cfn-output.json), or use --vpc-id and --subnets");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String at = where == null ? "" : ":" + where.getLineNr() + ":" + where.getColumnNr();
            throw MysfitsException.usage("stack outputs file " + file + at + " is not valid JSON: " + e.getOriginalMessage(),
                    "fix the JSON at that line");
        } catch (IOException e) {
            throw MysfitsException.usage("cannot read stack outputs file " + file + ": " + e.getMessage(), null);
        }
        return root;
    }

    static NetworkOutputs parse(String source, Map<String, String> outputs) {
        String vpcId = null;
        for (Map.Entry<String, String> output : outputs.entrySet()) {
            String value = output.getValue().trim();
            if (output.getKey().toLowerCase(Locale.ROOT).contains("vpc") && value.startsWith("vpc-") && vpcId == null) {
                vpcId = value;
            }
        }
        List<String> subnets = subnets(outputs, "publicsubnet");
        if (vpcId == null) {
            throw MysfitsException.usage("stack outputs " + source + " name no VPC: no output key containing \"VPC\" with a vpc- value",
                    "pass --vpc-id and --subnets instead");
        }
        if (subnets.size() < 2) {
            throw MysfitsException.usage("stack outputs " + source + " name " + subnets.size()
                            + " public subnet(s): a load balancer needs two, in two availability zones",
                    "add outputs whose keys contain \"PublicSubnet\", or pass --subnets a,b");
        }
        return new NetworkOutputs(vpcId, subnets, privateSubnets(outputs));
    }

    /** Keys to values, sorted by key so "PublicSubnetOne" comes before "PublicSubnetTwo" whatever the file's order. */
    private static Map<String, String> outputs(Path file, JsonNode root) {
        JsonNode node = root;
        if (node.isObject() && node.has("Stacks") && node.get("Stacks").isArray() && !node.get("Stacks").isEmpty()) {
            node = node.get("Stacks").get(0).path("Outputs");
        }
        if (node.isObject() && node.has("Outputs") && node.get("Outputs").isArray()) {
            node = node.get("Outputs");
        }
        Map<String, String> outputs = new TreeMap<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (item.hasNonNull("OutputKey") && item.hasNonNull("OutputValue")) {
                    outputs.put(item.get("OutputKey").asText(), item.get("OutputValue").asText());
                }
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode()) {
                    outputs.put(e.getKey(), e.getValue().asText());
                }
            });
        } else {
            throw MysfitsException.usage("stack outputs file " + file + " is neither an object of outputs nor a list of OutputKey/OutputValue",
                    "save it with: aws cloudformation describe-stacks --stack-name NAME --query 'Stacks[0].Outputs' > cfn-output.json");
        }
        return outputs;
    }
}
