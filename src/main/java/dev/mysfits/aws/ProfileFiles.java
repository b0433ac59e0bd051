package dev.mysfits.aws;

import dev.mysfits.core.Environment;
import software.amazon.awssdk.profiles.ProfileFile;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The AWS CLI's config and credentials files ($AWS_CONFIG_FILE, $AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/config and
 * ~/.aws/credentials), found through our Environment rather than the SDK's own reading of the process.
 */
final class ProfileFiles {
    private ProfileFiles() {
    }

    static Path config(Environment environment) {
        return environment.get("AWS_CONFIG_FILE").map(Path::of)
                .orElse(environment.homeDirectory().resolve(".aws").resolve("config"));
    }

    static Path credentials(Environment environment) {
        return environment.get("AWS_SHARED_CREDENTIALS_FILE").map(Path::of)
                .orElse(environment.homeDirectory().resolve(".aws").resolve("credentials"));
    }

    /** Both files as one, as the CLI merges them; a missing file counts as empty. */
    static ProfileFile of(Environment environment) {
        ProfileFile.Aggregator files = ProfileFile.aggregator();
        Path credentials = credentials(environment);
        if (Files.isRegularFile(credentials)) {
            files.addFile(ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build());
        }
        Path config = config(environment);
        if (Files.isRegularFile(config)) {
            files.addFile(ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build());
        }
        return files.build();
    }
}
