package dev.mysfits.workflow;

/** Asks the person at the terminal. Injectable so tests need no terminal. */
public interface Confirmation {
    /** Whether there is anyone to ask (a terminal). */
    boolean interactive();

    /** Asks a yes/no question; true only for an explicit yes. */
    boolean confirm(String question);
}
