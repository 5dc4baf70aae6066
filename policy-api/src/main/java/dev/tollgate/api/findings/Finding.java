package dev.tollgate.api.findings;

import dev.tollgate.api.facts.Location;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
        data = Data.of(data == null ? Map.of() : data);
    }

    /**
     * A finding's data: sorted by key, unmodifiable, and never a caller's map, so the methods that make a new
     * finding from this one ({@link #at}, {@link #about}, ...) take it as it is instead of copying it. A rule
     * firing once per config entry builds its finding through four or five of them; with 100,000 entries the
     * copies were half a million sorted maps.
     */
    private static final class Data extends AbstractMap<String, Object> {
        private static final Data EMPTY = new Data(new TreeMap<>());
        private final Map<String, Object> view;

        private Data(TreeMap<String, Object> own) {
            view = Collections.unmodifiableMap(own);
        }

        static Data of(Map<String, Object> m) {
            if (m instanceof Data d) return d;
            if (m.isEmpty()) return EMPTY;
            return new Data(new TreeMap<>(m));
        }

        Data with(String key, Object value) {
            TreeMap<String, Object> copy = new TreeMap<>(view);
            copy.put(key, value);
            return new Data(copy);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return view.entrySet();
        }

        @Override
        public Set<String> keySet() {
            return view.keySet();
        }

        @Override
        public Collection<Object> values() {
            return view.values();
        }

        @Override
        public Object get(Object key) {
            return view.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return view.containsKey(key);
        }

        @Override
        public int size() {
            return view.size();
        }
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
        Objects.requireNonNull(key, "key");
        Data more = Data.of(data).with(key, value instanceof Collection<?> c ? List.copyOf(c) : value);
        return new Finding(policy, code, severity, message, location, subject, isNew, more);
    }
}
