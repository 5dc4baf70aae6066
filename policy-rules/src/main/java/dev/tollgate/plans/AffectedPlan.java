package dev.tollgate.plans;

import dev.tollgate.api.PolicyEngine.Derivation;
import dev.tollgate.api.facts.Affected;
import dev.tollgate.api.facts.AffectsAll;
import dev.tollgate.api.facts.CrateChanged;
import dev.tollgate.api.facts.WorkspaceMember;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("all", all);
        root.put("changed", changed);
        root.put("affected", affected);
        root.put("reasons", reasons);
        root.put("allReasons", allReasons);
        return PlanJson.compact(root);
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
}
