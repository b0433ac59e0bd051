package dev.mysfits.it;

/** The workshop under faults from seed 1002: see {@link FaultSuite}. */
class FaultSuiteSeed1002IT extends FaultSuite {
    FaultSuiteSeed1002IT() {
        super(1002);
    }
}
