package dev.tollgate.engine;

import dev.tollgate.api.facts.Location;

import java.lang.reflect.RecordComponent;
import java.util.List;

/** How the engine's findings name the fact a rule was looking at: its type, subject and location. */
final class FactLabels {
    private static final List<String> SUBJECTS = List.of("id", "subject", "name", "key", "path");

    private FactLabels() {
    }

    record Described(String type, String subject, Location location) {
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(type);
            if (subject != null) s.append(' ').append(subject);
            if (location != null && location.isKnown()) s.append(" (").append(location).append(')');
            return s.toString();
        }
    }

    /** The first of {@code facts} that has a subject or a location, else the first; null for none. */
    static Described first(List<?> facts) {
        if (facts == null || facts.isEmpty()) return null;
        for (Object o : facts) {
            Described d = describe(o);
            if (d != null && (d.subject() != null || d.location() != null)) return d;
        }
        return describe(facts.get(0));
    }

    static Described describe(Object fact) {
        if (fact == null) return null;
        Class<?> c = fact.getClass();
        String subject = null;
        Location location = null;
        if (c.isRecord()) {
            try {
                for (String want : SUBJECTS) {
                    for (RecordComponent rc : c.getRecordComponents()) {
                        if (subject == null && rc.getName().equals(want) && rc.getType() == String.class) {
                            Object v = rc.getAccessor().invoke(fact);
                            if (v != null && !v.toString().isEmpty()) subject = v.toString();
                        }
                    }
                }
                for (RecordComponent rc : c.getRecordComponents()) {
                    if (location == null && rc.getType() == Location.class) {
                        Object v = rc.getAccessor().invoke(fact);
                        if (v instanceof Location l && l.isKnown()) location = l;
                    }
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // a fact that cannot be read is named by its type alone
            }
        }
        return new Described(c.getSimpleName(), subject, location);
    }
}
