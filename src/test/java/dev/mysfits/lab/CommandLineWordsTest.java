package dev.mysfits.lab;

import dev.mysfits.core.MysfitsException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CommandLineWordsTest {
    @Test
    void splitsAsAShellDoes() {
        assertEquals(List.of("deploy", "like", "--fargate", "--path", "/mysfits/*/like"),
                CommandLineWords.split("deploy like --fargate --path '/mysfits/*/like'"));
        assertEquals(List.of("run-image", "img", "sh", "-c", "echo \"hi\" $X; exit 3"),
                CommandLineWords.split("run-image img sh -c \"echo \\\"hi\\\" $X; exit 3\""));
        assertEquals(List.of("a b", ""), CommandLineWords.split("a\\ b  ''"));
    }

    @Test
    void anUnclosedQuote_isRefused() {
        assertThrows(MysfitsException.class, () -> CommandLineWords.split("deploy like --path '/x"));
    }
}
