package dev.tollgate.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tollgate.api.Policies;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.findings.FindingCode;
import dev.tollgate.api.findings.Severity;
import dev.tollgate.api.verdict.Verdict;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * SARIF 2.1.0 for code scanning (GitHub uploads it with {@code github/codeql-action/upload-sarif}).
 * One {@code rule} per finding code of the policies that ran, with its doc and a help link; one
 * {@code result} per finding, located relative to the repository root ({@code %SRCROOT%}), with a
 * {@code partialFingerprints} entry that does not depend on line numbers, so an alert keeps its
 * identity when lines above it move and across runs.
 */
public final class SarifReport implements Report {
    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    /** The fingerprint's name; the suffix is its version, bumped if what it hashes ever changes. */
    static final String FINGERPRINT = "tollgateFinding/v1";
    static final String SRCROOT = "%SRCROOT%";

    private final ReportContext context;

    public SarifReport(ReportContext context) {
        this.context = context;
    }

    @Override
    public void write(Verdict verdict, Set<String> evaluated, Writer out) throws IOException {
        // The rules: every declared code of a policy that ran, and of the rules that belong to no
        // policy (configuration, engine); then any code a finding carries that is declared nowhere.
        Map<String, FindingCode> rules = new LinkedHashMap<>();
        for (FindingCode c : context.codes()) {
            if (evaluated.contains(c.policy()) || !Policies.isPolicy(c.policy())) rules.putIfAbsent(c.code(), c);
        }
        for (Finding f : verdict.findings()) {
            rules.computeIfAbsent(f.code(), code -> context.codes().stream().filter(c -> c.code().equals(code)).findFirst()
                    .orElse(new FindingCode(code, f.policy(), f.severity(), code, null, FindingCode.NO_URL)));
        }
        Map<String, Integer> index = new HashMap<>();
        for (String code : rules.keySet()) index.put(code, index.size());

        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();

            g.writeObjectFieldStart("tool");
            g.writeObjectFieldStart("driver");
            g.writeStringField("name", "Tollgate");
            g.writeStringField("version", context.version());
            g.writeStringField("informationUri", Reports.PROJECT_URL);
            g.writeArrayFieldStart("rules");
            for (FindingCode c : rules.values()) writeRule(g, c);
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();

            g.writeArrayFieldStart("results");
            Map<String, Integer> seen = new HashMap<>();
            for (Finding f : verdict.findings()) writeResult(g, f, index.get(f.code()), seen);
            g.writeEndArray();

            g.writeObjectFieldStart("properties");
            g.writeStringField("verdict", verdict.outcome().word());
            g.writeArrayFieldStart("policies");
            for (String p : evaluated.stream().sorted().toList()) g.writeString(p);
            g.writeEndArray();
            g.writeEndObject();

            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void writeRule(JsonGenerator g, FindingCode c) throws IOException {
        String help = Reports.helpUri(c);
        g.writeStartObject();
        g.writeStringField("id", c.code());
        g.writeObjectFieldStart("shortDescription");
        g.writeStringField("text", c.doc());
        g.writeEndObject();
        g.writeObjectFieldStart("fullDescription");
        g.writeStringField("text", c.doc());
        g.writeEndObject();
        if (help != null) {
            g.writeStringField("helpUri", help);
            g.writeObjectFieldStart("help");
            g.writeStringField("text", c.doc() + " See " + help);
            g.writeStringField("markdown", c.doc() + " See [`" + c.code() + "` in the " + c.policy() + " docs](" + help + ").");
            g.writeEndObject();
        }
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", level(c.severity()));
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeStringField("policy", c.policy());
        g.writeArrayFieldStart("tags");
        g.writeString("tollgate");
        g.writeString(c.policy());
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private void writeResult(JsonGenerator g, Finding f, int ruleIndex, Map<String, Integer> seen) throws IOException {
        Location l = f.location();
        String relative = RepoFiles.relative(l.file(), context.repoRoot());
        g.writeStartObject();
        g.writeStringField("ruleId", f.code());
        g.writeNumberField("ruleIndex", ruleIndex);
        g.writeStringField("level", level(f.severity()));
        g.writeObjectFieldStart("message");
        g.writeStringField("text", f.message());
        g.writeEndObject();
        if (l.file() != null) {
            g.writeArrayFieldStart("locations");
            g.writeStartObject();
            g.writeObjectFieldStart("physicalLocation");
            g.writeObjectFieldStart("artifactLocation");
            if (relative != null) {
                g.writeStringField("uri", uri(relative));
                g.writeStringField("uriBaseId", SRCROOT);
            } else {
                g.writeStringField("uri", Path.of(l.file()).toAbsolutePath().normalize().toUri().toString());
            }
            g.writeEndObject();
            if (l.line() > 0) {
                g.writeObjectFieldStart("region");
                g.writeNumberField("startLine", l.line());
                if (l.column() > 0) g.writeNumberField("startColumn", l.column());
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField(FINGERPRINT, fingerprint(f, relative, seen));
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeStringField("policy", f.policy());
        if (f.subject() != null) g.writeStringField("subject", f.subject());
        if (f.isNew() != null) g.writeBooleanField("new", f.isNew());
        if (!f.data().isEmpty()) {
            g.writeFieldName("data");
            JsonValues.write(g, f.data());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /**
     * What identifies a finding across runs: its policy, code, file and subject (the message when it
     * has no subject), never its line; identical keys are told apart by their order of appearance.
     */
    static String fingerprint(Finding f, String relativeFile, Map<String, Integer> seen) {
        String key = f.policy() + '\u0000' + f.code() + '\u0000' + (relativeFile == null ? String.valueOf(f.location().file()) : relativeFile)
                + '\u0000' + (f.subject() != null ? f.subject() : f.message());
        int n = seen.merge(key, 1, Integer::sum);
        String input = key + '\u0000' + n;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(32);
            for (int i = 0; i < 16; i++) hex.append(Character.forDigit((hash[i] >> 4) & 0xf, 16)).append(Character.forDigit(hash[i] & 0xf, 16));
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A relative path as a URI reference: each segment percent-encoded where URIs need it. */
    static String uri(String relative) {
        try {
            // A colon in the first segment would read as a scheme: "./" keeps it a relative path.
            String first = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : relative;
            return new URI(null, null, first.contains(":") ? "./" + relative : relative, null).getRawPath();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a path: " + relative, e);
        }
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "note";
        };
    }
}
