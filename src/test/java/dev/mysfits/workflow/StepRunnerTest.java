package dev.mysfits.workflow;

import dev.mysfits.core.Change;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.core.StepListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The step runner reports to its listener and prints nothing itself. */
class StepRunnerTest {
    private final List<String> heard = new ArrayList<>();
    private final List<String> applied = new ArrayList<>();

    private final StepListener listener = new StepListener() {
        @Override
        public void started(String title, boolean dryRun) {
            heard.add("started " + title + (dryRun ? " (dry run)" : ""));
        }

        @Override
        public void finished(Change change, boolean dryRun) {
            heard.add((dryRun ? "would " : "did ") + change.describe());
        }

        @Override
        public void failed(String step) {
            heard.add("failed " + step);
        }
    };

    private Step<List<String>> step(String name, Change change) {
        return new Step<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Change plan(List<String> context) {
                if (change == null) {
                    throw MysfitsException.precondition(name + " cannot", "fix it");
                }
                return change;
            }

            @Override
            public void apply(List<String> context, Change planned) {
                context.add(name);
            }
        };
    }

    @Test
    void eachStepIsHeard_andOnlyChangesAreApplied_andADryRunAppliesNothing() {
        List<Step<List<String>>> steps = List.of(step("a", Change.create("thing a", "new")), step("b", Change.none("thing b", "")));

        List<Change> made = new StepRunner<>("Making", listener, steps).execute(applied, false);
        List<Change> planned = new StepRunner<>("Making", listener, steps).execute(applied, true);

        assertEquals(List.of("a"), applied);
        assertEquals(made, planned);
        assertEquals(List.of("started Making", "did " + made.get(0).describe(), "did " + made.get(1).describe(),
                "started Making (dry run)", "would " + made.get(0).describe(), "would " + made.get(1).describe()), heard);
    }

    @Test
    void aFailingStep_isHeard_andStopsTheRest() {
        List<Step<List<String>>> steps = List.of(step("a", null), step("b", Change.create("thing b", "")));

        assertThrows(MysfitsException.class, () -> new StepRunner<>("Making", listener, steps).execute(applied, false));

        assertEquals(List.of("started Making", "failed a"), heard);
        assertEquals(List.of(), applied);
    }
}
