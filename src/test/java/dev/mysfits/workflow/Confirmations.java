package dev.mysfits.workflow;

import java.util.function.Predicate;

/** Confirmation stand-ins for tests: nobody at a terminal, or a person who answers by the question. */
public final class Confirmations {
    private Confirmations() {
    }

    /** No terminal: nobody to ask, and asking anyway is a bug. */
    public static Confirmation noTerminal() {
        return answering(false, question -> {
            throw new AssertionError("must not ask without a terminal: " + question);
        });
    }

    /** A terminal whose person says yes when the predicate holds. */
    public static Confirmation terminal(Predicate<String> yes) {
        return answering(true, yes);
    }

    private static Confirmation answering(boolean interactive, Predicate<String> yes) {
        return new Confirmation() {
            @Override
            public boolean interactive() {
                return interactive;
            }

            @Override
            public boolean confirm(String question) {
                return yes.test(question);
            }
        };
    }
}
