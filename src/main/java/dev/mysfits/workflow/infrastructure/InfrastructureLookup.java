package dev.mysfits.workflow.infrastructure;

/** Finds what setup made, read-only; throws a precondition error ("run mysfits setup") when part is missing. */
@FunctionalInterface
public interface InfrastructureLookup {
    Infrastructure require();
}
