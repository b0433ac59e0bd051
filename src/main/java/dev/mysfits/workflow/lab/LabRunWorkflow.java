package dev.mysfits.workflow.lab;

import dev.mysfits.core.ExitCode;
import dev.mysfits.core.MysfitsException;
import dev.mysfits.lab.CommandLineWords;
import dev.mysfits.lab.Lab;
import dev.mysfits.lab.LabStep;
import dev.mysfits.workflow.Events;
import dev.mysfits.workflow.Workflow;

import java.util.ArrayList;
import java.util.List;

/**
 * `lab run`: each step from --from to --to, solved with its mysfits commands and then checked as `lab check` checks
 * it. It stops at the first step whose command fails (that command's error says why) or whose check fails (the
 * result says which probe, with its hint). Steps that cost money on AWS need --yes, asked for before anything runs.
 */
public final class LabRunWorkflow implements Workflow<LabRunRequest, LabRunResult> {
    private final CommandRunner commands;
    private final Workflow<LabCheckRequest, LabCheckResult> check;
    private final Events events;

    public LabRunWorkflow(CommandRunner commands, Workflow<LabCheckRequest, LabCheckResult> check, Events events) {
        this.commands = commands;
        this.check = check;
        this.events = events;
    }

    @Override
    public LabRunResult execute(LabRunRequest request) {
        Lab lab = request.lab();
        List<LabStep> steps = range(lab, request.from(), request.to());
        List<String> paying = steps.stream().filter(LabStep::costsMoney).map(LabStep::id).toList();
        if (!paying.isEmpty() && !request.yes()) {
            throw MysfitsException.usage("lab " + lab.id() + ": step" + (paying.size() == 1 ? " " : "s ") + String.join(", ", paying)
                            + (paying.size() == 1 ? " makes" : " make") + " AWS resources that cost money while they exist",
                    "pass --yes to run them (the lab's last step cleans up), or --to a step before them");
        }
        List<StepResult> done = new ArrayList<>();
        int number = lab.steps().indexOf(steps.get(0));
        for (LabStep step : steps) {
            number++;
            events.stage("Step " + number + "/" + lab.steps().size() + " of lab " + lab.id() + ", " + step.id() + ": " + step.title());
            for (String command : step.solve()) {
                events.note("$ mysfits " + command);
                List<String> arguments = CommandLineWords.split(command);
                int exit = commands.run(lab.workshop(), arguments);
                if (exit != 0) {
                    throw new MysfitsException(exitCode(exit), "lab " + lab.id() + ", step " + step.id() + ": 'mysfits " + command
                            + "' exited " + exit, "its error is above; fix it, then run mysfits lab run " + lab.id() + " --from " + step.id());
                }
            }
            StepResult checked = check.execute(new LabCheckRequest(lab, request.workshop(), step.id())).steps().get(0);
            done.add(checked);
            if (!checked.passed()) {
                return new LabRunResult(lab.id(), lab.title(), done, step.id());
            }
        }
        return new LabRunResult(lab.id(), lab.title(), done, null);
    }

    /** The steps from one id to another, both included. */
    static List<LabStep> range(Lab lab, String from, String to) {
        int first = from == null ? 0 : index(lab, from, "--from");
        int last = to == null ? lab.steps().size() - 1 : index(lab, to, "--to");
        if (first > last) {
            throw MysfitsException.usage("--from " + from + " comes after --to " + to + " in lab " + lab.id(),
                    "name the steps in the lab's order: mysfits lab show " + lab.id());
        }
        return lab.steps().subList(first, last + 1);
    }

    private static int index(Lab lab, String step, String option) {
        for (int i = 0; i < lab.steps().size(); i++) {
            if (lab.steps().get(i).id().equals(step)) {
                return i;
            }
        }
        throw MysfitsException.usage(option + " " + step + ": lab " + lab.id() + " has no such step (it has "
                + String.join(", ", lab.steps().stream().map(LabStep::id).toList()) + ")", "see them with: mysfits lab show " + lab.id());
    }

    private static ExitCode exitCode(int exit) {
        for (ExitCode code : ExitCode.values()) {
            if (code.code() == exit) {
                return code;
            }
        }
        return ExitCode.FAILED;
    }
}
