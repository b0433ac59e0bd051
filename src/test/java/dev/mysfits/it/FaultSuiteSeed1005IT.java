package dev.mysfits.it;

/** The workshop under faults from seed 1005: see {@link FaultSuite}. */
class FaultSuiteSeed1005IT extends FaultSuite {
    FaultSuiteSeed1005IT() {
        super(1005);
    }
}
