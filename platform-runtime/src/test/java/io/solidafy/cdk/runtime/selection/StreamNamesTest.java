package io.solidafy.cdk.runtime.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StreamNamesTest {

    @Test
    void commasSeparateUnlessEscaped() {
        assertEquals(List.of("a", "b", "public.x,y", "c\\d", "e\\"),
                StreamNames.parse(List.of("a, b,,public.x\\,y", "c\\\\d", "e\\\\,a")));
    }

    @Test
    void quoteIsTheInverseOfParse() {
        for (String name : List.of("plain", "x,y", "back\\slash", "both\\,")) {
            assertEquals(List.of(name), StreamNames.parse(List.of(StreamNames.quote(name))));
        }
    }

    @Test
    void aLoneBackslashIsKept() {
        assertEquals(List.of("a\\b"), StreamNames.parse(List.of("a\\b")));
    }
}
