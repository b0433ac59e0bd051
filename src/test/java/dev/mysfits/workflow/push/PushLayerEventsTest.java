package dev.mysfits.workflow.push;

import dev.mysfits.console.ConsoleEvents;
import dev.mysfits.console.Console;
import dev.mysfits.core.OutputFormat;
import dev.mysfits.docker.LayerProgress;
import dev.mysfits.docker.LayerProgress.State;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PushLayerEventsTest {

    @Test
    void offATerminal_eachLayerEndsOnce_evenWhenTheNextTagPushesItAgain() {
        StringWriter err = new StringWriter();
        long[] now = {0};
        Console console = new Console(new PrintWriter(new StringWriter()), new PrintWriter(err, true), false, false,
                OutputFormat.TEXT, () -> now[0] += 5_000);
        PushLayerEvents printer = new PushLayerEvents(new ConsoleEvents(console));

        for (String tag : List.of("latest", "abc1234")) {
            printer.layer(new LayerProgress("aaa", State.PREPARING, 0, 0));
            printer.layer(new LayerProgress("bbb", State.PREPARING, 0, 0));
            if (tag.equals("latest")) {
                printer.layer(new LayerProgress("aaa", State.PUSHING, 512, 1024));
                printer.layer(new LayerProgress("aaa", State.PUSHED, 1024, 1024));
            } else {
                printer.layer(new LayerProgress("aaa", State.EXISTS, 0, 0));
            }
            printer.layer(new LayerProgress("bbb", State.EXISTS, 0, 0));
        }

        List<String> lines = err.toString().lines().map(String::strip).toList();
        assertEquals(List.of("aaa: Preparing", "bbb: Preparing", "aaa: Pushing 0.5 kB / 1.0 kB", "aaa: Pushed 1.0 kB",
                "bbb: Layer already exists"), lines);
    }
}
