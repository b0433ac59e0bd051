package dev.mysfits.workflow.diff;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonTextTest {
    @Test
    void keysAreSorted_atEveryLevel_arraysKeepTheirOrder_andEachValueIsALine() throws Exception {
        var node = new ObjectMapper().readTree("""
                {"b": {"z": 1, "a": "say \\"hi\\""}, "a": [3, 1, {"y": true, "x": null}], "c": [], "d": {}}
                """);

        assertEquals("""
                {
                  "a": [
                    3,
                    1,
                    {
                      "x": null,
                      "y": true
                    }
                  ],
                  "b": {
                    "a": "say \\"hi\\"",
                    "z": 1
                  },
                  "c": [],
                  "d": {}
                }
                """, JsonText.pretty(node));
    }
}
