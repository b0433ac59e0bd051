package dev.mysfits.aws.ecr;

import java.util.List;

/** An image as the ECR API lists it: its manifest digest and its tags. */
public record RegistryImage(String digest, List<String> tags) {
}
