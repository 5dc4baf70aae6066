package dev.tollgate.scenarios;

import dev.tollgate.api.findings.Finding;
import dev.tollgate.api.findings.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A finding a scenario expects (or forbids). Every field is optional except {@code code}; a field
 * left out matches anything. {@code at} is {@code FILE}, {@code FILE:LINE} or {@code FILE:LINE:COLUMN};
 * {@code message} matches when the finding's message contains it.
 */
public record Expectation(String code, String subject, Severity severity, String policy, String at, String message,
                          String file, int line) {

    private static final Set<String> KEYS = Set.of("code", "subject", "severity", "policy", "at", "message");

    public boolean matches(Finding f) {
        if (code != null && !code.equals(f.code())) return false;
        if (subject != null && !subject.equals(f.subject())) return false;
        if (severity != null && severity != f.severity()) return false;
        if (policy != null && !policy.equals(f.policy())) return false;
        if (message != null && !f.message().contains(message)) return false;
        if (at != null) {
            String loc = f.location().toString();
            if (!(loc.equals(at) || loc.startsWith(at + ":"))) return false;
        }
        return true;
    }

    /** {@code code}, or {@code code subject}, or a mapping of the fields. */
    static Expectation read(Node n) {
        if (n.isScalar()) {
            String[] parts = n.text().trim().split("\\s+", 2);
            return new Expectation(parts[0], parts.length > 1 ? parts[1] : null, null, null, null, null, n.file(), n.line());
        }
        Map<String, Node> m = n.map();
        for (Map.Entry<String, Node> e : m.entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                throw e.getValue().error("unknown key `" + e.getKey() + "` in an expected finding" + Suggest.suffix(e.getKey(), KEYS)
                        + "; use code, subject, severity, policy, at, message");
            }
        }
        if (m.get("code") == null) throw n.error("an expected finding needs a `code`");
        Severity sev = null;
        if (m.get("severity") != null) {
            sev = Severity.parse(m.get("severity").text());
            if (sev == null) throw m.get("severity").error("severity is error, warning or note; found " + m.get("severity").describe());
        }
        return new Expectation(text(m, "code"), text(m, "subject"), sev, text(m, "policy"), text(m, "at"), text(m, "message"),
                n.file(), n.line());
    }

    private static String text(Map<String, Node> m, String key) {
        Node v = m.get(key);
        return v == null || v.value() == null ? null : v.text();
    }

    /** One line, in the same shape as {@link #describe(Finding)}, for diffs. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(severity == null ? "*" : severity.word());
        parts.add(code);
        parts.add(subject == null ? "*" : subject);
        if (policy != null) parts.add("policy=" + policy);
        if (at != null) parts.add("at " + at);
        if (message != null) parts.add("message~\"" + message + "\"");
        return String.join(" ", parts);
    }

    public static String describe(Finding f) {
        String s = f.severity().word() + " " + f.code() + " " + (f.subject() == null ? "-" : f.subject());
        if (f.location().isKnown()) s += " at " + f.location();
        return s;
    }
}
