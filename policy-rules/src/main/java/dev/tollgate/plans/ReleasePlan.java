package dev.tollgate.plans;

import dev.tollgate.inputs.versions.ReleaseFacts;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.facts.BumpNeed;
import dev.tollgate.api.facts.Commit;
import dev.tollgate.api.facts.ConventionalCommit;
import dev.tollgate.api.facts.CrateBump;
import dev.tollgate.api.facts.CrateChange;
import dev.tollgate.api.facts.ReleaseCrate;
import dev.tollgate.api.findings.Finding;
import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.cargo.VersionReq.Version;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A release plan: what the version rules decided ({@link CrateBump} per crate), with the next
 * versions computed, the crates in publish order, and the plan printed as JSON or as Keep a
 * Changelog Markdown. Nothing here decides an increment.
 */
public record ReleasePlan(List<CratePlan> crates, List<String> publishOrder, List<Finding> findings) {
    // publishOrder: every released crate, dependencies first; CratePlan.publish says which go to a registry
    /** The types the derived facts come in; pass them to {@code PolicyEngine.evaluate}. */

    /** One crate to release. */
    public record CratePlan(String name, String current, String next, String bump, String reason, String baseline,
                            boolean publish, List<ConventionalCommit> commits, List<String> dependencyReasons) {
    }

    public static ReleasePlan of(ReleaseFacts.Input in, PolicyEngine.Derivation eval) {
        Map<String, CrateBump> bumps = new TreeMap<>();
        for (CrateBump b : eval.all(CrateBump.class)) bumps.put(b.crate(), b);
        Map<String, List<String>> depReasons = new TreeMap<>();
        for (CrateChange c : eval.all(CrateChange.class)) {
            if (c.kind().equals("dependency")) depReasons.computeIfAbsent(c.crate(), k -> new ArrayList<>()).add(c.reason());
        }
        List<String> order = publishOrder(in.crates().keySet(), in.deps());
        List<CratePlan> plans = new ArrayList<>();
        for (String name : order) {
            CrateBump b = bumps.get(name);
            if (b == null) continue;
            ReleaseCrate crate = in.crates().get(name);
            Version next = Version.tryParse(crate.version()).next(b.level().word());
            List<ConventionalCommit> commits = new ArrayList<>();
            for (Commit c : in.commits().getOrDefault(name, List.of())) commits.add(in.parsed().get(c.sha()));
            plans.add(new CratePlan(name, crate.version(), next.toString(), b.level().word(), b.reason(), crate.baselineTag(),
                    !in.unpublished().contains(name), commits, depReasons.getOrDefault(name, List.of())));
        }
        List<String> publish = plans.stream().map(CratePlan::name).toList();
        return new ReleasePlan(plans, publish, eval.verdict().findings());
    }

    /**
     * Dependencies before dependents; ties in name order. A cycle is an input error naming it.
     */
    static List<String> publishOrder(Set<String> crates, Map<String, Set<String>> deps) {
        List<String> out = new ArrayList<>();
        Map<String, Integer> state = new TreeMap<>(); // 1 visiting, 2 done
        for (String c : new java.util.TreeSet<>(crates)) visit(c, deps, state, new ArrayList<>(), out);
        return out;
    }

    private static void visit(String c, Map<String, Set<String>> deps, Map<String, Integer> state, List<String> stack, List<String> out) {
        Integer s = state.get(c);
        if (s != null && s == 2) return;
        if (s != null && s == 1) {
            List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(c), stack.size()));
            cycle.add(c);
            throw InputException.at("Cargo.toml", "dependency cycle among workspace crates: " + String.join(" -> ", cycle)
                    + "; no publish order exists (break the cycle, or make one edge a dev-dependency)");
        }
        state.put(c, 1);
        stack.add(c);
        for (String d : deps.getOrDefault(c, Set.of())) visit(d, deps, state, stack, out);
        stack.remove(stack.size() - 1);
        state.put(c, 2);
        out.add(c);
    }

    // ---- JSON ----------------------------------------------------------------------------------------

    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Object> crateList = new ArrayList<>();
        for (CratePlan p : crates) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", p.name());
            c.put("current", p.current());
            c.put("next", p.next());
            c.put("bump", p.bump());
            c.put("reason", p.reason());
            c.put("baseline", p.baseline().isEmpty() ? null : p.baseline());
            c.put("publish", p.publish());
            List<Object> commits = new ArrayList<>();
            for (ConventionalCommit cc : p.commits()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("sha", cc.sha());
                m.put("header", cc.header());
                m.put("type", cc.conventional() ? cc.typeLower() : null);
                m.put("scope", cc.scope().isEmpty() ? null : cc.scope());
                m.put("breaking", cc.conventional() && cc.breaking());
                commits.add(m);
            }
            c.put("commits", commits);
            c.put("dependencies", p.dependencyReasons());
            crateList.add(c);
        }
        root.put("crates", crateList);
        root.put("publishOrder", publishOrder);
        List<Object> fs = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", f.code());
            m.put("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT));
            m.put("message", f.message());
            m.put("subject", f.subject());
            fs.add(m);
        }
        root.put("findings", fs);
        return PlanJson.pretty(root) + "\n";
    }

    // ---- Keep a Changelog ----------------------------------------------------------------------------

    /** Section of a conventional type; null for no entry (chore, docs and the other housekeeping types). */
    static String section(ConventionalCommit c) {
        if (!c.conventional()) return "Other";
        return switch (c.typeLower()) {
            case "feat" -> "Added";
            case "fix" -> "Fixed";
            case "perf" -> "Performance";
            case "security" -> "Security";
            default -> c.breaking() ? "Changed" : null;
        };
    }

    static final List<String> SECTIONS = List.of("Added", "Changed", "Fixed", "Performance", "Security", "Other");

    /** One Markdown document: a {@code ## [next] - date} part per crate. */
    public String toChangelog(String date) {
        StringBuilder out = new StringBuilder("# Changelog\n\n");
        out.append("All notable changes, by crate. The format is based on [Keep a Changelog](https://keepachangelog.com/en/1.1.0/).\n");
        String day = date == null || date.length() < 10 ? "unreleased" : date.substring(0, 10);
        for (CratePlan p : crates) {
            out.append("\n## ").append(p.name()).append(" [").append(p.next()).append("] - ").append(day).append("\n");
            Map<String, List<String>> bySection = new LinkedHashMap<>();
            for (String s : SECTIONS) bySection.put(s, new ArrayList<>());
            // breaking entries first in each section, marked
            for (boolean breakingPass : new boolean[] {true, false}) {
                for (ConventionalCommit c : p.commits()) {
                    boolean breaking = c.conventional() && c.breaking();
                    if (breaking != breakingPass) continue;
                    String s = section(c);
                    if (s == null) continue;
                    bySection.get(s).add(entry(c, breaking));
                }
            }
            for (String r : p.dependencyReasons()) bySection.get("Changed").add("- Updated dependencies: " + r.replace("depends on ", ""));
            if (p.bump().equals("initial")) bySection.get("Added").add(0, "- First release.");
            boolean any = false;
            for (Map.Entry<String, List<String>> e : bySection.entrySet()) {
                if (e.getValue().isEmpty()) continue;
                any = true;
                out.append("\n### ").append(e.getKey()).append("\n\n");
                for (String line : e.getValue()) out.append(line).append("\n");
            }
            if (!any) out.append("\nNo user-facing changes (").append(p.reason()).append(").\n");
        }
        return out.toString();
    }

    private static String entry(ConventionalCommit c, boolean breaking) {
        StringBuilder s = new StringBuilder("- ");
        if (breaking) s.append("**BREAKING** ");
        if (!c.conventional()) {
            s.append(c.header());
        } else {
            if (!c.scope().isEmpty()) s.append("**").append(c.scope()).append(":** ");
            s.append(c.description());
            if (breaking) {
                for (ConventionalCommit.Footer f : c.footers()) {
                    if (f.isBreaking()) s.append(" — ").append(f.value().replace('\n', ' '));
                }
            }
        }
        String sha = c.sha().length() > 7 ? c.sha().substring(0, 7) : c.sha();
        return s.append(" (").append(sha).append(")").toString();
    }
}
