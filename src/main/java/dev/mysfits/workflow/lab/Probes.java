package dev.mysfits.workflow.lab;

import dev.mysfits.config.WorkshopConfig;
import dev.mysfits.lab.Probe;

import java.util.Optional;

/** The evaluator of each kind of probe. */
public record Probes(ProbeEvaluator<Probe.Http> http, ProbeEvaluator<Probe.Service> service, ProbeEvaluator<Probe.Image> image,
                     ProbeEvaluator<Probe.Container> container, ProbeEvaluator<Probe.Log> log,
                     ProbeEvaluator<Probe.Resource> resource, ProbeEvaluator<Probe.File> file) {

    /** The probe's kind as the lab file names it: http, service, image, container, log, resource, file. */
    public static String kind(Probe probe) {
        return probe.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    String describe(Probe probe, WorkshopConfig workshop) {
        return evaluated(probe).describe(workshop);
    }

    Optional<String> problem(Probe probe, WorkshopConfig workshop) {
        return evaluated(probe).problem(workshop);
    }

    /** A probe with its own kind's evaluator. */
    private interface Evaluated {
        String describe(WorkshopConfig workshop);

        Optional<String> problem(WorkshopConfig workshop);
    }

    private Evaluated evaluated(Probe probe) {
        if (probe instanceof Probe.Http p) {
            return by(http, p);
        } else if (probe instanceof Probe.Service p) {
            return by(service, p);
        } else if (probe instanceof Probe.Image p) {
            return by(image, p);
        } else if (probe instanceof Probe.Container p) {
            return by(container, p);
        } else if (probe instanceof Probe.Log p) {
            return by(log, p);
        } else if (probe instanceof Probe.Resource p) {
            return by(resource, p);
        }
        return by(file, (Probe.File) probe);
    }

    private static <P extends Probe> Evaluated by(ProbeEvaluator<P> evaluator, P probe) {
        return new Evaluated() {
            @Override
            public String describe(WorkshopConfig workshop) {
                return evaluator.describe(probe, workshop);
            }

            @Override
            public Optional<String> problem(WorkshopConfig workshop) {
                return evaluator.problem(probe, workshop);
            }
        };
    }
}
