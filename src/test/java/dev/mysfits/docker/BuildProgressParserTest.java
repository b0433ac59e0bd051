package dev.mysfits.docker;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BuildProgressParserTest {
    private final List<String> events = new ArrayList<>();
    private final BuildProgressParser parser = new BuildProgressParser(new BuildListener() {
        @Override
        public void stepStarted(BuildStep step) {
            events.add("start " + step);
        }

        @Override
        public void stepCached(BuildStep step) {
            events.add("cached " + step.number());
        }

        @Override
        public void output(String line) {
            events.add("out " + line);
        }
    });

    @Test
    void steps_cacheHits_andOutputAreReported_noiseIsDropped() {
        parser.accept("Step 1/3 : FROM debian:bookworm-slim\n");
        parser.accept(" ---> 347a978a0ad6\n");
        parser.accept("Step 2/3 : RUN apt-get update\n");
        parser.accept(" ---> Using cache\n ---> 1a2b3c\n");
        parser.accept("Step 3/3 : RUN echo hi\n ---> Running in 99f\n");
        parser.accept("hi\n");
        parser.accept("Removing intermediate container 99f\n ---> 77e\nSuccessfully built 77e\nSuccessfully tagged a:latest\n");
        parser.finish();

        assertEquals(List.of("start Step 1/3 : FROM debian:bookworm-slim", "start Step 2/3 : RUN apt-get update",
                "cached 2", "start Step 3/3 : RUN echo hi", "out hi"), events);
        assertEquals(1, parser.cachedSteps());
        assertEquals(3, parser.totalSteps());
    }

    @Test
    void linesSplitAcrossItems_areJoined() {
        parser.accept("Step 1/1 : RUN x\n");
        parser.accept("par");
        parser.accept("tial line\nnext");
        parser.finish();
        assertEquals(List.of("partial line", "next"), parser.tail());
    }

    @Test
    void tail_keepsLastLinesOfCurrentStepOnly() {
        parser.accept("Step 1/2 : RUN a\nfrom step one\n");
        parser.accept("Step 2/2 : RUN b\n");
        for (int i = 1; i <= 20; i++) {
            parser.accept("line " + i + "\n");
        }
        List<String> tail = parser.tail();
        assertEquals(BuildProgressParser.TAIL_LINES, tail.size());
        assertEquals("line 6", tail.get(0));
        assertEquals("line 20", tail.get(tail.size() - 1));
        assertEquals(2, parser.currentStep().number());
        assertEquals("RUN b", parser.currentStep().instruction());
    }

    @Test
    void carriageReturnProgress_keepsLastState() {
        parser.accept("Step 1/1 : RUN curl\n");
        parser.accept("10%\r50%\r100%\n");
        assertEquals(List.of("100%"), parser.tail());
    }

    @Test
    void beforeAnyStep_currentStepIsNull() {
        parser.accept("Sending build context\n");
        assertNull(parser.currentStep());
        assertEquals(0, parser.cachedSteps());
    }
}
