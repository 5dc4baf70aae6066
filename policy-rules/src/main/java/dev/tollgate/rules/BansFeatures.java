package dev.tollgate.rules;

import dev.tollgate.api.facts.CrateFeaturesEntry;
import dev.tollgate.api.facts.EnabledFeatures;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Set arithmetic for the feature-ban rules of {@code rules/bans.drl} (cargo-deny's {@code [bans] features}
 * and default-features levels): the rules decide, these only compute lists.
 */
public final class BansFeatures {
    private BansFeatures() {
    }

    /**
     * The enabled features an entry's {@code allow} does not list, {@code default} left out when
     * {@code skipDefault} (the rules decide that: cargo-deny lets a default-features level other than
     * {@code deny} decide the default feature).
     */
    public static List<String> notAllowed(EnabledFeatures f, CrateFeaturesEntry e, boolean skipDefault) {
        List<String> out = new ArrayList<>();
        java.util.Set<String> allow = new java.util.HashSet<>(e.allow());
        for (String feature : f.enabled()) {
            if (allow.contains(feature)) continue;
            if (feature.equals("default") && skipDefault) continue;
            out.add(feature);
        }
        return out;
    }

    /**
     * Of {@link #notAllowed}, those no allowed feature enables, directly or through other plain features
     * of the crate (cargo-deny looks at the feature tree when {@code exact} is off).
     */
    public static List<String> notCovered(EnabledFeatures f, CrateFeaturesEntry e, boolean skipDefault) {
        List<String> out = new ArrayList<>();
        for (String feature : notAllowed(f, e, skipDefault)) {
            boolean covered = false;
            for (String allowed : e.allow()) {
                if (enables(f.declared(), allowed, feature, new HashSet<>())) {
                    covered = true;
                    break;
                }
            }
            if (!covered) out.add(feature);
        }
        return out;
    }

    private static boolean enables(Map<String, List<String>> declared, String parent, String feature, Set<String> seen) {
        if (!seen.add(parent)) return false;
        for (String item : declared.getOrDefault(parent, List.of())) {
            if (item.startsWith("dep:") || item.contains("/")) continue;
            if (item.equals(feature) || enables(declared, item, feature, seen)) return true;
        }
        return false;
    }

    /** The {@code allow} features of an entry that are not enabled. */
    public static List<String> missing(EnabledFeatures f, CrateFeaturesEntry e) {
        java.util.Set<String> enabled = new java.util.HashSet<>(f.enabled());
        return e.allow().stream().filter(a -> !enabled.contains(a)).toList();
    }

    /** The {@code deny} features of an entry that are enabled. */
    public static List<String> denied(EnabledFeatures f, CrateFeaturesEntry e) {
        java.util.Set<String> enabled = new java.util.HashSet<>(f.enabled());
        return e.deny().stream().filter(enabled::contains).toList();
    }

    /** The features an entry names ({@code allow}, then {@code deny}) that the crate does not have. */
    public static List<String> unknown(EnabledFeatures f, CrateFeaturesEntry e) {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>(); // linear in long lists
        for (String name : e.allow()) if (!f.declared().containsKey(name)) out.add(name);
        for (String name : e.deny()) if (!f.declared().containsKey(name)) out.add(name);
        return new ArrayList<>(out);
    }

    /** Whether an {@code exact} entry's allow set is exactly the enabled features. */
    public static boolean exactMatch(EnabledFeatures f, CrateFeaturesEntry e, boolean skipDefault) {
        return notAllowed(f, e, skipDefault).isEmpty() && missing(f, e).isEmpty();
    }
}
