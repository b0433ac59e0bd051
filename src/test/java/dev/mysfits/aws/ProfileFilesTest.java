package dev.mysfits.aws;

import dev.mysfits.core.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileFilesTest {
    @Test
    void profiles_comeFromTheFilesOurEnvironmentNames_notFromTheProcesses() throws IOException {
        Path dir = Files.createTempDirectory("profiles");
        Path credentials = Files.writeString(dir.resolve("creds"), "[workshop]\naws_access_key_id = AKIDWORKSHOP\naws_secret_access_key = s\n");
        Path config = Files.writeString(dir.resolve("conf"), "[profile workshop]\nregion = eu-west-3\n");
        Environment environment = new Environment(Map.of("AWS_SHARED_CREDENTIALS_FILE", credentials.toString(),
                "AWS_CONFIG_FILE", config.toString()), dir, dir.resolve("no-home"));

        var profile = ProfileFiles.of(environment).profile("workshop").orElseThrow();

        assertEquals("AKIDWORKSHOP", profile.property(ProfileProperty.AWS_ACCESS_KEY_ID).orElseThrow());
        assertEquals("eu-west-3", profile.property(ProfileProperty.REGION).orElseThrow());
        assertEquals("eu-west-3", ProfileRegion.of(environment, "workshop").orElseThrow());
    }

    @Test
    void withoutVariables_theFilesAreUnderTheHomeOfOurEnvironment(@TempDir Path home) throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/credentials"), "[default]\naws_access_key_id = AKIDHOME\naws_secret_access_key = s\n");
        Environment environment = new Environment(Map.of(), home, home);

        assertEquals(home.resolve(".aws/config"), ProfileFiles.config(environment));
        assertEquals("AKIDHOME", ProfileFiles.of(environment).profile("default").orElseThrow()
                .property(ProfileProperty.AWS_ACCESS_KEY_ID).orElseThrow());
        assertTrue(ProfileFiles.of(new Environment(Map.of(), home, home.resolve("nothing"))).profiles().isEmpty());
    }
}
