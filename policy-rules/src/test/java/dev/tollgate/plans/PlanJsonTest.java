package dev.tollgate.plans;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The plans' one JSON writer writes what Jackson writes, compact and indented, without loading it. */
class PlanJsonTest {
    private static Object tree() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("name", "a\"b\\c\n\t\r\b\f\u0001\u001f é \u202e");
        inner.put("empty list", List.of());
        inner.put("empty map", Map.of());
        inner.put("flag", true);
        inner.put("count", 3);
        inner.put("missing", null);
        inner.put("nested", List.of(Map.of("k", List.of("x", "y")), List.of(1, 2)));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("crates", List.of(inner, Map.of("only", "one")));
        root.put("order", Arrays.asList("a", null, "c"));
        root.put("none", new ArrayList<>());
        return root;
    }

    @Test
    void compactIsJacksons() throws Exception {
        assertEquals(new ObjectMapper().writeValueAsString(tree()), PlanJson.compact(tree()));
    }

    @Test
    void prettyIsJacksonsIndentOutput() throws Exception {
        assertEquals(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree()),
                PlanJson.pretty(tree()));
    }

    @Test
    void quoteEscapesLikeJackson() throws Exception {
        String s = "\u0000\u0007\u007f\u2028 \"'/";
        assertEquals(new ObjectMapper().writeValueAsString(s), PlanJson.quote(s));
    }
}
