package dev.mysfits.workflow;

/**
 * What every workflow is: one request in, one result out. It tells its {@link Events} what happens on the way and
 * never prints; the console renders the events and the result.
 *
 * @param <Q> what the command asked for
 * @param <R> what came of it
 */
public interface Workflow<Q, R> {
    R execute(Q request);
}
