package dev.mysfits.core;

import dev.mysfits.registry.RegistryCredentials;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EcrRepositoryNameTest {

    @Test
    void validNames_followEcrRules() {
        for (String name : new String[]{"ab", "mysfits/monolith-service", "a.b_c-d/e", "x/y/z", "a1"}) {
            assertTrue(EcrRepositoryName.isValid(name), name);
        }
    }

    @Test
    void invalidNames_areRejected() {
        for (String name : new String[]{"a", "", "Mysfits/monolith", "-abc", "abc-", "a//b", "a--b", "a/", "/a", "a b",
                "a".repeat(257)}) {
            assertFalse(EcrRepositoryName.isValid(name), name);
        }
    }

    @Test
    void uppercaseName_isUsageErrorSuggestingTheLowercaseName() {
        MysfitsException e = assertThrows(MysfitsException.class,
                () -> EcrRepositoryName.validate("Mysfits/Monolith-Service", "the config"));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("ECR repository names must be lowercase: use 'mysfits/monolith-service'"),
                e.getMessage());
        assertEquals("change the config", e.hint());
    }

    @Test
    void badSeparator_isUsageErrorExplainingTheRule() {
        MysfitsException e = assertThrows(MysfitsException.class, () -> EcrRepositoryName.validate("mysfits//x", "it"));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("separated by"), e.getMessage());
    }

    @Test
    void tooShortName_saysTheLengthRule() {
        MysfitsException e = assertThrows(MysfitsException.class, () -> EcrRepositoryName.validate("a", "it"));
        assertTrue(e.getMessage().contains("2 to 256"), e.getMessage());
    }

    @Test
    void credentials_toStringHidesThePassword() {
        RegistryCredentials credentials = new RegistryCredentials("AWS", "s3cret-token", "https://host.example");
        assertFalse(credentials.toString().contains("s3cret-token"), credentials.toString());
        assertEquals("host.example", credentials.host());
    }
}
