package dev.mysfits.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManPagesTest {
    private final CommandLine root = Cli.create(new MysfitsCommand());
    private final Map<String, String> pages = ManPages.render(root, "9.9.9");

    @Test
    void everyCommandAUserCanRun_hasAPage_andHiddenOnesHaveNone() {
        Set<String> expected = new TreeSet<>(Set.of("mysfits.1", "mysfits-task.1", "mysfits-task-run.1",
                "mysfits-task-list.1", "mysfits-task-stop.1", "mysfits-lab-list.1", "mysfits-lab-show.1", "mysfits-lab-check.1",
                "mysfits-lab-run.1"));
        root.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help") && !sub.getCommandSpec().usageMessage().hidden()) {
                expected.add("mysfits-" + name + ".1");
            }
        });
        assertEquals(expected, new TreeSet<>(pages.keySet()));
        assertFalse(pages.containsKey("mysfits-train-class-data.1"));
    }

    @Test
    void aPage_hasTheSectionsAndEveryOptionOfItsCommand() {
        String deploy = pages.get("mysfits-deploy.1");
        assertTrue(deploy.startsWith(".TH \"MYSFITS-DEPLOY\" 1 \"\" \"mysfits 9.9.9\""), deploy);
        for (String section : new String[]{".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH ARGUMENTS", ".SH OPTIONS",
                ".SH EXIT STATUS", ".SH SEE ALSO"}) {
            assertTrue(deploy.contains(section), section);
        }
        root.getSubcommands().get("deploy").getCommandSpec().options().stream().filter(o -> !o.hidden())
                .forEach(o -> assertTrue(deploy.contains(ManPages.escape(o.longestName())), o.longestName()));
        assertTrue(deploy.contains("SERVICE"), deploy);
    }

    @Test
    void troffControlCharacters_areEscaped() {
        assertEquals("\\-\\-dry\\-run", ManPages.escape("--dry-run"));
        assertEquals("a \\e b", ManPages.escape("a \\ b"));
        assertEquals("x\n\\&.not a request", ManPages.escape("x\n.not a request"));
        for (String page : pages.values()) {
            page.lines().filter(l -> l.startsWith(".") || l.startsWith("'"))
                    .forEach(l -> assertTrue(l.matches("^\\.(TH|SH|PP|TP|B|I|nf|fi) ?.*"), "stray request: " + l));
        }
    }
}
