package dev.mysfits.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A workshop lab as data: its steps in order, each with the commands that solve it and the probes that check it.
 * The last step is the lab's cleanup, and its check says nothing is left.
 *
 * @param page     the lab page it follows (a file of the seed labs)
 * @param workshop the workshop file the steps run in, resolved against the folder that holds labs/
 * @param file     where the lab was read from
 */
public record Lab(String id, String title, String page, Path workshop, List<LabStep> steps, Path file) {
    public Lab {
        steps = List.copyOf(steps);
    }

    public Optional<LabStep> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }
}
