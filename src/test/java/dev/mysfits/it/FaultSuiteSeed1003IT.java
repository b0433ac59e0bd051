package dev.mysfits.it;

/** The workshop under faults from seed 1003: see {@link FaultSuite}. */
class FaultSuiteSeed1003IT extends FaultSuite {
    FaultSuiteSeed1003IT() {
        super(1003);
    }
}
