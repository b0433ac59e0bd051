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
        if (probe instanceof Probe.Http p) {
            return http.describe(p, workshop);
        } else if (probe instanceof Probe.Service p) {
            return service.describe(p, workshop);
        } else if (probe instanceof Probe.Image p) {
            return image.describe(p, workshop);
        } else if (probe instanceof Probe.Container p) {
            return container.describe(p, workshop);
        } else if (probe instanceof Probe.Log p) {
            return log.describe(p, workshop);
        } else if (probe instanceof Probe.Resource p) {
            return resource.describe(p, workshop);
        }
        return file.describe((Probe.File) probe, workshop);
    }

    Optional<String> problem(Probe probe, WorkshopConfig workshop) {
        if (probe instanceof Probe.Http p) {
            return http.problem(p, workshop);
        } else if (probe instanceof Probe.Service p) {
            return service.problem(p, workshop);
        } else if (probe instanceof Probe.Image p) {
            return image.problem(p, workshop);
        } else if (probe instanceof Probe.Container p) {
            return container.problem(p, workshop);
        } else if (probe instanceof Probe.Log p) {
            return log.problem(p, workshop);
        } else if (probe instanceof Probe.Resource p) {
            return resource.problem(p, workshop);
        }
        return file.problem((Probe.File) probe, workshop);
    }
}
