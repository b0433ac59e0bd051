package dev.mysfits.it;

/** kill -9 at 20 random points: see {@link InterruptSuite}. */
class InterruptedBySigkillIT extends InterruptSuite {
    InterruptedBySigkillIT() {
        super("KILL", 20261131);
    }
}
