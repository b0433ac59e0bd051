package dev.mysfits.workflow.lab;

import dev.mysfits.lab.Lab;
import dev.mysfits.lab.LabLoader;
import dev.mysfits.lab.LabProgress;
import dev.mysfits.lab.LabStep;
import dev.mysfits.workflow.Workflow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * `lab list` and `lab show`: the labs as their files say, and each step's last check as the progress file beside the
 * lab's workshop keeps it. Reads only.
 */
public final class LabsWorkflow implements Workflow<LabsRequest, LabsResult> {
    private final LabLoader loader;

    public LabsWorkflow(LabLoader loader) {
        this.loader = loader;
    }

    @Override
    public LabsResult execute(LabsRequest request) {
        List<Lab> labs = request.lab() == null ? loader.loadAll(request.folder()) : List.of(loader.load(request.folder(), request.lab()));
        List<LabsResult.LabStatus> statuses = new ArrayList<>();
        for (Lab lab : labs) {
            LabProgress progress = new LabProgress(LabProgress.defaultFile(lab.workshop().getParent()), Clock.systemUTC());
            Map<String, LabProgress.Mark> marks = progress.marks(lab.id());
            List<LabsResult.StepStatus> steps = new ArrayList<>();
            for (LabStep step : lab.steps()) {
                Optional<LabProgress.Mark> mark = Optional.ofNullable(marks.get(step.id()));
                LabsResult.State state = mark.map(m -> m.passed() ? LabsResult.State.PASSED : LabsResult.State.FAILED)
                        .orElse(LabsResult.State.NOT_CHECKED);
                steps.add(new LabsResult.StepStatus(step.id(), step.title(), step.section(), step.solve(), step.check().size(),
                        step.costsMoney(), state, mark.map(LabProgress.Mark::at).orElse(null)));
            }
            statuses.add(new LabsResult.LabStatus(lab.id(), lab.title(), lab.page(), lab.workshop().toString(), steps));
        }
        return new LabsResult(statuses);
    }
}
