package dev.mysfits.workflow.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts, line by line, as `diff -u` prints it: the longest common subsequence of lines stays,
 * the rest is removed (-) or added (+), in hunks with three lines of context. Quadratic in lines, which is nothing
 * for a task definition's few hundred.
 */
public final class UnifiedDiff {
    static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    private record Line(char kind, String text) {
    }

    /** The diff, or "" when the texts are the same. */
    public static String between(String fromLabel, String from, String toLabel, String to) {
        List<Line> script = script(lines(from), lines(to));
        List<Integer> changed = new ArrayList<>();
        for (int k = 0; k < script.size(); k++) {
            if (script.get(k).kind() != ' ') {
                changed.add(k);
            }
        }
        if (changed.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("--- ").append(fromLabel).append('\n').append("+++ ").append(toLabel).append('\n');
        int k = 0;
        while (k < changed.size()) {
            int start = Math.max(0, changed.get(k) - CONTEXT);
            int last = changed.get(k);
            // Changes closer than twice the context share a hunk, as diff -u joins them.
            while (k + 1 < changed.size() && changed.get(k + 1) - last <= 2 * CONTEXT) {
                last = changed.get(++k);
            }
            int end = Math.min(script.size(), last + CONTEXT + 1);
            hunk(out, script, start, end);
            k++;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<Line> script, int start, int end) {
        int fromStart = 1;
        int toStart = 1;
        for (int k = 0; k < start; k++) {
            fromStart += script.get(k).kind() != '+' ? 1 : 0;
            toStart += script.get(k).kind() != '-' ? 1 : 0;
        }
        int fromCount = 0;
        int toCount = 0;
        for (int k = start; k < end; k++) {
            fromCount += script.get(k).kind() != '+' ? 1 : 0;
            toCount += script.get(k).kind() != '-' ? 1 : 0;
        }
        out.append("@@ -").append(range(fromStart, fromCount)).append(" +").append(range(toStart, toCount)).append(" @@\n");
        for (int k = start; k < end; k++) {
            out.append(script.get(k).kind()).append(script.get(k).text()).append('\n');
        }
    }

    /** "3,4"; "3" for one line; "2,0" (the line before) for none, as diff -u writes them. */
    private static String range(int start, int count) {
        if (count == 0) {
            return (start - 1) + ",0";
        }
        return count == 1 ? String.valueOf(start) : start + "," + count;
    }

    /** Every line of both, in order: kept (' '), removed ('-') or added ('+'); removals before additions. */
    private static List<Line> script(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> script = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.get(i).equals(b.get(j))) {
                script.add(new Line(' ', a.get(i++)));
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                script.add(new Line('-', a.get(i++)));
            } else {
                script.add(new Line('+', b.get(j++)));
            }
        }
        while (i < n) {
            script.add(new Line('-', a.get(i++)));
        }
        while (j < m) {
            script.add(new Line('+', b.get(j++)));
        }
        return script;
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : text.lines().toList();
    }
}
