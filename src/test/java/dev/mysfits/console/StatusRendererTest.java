package dev.mysfits.console;

import dev.mysfits.core.OutputFormat;
import dev.mysfits.workflow.status.ServiceStatus;
import dev.mysfits.workflow.status.StatusResult;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** status's three tables, drawn from a result alone; JSON is the services, as before. */
class StatusRendererTest {
    private final StringWriter out = new StringWriter();

    private Console console(OutputFormat format) {
        return new Console(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), false, false, format, () -> 0L);
    }

    private static StatusResult result(List<ServiceStatus.InstanceStatus> instances) {
        ServiceStatus like = new ServiceStatus("like", true, "EC2", 3, List.of("repo/like@sha256:aaa"), 1, 1, 0, "COMPLETED",
                "1 healthy, 1 draining", "http://alb/like", "arn:svc/like",
                List.of(new ServiceStatus.TaskStatus("t1", "RUNNING", 3, "10.0.0.5:32768", "healthy", null, "i-0abc")),
                List.of(new ServiceStatus.TargetStatus("10.0.0.9:32769", "draining", "Target.DeregistrationInProgress")));
        ServiceStatus monolith = new ServiceStatus("monolith", false, null, null, List.of(), null, null, null, null, null, null,
                null, List.of(), List.of());
        return new StatusResult(List.of(like, monolith), instances);
    }

    @Test
    void text_drawsServicesThenTasksAndTargetsThenInstances() {
        new StatusRenderer(console(OutputFormat.TEXT)).render(result(List.of(
                new ServiceStatus.InstanceStatus("i-0abc", "ACTIVE", 1792, 2048, 3500, 3800, List.of("like/t1")))));

        List<String> lines = out.toString().lines().map(String::stripTrailing).toList();
        assertTrue(lines.get(0).startsWith("SERVICE"), lines.toString());
        assertTrue(lines.get(1).matches("like\\s+EC2\\s+3\\s+repo/like@sha256:aaa\\s+1\\s+1\\s+0\\s+COMPLETED\\s+1 healthy, 1 draining\\s+http://alb/like"), lines.get(1));
        assertTrue(lines.get(2).matches("monolith\\s+not deployed(\\s+-)+"), lines.get(2));
        assertEquals("", lines.get(3));
        assertTrue(lines.get(4).matches("SERVICE\\s+TASK\\s+STATUS\\s+REV\\s+INSTANCE\\s+TARGET\\s+HEALTH"), lines.get(4));
        assertTrue(lines.get(5).matches("like\\s+t1\\s+RUNNING\\s+3\\s+i-0abc\\s+10.0.0.5:32768\\s+healthy"), lines.get(5));
        assertTrue(lines.get(6).matches("like(\\s+-){4}\\s+10.0.0.9:32769\\s+draining: Target.DeregistrationInProgress"), lines.get(6));
        assertEquals("", lines.get(7));
        assertTrue(lines.get(8).startsWith("INSTANCE"), lines.get(8));
        assertTrue(lines.get(9).matches("i-0abc\\s+ACTIVE\\s+1792/2048\\s+3500/3800\\s+like/t1"), lines.get(9));
        assertEquals(10, lines.size(), lines.toString());
    }

    @Test
    void text_withoutInstances_drawsNoInstanceTable() {
        new StatusRenderer(console(OutputFormat.TEXT)).render(result(List.of()));

        assertFalse(out.toString().contains("CPU FREE/TOTAL"), out.toString());
        assertTrue(out.toString().contains("HEALTH"), out.toString());
    }

    @Test
    void json_isTheListOfServices() {
        new StatusRenderer(console(OutputFormat.JSON)).render(result(List.of()));

        assertTrue(out.toString().stripLeading().startsWith("["), out.toString());
        assertTrue(out.toString().contains("\"service\" : \"like\""), out.toString());
    }
}
