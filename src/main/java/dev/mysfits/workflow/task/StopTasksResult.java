package dev.mysfits.workflow.task;

import java.util.List;

/**
 * @param stopped        the tasks this call stopped (or found stopping), as they were once STOPPED
 * @param alreadyStopped ids of the named tasks that had stopped before
 */
public record StopTasksResult(String service, List<ServiceTask> stopped, List<String> alreadyStopped) {
}
