package dev.mysfits.aws.logs;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CloudWatchLogReaderTest {
    @Test
    void taskId_isLastSegmentOfAwslogsStreamName() {
        assertEquals("0123456789abcdef0123456789abcdef",
                CloudWatchLogReader.taskId("monolith/monolith/0123456789abcdef0123456789abcdef"));
        assertNull(CloudWatchLogReader.taskId("some-other-stream"));
        assertNull(CloudWatchLogReader.taskId(null));
    }
}
