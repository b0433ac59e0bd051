package dev.mysfits.workflow.codebuild;

import dev.mysfits.config.HealthCheckConfig;
import dev.mysfits.config.ServiceConfig;
import dev.mysfits.core.MysfitsException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuildspecTest {
    private final ServiceConfig monolith = new ServiceConfig("monolith", Path.of("/repo/samples/monolith-service"), "Dockerfile",
            "monolith-service", "mysfits/monolith-service", 80, 8000, "/", "/", Map.of(), Map.of("EXTRA_PACKAGES", "python3-boto3 curl"),
            Map.of(), HealthCheckConfig.WORKSHOP);

    @Test
    void buildCommands_quoteWhatTheShellWouldSplit_andPassBuildArgs() {
        List<String> build = Buildspec.commands("build", "samples/monolith-service", "samples/monolith-service/Dockerfile",
                monolith.buildArgs(), "monolith");
        assertEquals("docker build -t \"$REGISTRY/$IMAGE_REPO_NAME:$VERSION_TAG\" -f samples/monolith-service/Dockerfile"
                + " --build-arg 'EXTRA_PACKAGES=python3-boto3 curl' samples/monolith-service", build.get(1));
    }

    @Test
    void yamlScalars_areSingleQuoted_withQuotesDoubled() {
        assertEquals("'printf ''x'''", Buildspec.yamlString("printf 'x'"));
        String text = Buildspec.render(monolith, "samples/monolith-service", "samples/monolith-service/Dockerfile");
        assertTrue(text.startsWith("# Written by `mysfits buildspec monolith`"), text);
        assertTrue(text.contains("version: 0.2\n"), text);
    }

    @Test
    void sourceType_isToldFromTheUrl_orRefusedWithTheChoices() {
        assertEquals("GITHUB", CodeBuildWorkflow.sourceType(null, "https://github.com/aws-samples/amazon-ecs-mythicalmysfits-workshop.git"));
        assertEquals("CODECOMMIT", CodeBuildWorkflow.sourceType(null, "https://git-codecommit.us-east-1.amazonaws.com/v1/repos/x"));
        assertEquals("S3", CodeBuildWorkflow.sourceType("s3", "bucket/source.zip"));
        assertEquals("https://github.com/org/repo.git", CodeBuildWorkflow.httpsForm("git@github.com:org/repo.git"));
        MysfitsException unknown = assertThrows(MysfitsException.class, () -> CodeBuildWorkflow.sourceType(null, "/home/me/repo"));
        assertTrue(unknown.getMessage().contains("cannot tell the source type of /home/me/repo"), unknown.getMessage());
        MysfitsException bad = assertThrows(MysfitsException.class, () -> CodeBuildWorkflow.sourceType("SVN", "x"));
        assertTrue(bad.hint().contains("GITHUB"), bad.hint());
    }
}
