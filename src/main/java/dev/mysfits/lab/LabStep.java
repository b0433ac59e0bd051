package dev.mysfits.lab;

import java.util.List;

/**
 * One step of a lab.
 *
 * @param section     the part of the lab page it comes from
 * @param solve       the mysfits commands that do it (arguments after "mysfits", as one line each)
 * @param check       what shows it was done, however it was done
 * @param costsMoney  on real AWS, solving it makes something that bills: `lab run` asks for --yes
 */
public record LabStep(String id, String title, String section, List<String> solve, List<Probe> check, boolean costsMoney) {
    public LabStep {
        solve = List.copyOf(solve);
        check = List.copyOf(check);
    }
}
