package dev.mysfits.it;

/** The workshop under faults from seed 1004: see {@link FaultSuite}. */
class FaultSuiteSeed1004IT extends FaultSuite {
    FaultSuiteSeed1004IT() {
        super(1004);
    }
}
