package dev.tollgate.api.findings;

import dev.tollgate.api.facts.Location;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One result of a rule. The shipped rules build findings with {@code Findings.of(drools, message)},
 * which reads the policy, code and default severity from the emitting rule's metadata, then the
 * {@code at/about/with} methods, each of which returns a new finding. {@link #of} names them
 * explicitly (kept for custom rules written before {@code Findings.of}).
 *
 * @param policy   the policy id ({@code sources}, {@code licenses}, ...)
 * @param code     stable kebab-case finding code, declared once in the rules (see {@link FindingCode})
 * @param location where it points (file relative to the repo root, 1-based line and column)
 * @param subject  what it is about: {@code name@version}, a {@code uses:} ref, a commit, ...
 * @param isNew    whether the change under review introduced it: true, false, or null when unknown
 * @param data     policy-specific details: strings, numbers, booleans, lists of those; kept sorted by key
 */
public record Finding(String policy, String code, Severity severity, String message, Location location,
                      String subject, Boolean isNew, Map<String, Object> data) {

    public Finding {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        location = location == null ? Location.NONE : location;
        data = Collections.unmodifiableMap(new TreeMap<>(data == null ? Map.of() : data));
    }

    public static Finding of(String policy, String code, Severity severity, String message) {
        return new Finding(policy, code, severity, message, Location.NONE, null, null, Map.of());
    }

    public Finding at(Location where) {
        return new Finding(policy, code, severity, message, where, subject, isNew, data);
    }

    public Finding about(String what) {
        return new Finding(policy, code, severity, message, location, what, isNew, data);
    }

    public Finding withNew(Boolean value) {
        return new Finding(policy, code, severity, message, location, subject, value, data);
    }

    public Finding withSeverity(Severity value) {
        return new Finding(policy, code, value, message, location, subject, isNew, data);
    }

    public Finding withMessage(String value) {
        return new Finding(policy, code, severity, value, location, subject, isNew, data);
    }

    /** The same finding reported under another policy (the config rules speak for the policy a setting belongs to). */
    public Finding withPolicy(String value) {
        return new Finding(value, code, severity, message, location, subject, isNew, data);
    }

    /** Adds one data entry; a null value is left out, a collection is copied as a list. */
    public Finding with(String key, Object value) {
        if (value == null) return this;
        TreeMap<String, Object> copy = new TreeMap<>(data);
        copy.put(key, value instanceof java.util.Collection<?> c ? List.copyOf(c) : value);
        return new Finding(policy, code, severity, message, location, subject, isNew, copy);
    }
}
