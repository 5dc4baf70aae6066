package dev.tollgate.inputs.bans;

import dev.tollgate.api.facts.CrateList;
import dev.tollgate.api.facts.BuildBypass;
import dev.tollgate.api.facts.BuildBypassPath;
import dev.tollgate.api.facts.BuildConfig;
import dev.tollgate.api.facts.BuildCrate;
import dev.tollgate.api.facts.BuildFile;
import dev.tollgate.api.facts.CrateMatch;
import dev.tollgate.api.facts.CrateSpecEntry;
import dev.tollgate.api.facts.DependencyEdge;
import dev.tollgate.api.facts.LockedPackage;
import dev.tollgate.inputs.cargo.CargoWorkspace;
import dev.tollgate.inputs.cargo.PackageMeta;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facts of {@code [bans.build]}: the settings, the spec matches of {@code allow-build-scripts} and
 * {@code bypass}, one {@link BuildCrate} per package of {@code cargo metadata}, and a {@link BuildFile} for each
 * file of a crate in scope that some check looks at. Without metadata only the settings are given (with
 * {@code metadata = false}), and the rules say that nothing could be checked.
 *
 * <p>Scope is cargo-deny's: a crate with a build script or a proc-macro; with {@code include-dependencies} also
 * every crate that such a crate depends on, directly or not; workspace members only with
 * {@code include-workspace}. Files are read only for crates in scope, and only when {@code executables} is not
 * {@code allow} (cargo-deny scans nothing then). Cost: one walk per crate in scope, bounded by
 * {@link BuildScan#MAX_FILES}; at most 256 bytes of each file, and a full read only of the files a bypass gives a
 * checksum for.
 */
public final class BuildFacts {
    private BuildFacts() {
    }

    public static List<Object> build(BuildReader.Build build, CargoWorkspace ws) {
        List<Object> facts = new ArrayList<>();
        BuildConfig config = build.config().withMetadata(ws.hasMetadata());
        facts.add(config);
        facts.addAll(build.entries());
        facts.addAll(build.bypasses());
        facts.addAll(build.paths());
        List<CrateSpecEntry> entries = build.entries();
        for (LockedPackage p : ws.packages()) {
            for (int i = 0; i < entries.size(); i++) {
                if (build.specs().get(i).matches(p.name(), p.version())) {
                    facts.add(new CrateMatch(entries.get(i).list(), entries.get(i).index(), p.id()));
                }
            }
        }
        if (!ws.hasMetadata()) return facts;

        Map<String, PackageMeta> meta = ws.metadata();
        Set<String> atBuildTime = new HashSet<>();
        for (LockedPackage p : ws.packages()) {
            PackageMeta m = meta.get(p.id());
            if (m != null && (m.buildScript() != null || m.procMacro())) atBuildTime.add(p.id());
        }
        Set<String> dependencies = new HashSet<>();
        if (config.includeDependencies()) {
            // Everything a compile-time crate reaches through its dependencies (cargo-deny asks the reverse: does
            // some crate depending on this one, directly or not, run at compile time).
            Map<String, List<String>> out = new HashMap<>();
            for (DependencyEdge e : ws.edges()) out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
            ArrayDeque<String> queue = new ArrayDeque<>(atBuildTime);
            dependencies.addAll(atBuildTime);
            while (!queue.isEmpty()) {
                for (String to : out.getOrDefault(queue.poll(), List.of())) {
                    if (dependencies.add(to)) queue.add(to);
                }
            }
        }
        for (LockedPackage p : ws.packages()) {
            PackageMeta m = meta.get(p.id());
            if (m == null) continue;
            boolean runs = atBuildTime.contains(p.id());
            boolean inScope = (config.includeWorkspace() || !p.member())
                    && (runs || (config.includeDependencies() && dependencies.contains(p.id())));
            String manifest = m.manifestPath() == null ? "" : m.manifestPath();
            Path dir = manifest.isEmpty() ? null : Path.of(manifest).getParent();
            boolean here = dir != null && dir.isAbsolute() && Files.isDirectory(dir);
            int bypass = -1;
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).list() == CrateList.BUILD_BYPASS && build.specs().get(i).matches(p.name(), p.version())) {
                    bypass = entries.get(i).index();
                    break;
                }
            }
            BuildBypass by = bypass < 0 ? null : build.bypasses().get(bypass);
            String scriptRel = "";
            String scriptSha = "";
            if (m.buildScript() != null && !m.buildScript().isEmpty()) {
                Path script = Path.of(m.buildScript());
                scriptRel = dir != null && script.startsWith(dir) ? dir.relativize(script).toString().replace('\\', '/') : m.buildScript();
                if (here && inScope && by != null && !by.buildScript().isEmpty()) {
                    try {
                        scriptSha = BuildScan.sha256(script);
                    } catch (IOException e) {
                        scriptSha = "";
                    }
                }
            }
            int scanned = 0;
            if (here && inScope && config.scans()) {
                scanned = scan(p.id(), dir, config, bypass, build, facts);
            }
            facts.add(new BuildCrate(p.id(), m.buildScript() != null, m.procMacro(), p.member(), inScope, here,
                    dir == null ? "" : dir.toString(), scriptRel, scriptSha, m.features(), bypass, scanned));
        }
        return facts;
    }

    /** Walks one crate and adds a {@link BuildFile} for each file some check looks at; returns how many files. */
    private static int scan(String id, Path dir, BuildConfig config, int bypass, BuildReader.Build build, List<Object> facts) {
        List<BuildBypassPath> paths = bypass < 0 ? List.of()
                : build.paths().stream().filter(bp -> bp.bypass() == bypass).toList();
        List<PathMatcher> globs = bypass < 0 ? List.of() : build.globs().get(bypass);
        List<String> globTexts = bypass < 0 ? List.of() : build.bypasses().get(bypass).allowGlobs();
        BuildScan.Walk walk;
        try {
            walk = BuildScan.walk(dir);
        } catch (IOException e) {
            facts.add(new BuildFile(id, ".", "", "", List.of(), -1, "", List.of(), "the crate directory could not be read: " + e.getMessage()));
            return 0;
        }
        for (BuildScan.Entry f : walk.files()) {
            BuildBypassPath allow = null;
            for (BuildBypassPath bp : paths) {
                if (bp.path().equals(f.relative())) {
                    allow = bp;
                    break;
                }
            }
            List<String> globHits = new ArrayList<>();
            Path rel = Path.of(f.relative());
            // As cargo-deny: a file that an allow entry without checksum names is not matched against the globs.
            boolean bypassedByPath = allow != null && allow.checksum().isEmpty();
            for (int g = 0; g < globs.size() && !bypassedByPath; g++) if (globs.get(g).matches(rel)) globHits.add(globTexts.get(g));
            List<String> ext = new ArrayList<>();
            for (String e : config.scriptExtensions()) if (f.relative().endsWith("." + e)) ext.add("*." + e);
            String error = f.error();
            String sha = "";
            BuildScan.Header header = BuildScan.Header.NONE;
            if (error.isEmpty()) {
                try {
                    if (allow != null && !allow.checksum().isEmpty()) sha = BuildScan.sha256(f.file());
                    header = BuildScan.inspect(f.file(), config.includeArchives());
                } catch (IOException e) {
                    error = "could not be read: " + e.getClass().getSimpleName() + " " + e.getMessage();
                }
            }
            if (allow == null && globHits.isEmpty() && ext.isEmpty() && header.isNone() && error.isEmpty()) continue;
            facts.add(new BuildFile(id, f.relative(), header.kind(), header.interpreter(), ext,
                    allow == null ? -1 : allow.index(), sha, globHits, error));
        }
        if (walk.truncated()) {
            facts.add(new BuildFile(id, ".", "", "", List.of(), -1, "", List.of(),
                    "the crate has more than " + BuildScan.MAX_FILES + " files; the rest were not scanned"));
        }
        return walk.files().size();
    }
}
