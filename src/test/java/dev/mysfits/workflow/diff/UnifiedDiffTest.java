package dev.mysfits.workflow.diff;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UnifiedDiffTest {
    private static String lines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
    }

    @Test
    void sameTexts_haveNoDiff() {
        assertEquals("", UnifiedDiff.between("live", lines(1, 20), "template", lines(1, 20)));
        assertEquals("", UnifiedDiff.between("live", "", "template", ""));
    }

    @Test
    void oneChangedLine_isOneRemovedAndOneAddedLine_withThreeLinesOfContextEachSide() {
        String after = lines(1, 20).replace("line 10\n", "line ten\n");

        String diff = UnifiedDiff.between("live", lines(1, 20), "template", after);

        assertEquals("""
                --- live
                +++ template
                @@ -7,7 +7,7 @@
                 line 7
                 line 8
                 line 9
                -line 10
                +line ten
                 line 11
                 line 12
                 line 13
                """, diff);
    }

    @Test
    void fromNothing_everyLineIsAdded_inOneHunkFromLineZero() {
        assertEquals("""
                --- live
                +++ template
                @@ -0,0 +1,3 @@
                +line 1
                +line 2
                +line 3
                """, UnifiedDiff.between("live", "", "template", lines(1, 3)));
    }

    @Test
    void changesFarApart_makeTwoHunks_andNearOnes_share_one() {
        String far = lines(1, 30).replace("line 2\n", "line two\n").replace("line 25\n", "line twenty-five\n");
        List<String> farHunks = UnifiedDiff.between("a", lines(1, 30), "b", far).lines().filter(l -> l.startsWith("@@")).toList();
        assertEquals(List.of("@@ -1,5 +1,5 @@", "@@ -22,7 +22,7 @@"), farHunks);

        String near = lines(1, 30).replace("line 10\n", "line ten\n").replace("line 16\n", "line sixteen\n");
        List<String> nearHunks = UnifiedDiff.between("a", lines(1, 30), "b", near).lines().filter(l -> l.startsWith("@@")).toList();
        assertEquals(List.of("@@ -7,13 +7,13 @@"), nearHunks);
    }

    @Test
    void removedAndAddedLines_keepTheirCommonLines_andAOneLineSideIsWrittenWithoutACount() {
        String diff = UnifiedDiff.between("a", "x\ny\n", "b", "x\n");

        assertEquals("--- a\n+++ b\n@@ -1,2 +1 @@\n x\n-y\n", diff);
        assertEquals("--- a\n+++ b\n@@ -1 +1,2 @@\n x\n+y\n", UnifiedDiff.between("a", "x\n", "b", "x\ny\n"));
    }
}
