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
 * @param severity how much it weighs in the verdict: any {@link Severity#ERROR} fails the gate
 * @param message  what is wrong and what to do, for people
 * @param location where it points (file relative to the repo root, 1-based line and column);
 *                 {@link Location#NONE} when it points nowhere
 * @param subject  what it is about: {@code name@version}, a {@code uses:} ref, a commit, ...; null when
 *                 about nothing in particular
 * @param isNew    whether the change under review introduced it: true, false, or null when unknown
 * @param data     policy-specific details: strings, numbers, booleans, lists of those; kept sorted by key;
 *                 unmodifiable, empty when there are none
 */
public record Finding(String policy, String code, Severity severity, String message, Location location,
                      String subject, Boolean isNew, Map<String, Object> data) {

    /**
     * A finding; {@code data} is copied.
     *
     * @param policy   the policy id
     * @param code     the finding code
     * @param severity the severity
     * @param message  the message
     * @param location where it points; null: {@link Location#NONE}
     * @param subject  what it is about; may be null
     * @param isNew    whether the change introduced it; null when unknown
     * @param data     details; null: none
     * @throws NullPointerException {@code policy}, {@code code}, {@code severity} or {@code message} is null,
     *                              or {@code data} has a null key
     */
    public Finding {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        location = location == null ? Location.NONE : location;
        data = Collections.unmodifiableMap(new TreeMap<>(data == null ? Map.of() : data));
    }

    /**
     * A finding that points nowhere, about nothing, with no data; add those with the methods below.
     *
     * @param policy   the policy id
     * @param code     the finding code, declared by some rule ({@link FindingCode}); an undeclared one is
     *                 reported as an {@code undeclared-code} error instead
     * @param severity the severity
     * @param message  what is wrong and what to do, for people
     * @return the finding, its {@link #isNew} null
     * @throws NullPointerException an argument is null
     */
    public static Finding of(String policy, String code, Severity severity, String message) {
        return new Finding(policy, code, severity, message, Location.NONE, null, null, Map.of());
    }

    /**
     * The same finding at another place.
     *
     * @param where where it points; null: {@link Location#NONE}
     * @return a new finding; this one is unchanged
     */
    public Finding at(Location where) {
        return new Finding(policy, code, severity, message, where, subject, isNew, data);
    }

    /**
     * The same finding about another subject.
     *
     * @param what {@code name@version}, a {@code uses:} ref, a commit, ...; null: about nothing in particular
     * @return a new finding; this one is unchanged
     */
    public Finding about(String what) {
        return new Finding(policy, code, severity, message, location, what, isNew, data);
    }

    /**
     * The same finding, saying whether the change under review introduced it.
     *
     * @param value true, false, or null when unknown
     * @return a new finding; this one is unchanged
     */
    public Finding withNew(Boolean value) {
        return new Finding(policy, code, severity, message, location, subject, value, data);
    }

    /**
     * The same finding at another severity (a setting that makes a code a warning, say).
     *
     * @param value the severity
     * @return a new finding; this one is unchanged
     * @throws NullPointerException {@code value} is null
     */
    public Finding withSeverity(Severity value) {
        Objects.requireNonNull(value, "value");
        return new Finding(policy, code, value, message, location, subject, isNew, data);
    }

    /**
     * The same finding with another message.
     *
     * @param value what is wrong and what to do, for people
     * @return a new finding; this one is unchanged
     * @throws NullPointerException {@code value} is null
     */
    public Finding withMessage(String value) {
        Objects.requireNonNull(value, "value");
        return new Finding(policy, code, severity, value, location, subject, isNew, data);
    }

    /**
     * The same finding reported under another policy (the config rules speak for the policy a setting belongs to).
     *
     * @param value the policy id
     * @return a new finding; this one is unchanged
     * @throws NullPointerException {@code value} is null
     */
    public Finding withPolicy(String value) {
        Objects.requireNonNull(value, "value");
        return new Finding(value, code, severity, message, location, subject, isNew, data);
    }

    /**
     * Adds one data entry; a null value is left out, a collection is copied as a list.
     *
     * @param key   the entry's name, camelCase by convention (e.g. {@code replacedBy}); an existing entry of
     *              that name is replaced
     * @param value a string, number, boolean, or a collection of those; null: no entry
     * @return a new finding with the entry, or this one when {@code value} is null
     * @throws NullPointerException {@code key} is null, or a collection {@code value} contains null
     */
    public Finding with(String key, Object value) {
        Objects.requireNonNull(key, "key");
        if (value == null) return this;
        TreeMap<String, Object> copy = new TreeMap<>(data);
        copy.put(key, value instanceof java.util.Collection<?> c ? List.copyOf(c) : value);
        return new Finding(policy, code, severity, message, location, subject, isNew, copy);
    }
}
