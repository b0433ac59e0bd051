package dev.mysfits.it;

/** Ctrl-C at 20 random points: see {@link InterruptSuite}. */
class InterruptedBySigintIT extends InterruptSuite {
    InterruptedBySigintIT() {
        super("INT", 20261130);
    }
}
