package dev.tollgate.inputs.affected;

import dev.tollgate.api.PolicyEngine.Derivation;
import dev.tollgate.api.facts.Affected;
import dev.tollgate.api.facts.AffectsAll;
import dev.tollgate.api.facts.CrateChanged;
import dev.tollgate.api.facts.WorkspaceMember;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The affected-crates plan as the rules derived it, read from the session's facts: whether
 * everything is affected, the crates changed directly, the affected set and one reason per crate.
 */
public record AffectedPlan(boolean all, List<String> allReasons, List<String> changed, List<String> affected,
                           Map<String, String> reasons, int members) {

    public static AffectedPlan of(Derivation d) {
        TreeSet<String> allReasons = new TreeSet<>();
        for (AffectsAll a : d.all(AffectsAll.class)) allReasons.add(a.reason());
        TreeSet<String> changed = new TreeSet<>();
        for (CrateChanged c : d.all(CrateChanged.class)) changed.add(c.crate());
        Map<String, String> reasons = new TreeMap<>();
        for (Affected a : d.all(Affected.class)) reasons.putIfAbsent(a.crate(), a.reason());
        int members = d.all(WorkspaceMember.class).size();
        return new AffectedPlan(!allReasons.isEmpty(), List.copyOf(allReasons), List.copyOf(changed),
                List.copyOf(reasons.keySet()), reasons, members);
    }

    /** {@code {"all":…,"changed":[…],"affected":[…],"reasons":{…},"allReasons":[…]}}. */
    public String toJson() {
        StringBuilder s = new StringBuilder("{\"all\":").append(all).append(",\"changed\":");
        array(s, changed);
        s.append(",\"affected\":");
        array(s, affected);
        s.append(",\"reasons\":{");
        boolean first = true;
        for (Map.Entry<String, String> e : reasons.entrySet()) {
            if (!first) s.append(',');
            first = false;
            s.append(quote(e.getKey())).append(':').append(quote(e.getValue()));
        }
        s.append("},\"allReasons\":");
        array(s, allReasons);
        return s.append('}').toString();
    }

    /** The arguments of {@code cargo nextest run}: {@code --workspace}, {@code -p a -p b}, or none when nothing is affected. */
    public List<String> nextestArgs() {
        if (all) return List.of("--workspace");
        List<String> args = new ArrayList<>();
        for (String c : affected) {
            args.add("-p");
            args.add(c);
        }
        return args;
    }

    public static void array(StringBuilder s, List<String> items) {
        s.append('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) s.append(',');
            s.append(quote(items.get(i)));
        }
        s.append(']');
    }

    public static String quote(String v) {
        StringBuilder s = new StringBuilder("\"");
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) s.append(String.format("\\u%04x", (int) c));
                    else s.append(c);
                }
            }
        }
        return s.append('"').toString();
    }
}
