package dev.tollgate.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.verdict.Verdict;

import java.io.IOException;
import java.io.Writer;
import java.util.Set;

/**
 * The JSON contract other tools build on:
 * {@code {"tool","version","verdict","findings":[{"policy","code","severity","message","file","line",
 * "column","subject","new","data"}]}}. Absent values are null. Keys may be added, never renamed.
 */
public final class JsonReport implements Report {
    private final String version;

    public JsonReport(String version) {
        this.version = version;
    }

    @Override
    public void write(Verdict verdict, Set<String> evaluated, Writer out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("tool", "tollgate");
            g.writeStringField("version", version);
            g.writeStringField("verdict", verdict.outcome().word());
            g.writeArrayFieldStart("policies");
            for (String p : evaluated.stream().sorted().toList()) g.writeString(p);
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
                writeInt(g, "line", l.line());
                writeInt(g, "column", l.column());
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
    }

    private static void writeInt(JsonGenerator g, String name, int value) throws IOException {
        g.writeFieldName(name);
        if (value <= 0) g.writeNull();
        else g.writeNumber(value);
    }
}
