package dev.tollgate.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.api.CheckRequest;
import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.Tollgate;
import dev.tollgate.api.VerdictJson;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.findings.Severity;
import dev.tollgate.api.verdict.Verdict;
import dev.tollgate.fixtures.Corpus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The JSON contract did not change when its writer moved from the runner (Jackson) into policy-api
 * ({@link VerdictJson}, hand-written): the writer the runner had, kept here as the reference, and
 * {@code VerdictJson} give the same bytes for the demo's verdict and for findings built to be awkward
 * (every control character, quotes and backslashes, non-ASCII, nested data, doubles, NaN, empty values).
 */
class VerdictJsonContractTest {
    /** The runner's JsonReport before issue 17, on Jackson's generator and default pretty printer. */
    static String jackson(Verdict verdict, String version) throws IOException {
        Writer out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("tool", "tollgate");
            g.writeStringField("version", version);
            g.writeStringField("verdict", verdict.outcome().word());
            g.writeArrayFieldStart("policies");
            for (String p : verdict.policies()) g.writeString(p);
            g.writeEndArray();
            g.writeArrayFieldStart("findings");
            for (Finding f : verdict.findings()) {
                Location l = f.location();
                g.writeStartObject();
                g.writeStringField("policy", f.policy());
                g.writeStringField("code", f.code());
                g.writeStringField("severity", f.severity().word());
                g.writeStringField("message", f.message());
                g.writeStringField("file", l.file());
                g.writeFieldName("line");
                if (l.line() <= 0) g.writeNull();
                else g.writeNumber(l.line());
                g.writeFieldName("column");
                if (l.column() <= 0) g.writeNull();
                else g.writeNumber(l.column());
                g.writeStringField("subject", f.subject());
                g.writeFieldName("new");
                if (f.isNew() == null) g.writeNull();
                else g.writeBoolean(f.isNew());
                g.writeFieldName("data");
                JsonValues.write(g, f.data());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
        return out.toString();
    }

    @Test
    void awkwardFindingsAreWrittenAsJacksonWroteThem() throws IOException {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) controls.append(c);
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", List.of());
        nested.put("a\"b", Map.of());
        nested.put("n", null);
        nested.put("deep", Map.of("list", List.of(1, 2L, List.of("x", Map.of("k", true)))));
        List<Finding> findings = new ArrayList<>();
        findings.add(Finding.of("sources", "unknown-git", Severity.ERROR, "quote \" backslash \\ slash / " + controls
                        + " del \u007f é 😀 \u2028 end")
                .at(Location.of("Cargo.lock", 12, 3)).about("gizmo@0.3.0").withNew(true)
                .with("text", "tab\there").with("int", 42).with("long", 1L << 40).with("double", 2.5).with("float", 0.1f)
                .with("short", (short) 7).with("nan", Double.NaN).with("inf", Double.NEGATIVE_INFINITY).with("bool", false)
                .with("list", List.of("a", "b\nc")).with("empty", List.of()).with("map", nested).with("null", null)
                .with("other", new StringBuilder("to string")));
        findings.add(Finding.of("bans", "duplicate", Severity.WARNING, "no location, no subject").withNew(false));
        findings.add(Finding.of("config", "unknown-config-key", Severity.NOTE, "").at(Location.file("deny.toml")));
        for (Verdict v : List.of(Verdict.of(findings, Set.of("sources", "bans")), Verdict.of(List.of(), Set.of()),
                Verdict.of(List.of(findings.get(1)), Set.of("bans")))) {
            assertEquals(jackson(v, "1.2.3-\"odd\""), VerdictJson.toJson(v, "1.2.3-\"odd\""));
            // and it is JSON that says what the finding says
            JsonNode tree = new ObjectMapper().readTree(VerdictJson.toJson(v));
            assertEquals(v.findings().size(), tree.get("findings").size());
            if (!v.findings().isEmpty()) assertEquals(v.findings().get(0).message(), tree.get("findings").get(0).get("message").asText());
        }
    }

    @Test
    void theDemosVerdictIsWrittenAsJacksonWroteIt() throws IOException {
        var demo = Corpus.projectRoot().resolve("test-fixtures/demo");
        Verdict v = Tollgate.engine(EngineOptions.bundled())
                .check(CheckRequest.of(demo).withMetadata(demo.resolve("cargo-metadata.json")).withOffline(true));
        assertEquals(jackson(v, Tollgate.version()), VerdictJson.toJson(v));
    }
}
