package dev.tollgate.inputs.cargo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The package ids facts use: {@code name@version}, which is what people write and what findings
 * quote, made unique by appending {@code " (source)"} only where two packages share name and version
 * (the same crate from a registry and from git, or two git revisions). Lockfile and metadata readers
 * share this so both give the same id to the same package.
 */
final class PackageIds {
    private PackageIds() {
    }

    /** One id per (name, version, raw source) triple, in the given order; {@code sources} may hold nulls. */
    static List<String> assign(List<String> names, List<String> versions, List<String> sources) {
        Map<String, Integer> counts = new HashMap<>();
        // String.concat and no lambdas: see CargoLockReader on cold-start costs.
        List<String> specs = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            String spec = names.get(i).concat("@").concat(versions.get(i));
            specs.add(spec);
            Integer seen = counts.get(spec);
            counts.put(spec, seen == null ? 1 : seen + 1);
        }
        List<String> ids = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            String spec = specs.get(i);
            ids.add(counts.get(spec) > 1 ? spec.concat(" (").concat(sourceLabel(sources.get(i))).concat(")") : spec);
        }
        return ids;
    }

    /** The raw source, or {@code local} for path packages, which have none. */
    static String sourceLabel(String rawSource) {
        return rawSource == null || rawSource.isEmpty() ? "local" : rawSource;
    }
}
