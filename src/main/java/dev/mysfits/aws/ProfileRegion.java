package dev.mysfits.aws;

import dev.mysfits.core.Environment;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The region a profile names in the AWS config file ($AWS_CONFIG_FILE or ~/.aws/config), read as the AWS CLI reads it. */
public final class ProfileRegion {
    private ProfileRegion() {
    }

    /** @param profileName the profile, or null for "default"; empty when there is no file, no profile or no region */
    public static Optional<String> of(Environment environment, String profileName) {
        Path configPath = ProfileFiles.config(environment);
        if (!Files.isRegularFile(configPath)) {
            return Optional.empty();
        }
        try {
            return ProfileFile.builder().content(configPath).type(ProfileFile.Type.CONFIGURATION).build()
                    .profile(profileName == null ? "default" : profileName)
                    .flatMap(p -> p.property(ProfileProperty.REGION));
        } catch (RuntimeException unreadableConfig) {
            return Optional.empty();
        }
    }
}
