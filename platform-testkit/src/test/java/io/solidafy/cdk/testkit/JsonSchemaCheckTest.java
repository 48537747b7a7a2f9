package io.solidafy.cdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSchemaCheckTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    @Test
    void aRecordBreakingItsSchemaIsReportedWithItsLocation() throws Exception {
        JsonSchemaCheck check = JsonSchemaCheck.of(json("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}},\"required\":[\"n\"]}"));

        assertEquals(List.of(), check.problems(json("{\"n\":3,\"extra\":true}")));
        List<String> problems = check.problems(json("{\"n\":\"three\"}"));
        assertEquals(1, problems.size(), problems::toString);
        assertFalse(check.problems(json("{}")).isEmpty());
    }

    @Test
    void aSchemaThatIsNotASchemaIsRejected() throws Exception {
        assertThrows(AssertionError.class, () -> JsonSchemaCheck.of(json("{\"type\":\"objekt\"}")));
    }
}
