package dev.mysfits.it;

/** The workshop under faults from seed 1001: see {@link FaultSuite}. */
class FaultSuiteSeed1001IT extends FaultSuite {
    FaultSuiteSeed1001IT() {
        super(1001);
    }
}
