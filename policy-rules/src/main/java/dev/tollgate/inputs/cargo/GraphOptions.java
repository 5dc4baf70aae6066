package dev.tollgate.inputs.cargo;

import dev.tollgate.api.facts.GraphConfig;
import dev.tollgate.api.facts.WorkspaceMember;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code [graph]} asks of the {@link InclusionGraph}: the features the members start from and the
 * targets whose dependencies count.
 *
 * <ul>
 *   <li>Features, as {@code cargo metadata --no-default-features --features ...} (which cargo-deny runs):
 *       each member starts from {@code default} unless {@code noDefaultFeatures}, plus each entry of
 *       {@code features}, either {@code member/feature} or a plain {@code feature}, which applies to every
 *       member that has such a feature. With {@code allFeatures} the member feature sets are all their
 *       features (the inclusion's {@code viaDefaults} still describes the start set without it: the rules
 *       read {@code all-features} themselves).</li>
 *   <li>Targets: with none, every dependency counts. Otherwise a dependency declared for a triple counts
 *       when that triple is listed, and one declared for {@code cfg(...)} when the expression is true (or
 *       cannot be decided, see {@link TargetCfg}) for some listed triple.</li>
 * </ul>
 */
public final class GraphOptions {
    public static final GraphOptions DEFAULT = new GraphOptions(false, false, List.of(), List.of(), Map.of());

    private final boolean noDefaultFeatures;
    private final boolean allFeatures;
    private final List<String> features;
    private final List<TargetTriples.Target> targets;
    private final Map<String, List<String>> targetFeatures;
    private final Map<String, Boolean> kept = new HashMap<>();

    public GraphOptions(boolean noDefaultFeatures, boolean allFeatures, List<String> features,
                        List<TargetTriples.Target> targets, Map<String, List<String>> targetFeatures) {
        this.noDefaultFeatures = noDefaultFeatures;
        this.allFeatures = allFeatures;
        this.features = List.copyOf(features);
        this.targets = List.copyOf(targets);
        this.targetFeatures = Map.copyOf(targetFeatures);
    }

    /** The options of a deny.toml {@code [graph]}; its targets were checked when it was read. */
    public static GraphOptions of(GraphConfig g) {
        List<TargetTriples.Target> targets = new ArrayList<>();
        for (String t : g.targets()) {
            targets.add(TargetTriples.lookup(t).orElseThrow(() -> new IllegalArgumentException("unknown target " + t)));
        }
        return new GraphOptions(g.noDefaultFeatures(), g.allFeatures(), g.features(), targets, g.targetFeatures());
    }

    /** Whether the inclusions are those of the plain default graph (nothing to recompute). */
    public boolean isDefault() {
        return !noDefaultFeatures && features.isEmpty() && targets.isEmpty();
    }

    public boolean allFeatures() {
        return allFeatures;
    }

    public boolean noDefaultFeatures() {
        return noDefaultFeatures;
    }

    /** The features {@code m} starts from, among {@code declared} (its feature names, implicit ones included). */
    List<String> start(WorkspaceMember m, Set<String> declared) {
        Set<String> out = new LinkedHashSet<>();
        if (!noDefaultFeatures) out.add("default");
        for (String f : features) {
            int slash = f.indexOf('/');
            if (slash > 0) {
                if (f.substring(0, slash).equals(m.name())) out.add(f.substring(slash + 1));
            } else if (declared.contains(f)) {
                out.add(f);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Whether a dependency declared for {@code target} ("" for every target) is in the graph.
     *
     * @throws IllegalArgumentException when targets are listed and {@code target} is a malformed cfg
     */
    public boolean keeps(String target) {
        if (target.isEmpty()) return true;
        Boolean k = kept.get(target);
        if (k == null) {
            k = decide(target);
            kept.put(target, k);
        }
        return k;
    }

    private boolean decide(String target) {
        if (!TargetCfg.isCfg(target)) {
            return targets.isEmpty() || targets.stream().anyMatch(t -> t.triple().equals(target));
        }
        if (targets.isEmpty()) {
            // cargo-deny drops an edge whose cfg is false without any predicate (serde's `cfg(any())`);
            // other expressions are not evaluated without targets (nor refused when malformed: Cargo's job).
            try {
                return TargetCfg.constant(TargetCfg.parse(target)).orElse(true);
            } catch (IllegalArgumentException e) {
                return true;
            }
        }
        TargetCfg.Expr expr = TargetCfg.parse(target);
        for (TargetTriples.Target t : targets) {
            if (TargetCfg.eval(expr, t, targetFeatures.getOrDefault(t.triple(), List.of())) != TargetCfg.Truth.FALSE) {
                return true;
            }
        }
        return false;
    }
}
