package dev.tollgate.inputs.releasejobs;

import dev.tollgate.api.facts.Location;
import dev.tollgate.api.facts.PathRule;
import dev.tollgate.api.facts.PublishJob;
import dev.tollgate.api.facts.ReleaseArtifact;
import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.denytoml.DenyTable;
import dev.tollgate.inputs.tollgate.TollgateToml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The release graph of {@code [release]} in tollgate.toml: {@code [release.artifacts.NAME]} (crates,
 * paths, build-job, targets) and {@code [release.publish.NAME]} (needs, job, announce). When neither
 * table is there, the RFC's graph for ZeroClaw: kernel-standard, kernel-hardware, gateway,
 * plugins-wasm and desktop, published by github-release, plugin-registry, aur, homebrew and scoop,
 * then announce. Other keys of {@code [release]} belong to the version plan.
 */
public final class ReleaseGraph {
    public static final List<String> KEYS = List.of("artifacts", "publish");
    static final List<String> ARTIFACT_KEYS = List.of("crates", "paths", "build-job", "targets");
    static final List<String> PUBLISH_KEYS = List.of("needs", "job", "announce");

    static final List<String> DESKTOP_TARGETS = List.of("x86_64-unknown-linux-gnu", "aarch64-apple-darwin",
            "x86_64-apple-darwin", "x86_64-pc-windows-msvc");
    static final List<String> KERNEL_TARGETS = List.of("x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu",
            "x86_64-apple-darwin", "aarch64-apple-darwin", "x86_64-pc-windows-msvc");

    /** The artifacts and publish jobs. */
    public record Graph(List<ReleaseArtifact> artifacts, List<PublishJob> publish, boolean defaults) {
        /** Artifact paths as path rules: such files make an artifact, so they change no crate and not everything. */
        public List<PathRule> pathRules() {
            List<PathRule> rules = new ArrayList<>();
            int order = 500;
            for (ReleaseArtifact a : artifacts) {
                if (a.paths().isEmpty()) continue;
                rules.add(new PathRule(order++, a.paths(), false, List.of(), "skip", "makes release artifact " + a.name(), a.origin()));
            }
            return rules;
        }
    }

    private ReleaseGraph() {
    }

    public static Graph read(TollgateToml settings) {
        DenyTable release = settings.section("release");
        DenyTable artifacts = release == null ? null : release.getTable("artifacts");
        DenyTable publish = release == null ? null : release.getTable("publish");
        if (artifacts == null && publish == null) return defaults();
        String file = settings.displayPath();
        Map<String, ReleaseArtifact> byName = new LinkedHashMap<>();
        if (artifacts != null) {
            for (String name : artifacts.keySet()) {
                DenyTable a = table(artifacts, name, file, "[release.artifacts]");
                Location at = artifacts.at(name);
                checkKeys(a, ARTIFACT_KEYS, file, "[release.artifacts." + name + "]");
                List<String> crates = a.strings("crates", file);
                List<String> paths = a.strings("paths", file);
                if (crates.isEmpty() && paths.isEmpty()) {
                    throw new InputException(file, at.line(), at.column(), "release artifact " + name + " needs `crates` or `paths`");
                }
                String job = a.getString("build-job");
                byName.put(name, new ReleaseArtifact(name, job == null ? "build-" + name : job, crates, paths,
                        a.strings("targets", file), at));
            }
        }
        List<PublishJob> jobs = new ArrayList<>();
        if (publish != null) {
            for (String name : publish.keySet()) {
                DenyTable p = table(publish, name, file, "[release.publish]");
                Location at = publish.at(name);
                checkKeys(p, PUBLISH_KEYS, file, "[release.publish." + name + "]");
                Boolean announce = p.getBoolean("announce");
                List<String> needs = p.strings("needs", file);
                for (String n : needs) {
                    if (!byName.containsKey(n)) {
                        Location k = p.at("needs");
                        throw new InputException(file, k.line(), k.column(), "publish job " + name + " needs `" + n
                                + "`, which is not a release artifact; known: " + String.join(", ", byName.keySet()));
                    }
                }
                boolean isAnnounce = announce != null && announce;
                if (isAnnounce && !needs.isEmpty()) {
                    Location k = p.at("needs");
                    throw new InputException(file, k.line(), k.column(), "announce job " + name
                            + " runs after every publish job that runs; it takes no `needs`");
                }
                if (!isAnnounce && needs.isEmpty()) {
                    throw new InputException(file, at.line(), at.column(), "publish job " + name + " needs at least one artifact (`needs`)");
                }
                String job = p.getString("job");
                jobs.add(new PublishJob(name, job == null ? (isAnnounce ? name : "publish-" + name) : job, needs, isAnnounce, at));
            }
        }
        return new Graph(List.copyOf(byName.values()), jobs, false);
    }

    /** The RFC's release graph (§5.2). */
    public static Graph defaults() {
        Location none = Location.NONE;
        List<ReleaseArtifact> artifacts = List.of(
                new ReleaseArtifact("kernel-standard", "build-kernel-standard", List.of("zeroclaw"), List.of(), KERNEL_TARGETS, none),
                new ReleaseArtifact("kernel-hardware", "build-kernel-hardware", List.of("zeroclaw", "zeroclaw-hardware"), List.of(),
                        List.of("aarch64-unknown-linux-gnu", "armv7-unknown-linux-gnueabihf"), none),
                new ReleaseArtifact("gateway", "build-gateway", List.of("zeroclaw-gateway"), List.of(),
                        List.of("x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu"), none),
                new ReleaseArtifact("plugins-wasm", "build-plugins-wasm", List.of(), List.of("plugins/**"), List.of("wasm32-wasip2"), none),
                new ReleaseArtifact("desktop", "build-desktop", List.of("zeroclaw-desktop"), List.of(), DESKTOP_TARGETS, none));
        List<PublishJob> publish = List.of(
                new PublishJob("github-release", "publish-github-release", List.of("kernel-standard", "kernel-hardware", "gateway", "desktop"), false, none),
                new PublishJob("plugin-registry", "publish-plugin-registry", List.of("plugins-wasm"), false, none),
                new PublishJob("aur", "publish-aur", List.of("kernel-standard"), false, none),
                new PublishJob("homebrew", "publish-homebrew", List.of("kernel-standard"), false, none),
                new PublishJob("scoop", "publish-scoop", List.of("kernel-standard"), false, none),
                new PublishJob("announce", "announce", List.of(), true, none));
        return new Graph(artifacts, publish, true);
    }

    private static DenyTable table(DenyTable parent, String key, String file, String where) {
        if (parent.get(List.of(key)) instanceof DenyTable t) return t;
        Location at = parent.at(key);
        throw new InputException(file, at.line(), at.column(), "`" + key + "` in " + where + " must be a table");
    }

    private static void checkKeys(DenyTable t, List<String> known, String file, String where) {
        for (String key : t.keySet()) {
            if (!known.contains(key)) {
                Location k = t.at(key);
                throw new InputException(file, k.line(), k.column(), "unknown key `" + key + "` in " + where + "; known: "
                        + String.join(", ", known));
            }
        }
    }
}
