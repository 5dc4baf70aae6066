package dev.tollgate.inputs.cargo;

import dev.tollgate.api.facts.DepKind;
import dev.tollgate.api.facts.DependencyEdge;
import dev.tollgate.api.facts.Inclusion;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.facts.LockedPackage;
import dev.tollgate.api.facts.Source;
import dev.tollgate.api.facts.WorkspaceMember;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Feature-closure and search rules on small graphs built by hand. */
class InclusionGraphTest {
    private final List<WorkspaceMember> members = new ArrayList<>();
    private final List<LockedPackage> packages = new ArrayList<>();
    private final List<DependencyEdge> edges = new ArrayList<>();
    private final List<InclusionGraph.FeatureRequest> requests = new ArrayList<>();

    private void member(String name, String... features) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String f : features) {
            String[] kv = f.split("=", 2);
            map.put(kv[0], kv.length < 2 || kv[1].isEmpty() ? List.of() : List.of(kv[1].split(",")));
        }
        members.add(new WorkspaceMember(name + "@1.0.0", name, "1.0.0", name + "/Cargo.toml", name, false, true, map,
                Location.file(name + "/Cargo.toml")));
        pkg(name);
    }

    private void pkg(String name) {
        packages.add(new LockedPackage(name + "@1.0.0", name, "1.0.0", Source.LOCAL, "", false, List.of(), Location.NONE));
    }

    private void edge(String from, String to, DepKind kind, boolean optional) {
        edges.add(new DependencyEdge(from + "@1.0.0", to + "@1.0.0", to, kind, optional, "", true, Location.NONE));
    }

    private Map<String, Inclusion> compute() {
        Map<String, Inclusion> out = new LinkedHashMap<>();
        for (Inclusion i : InclusionGraph.compute(members, packages, edges, requests)) {
            out.put(i.packageId().substring(0, i.packageId().indexOf('@')), i);
        }
        return out;
    }

    @Test
    void weakFeatureForwardsOnlyOnceTheDependencyIsOn() {
        // app: default = [extra]; extra = [lib?/tls]. lib is an optional dependency of app that nothing
        // enables, so lib's tls stays off and openssl stays behind lib/tls.
        member("app", "default=extra", "extra=lib?/tls", "with-lib=dep:lib");
        member("lib", "tls=dep:openssl");
        pkg("openssl");
        edge("app", "lib", DepKind.NORMAL, true);
        edge("lib", "openssl", DepKind.NORMAL, true);
        Inclusion openssl = compute().get("openssl");
        assertFalse(openssl.viaDefaults());
        assertEquals(List.of("lib/tls"), openssl.featureGates());

        // Once the default also enables dep:lib, the weak forward fires.
        members.set(0, new WorkspaceMember("app@1.0.0", "app", "1.0.0", "app/Cargo.toml", "app", false, true,
                Map.of("default", List.of("extra", "with-lib"), "extra", List.of("lib?/tls"), "with-lib", List.of("dep:lib")),
                Location.NONE));
        assertTrue(compute().get("openssl").viaDefaults());
    }

    @Test
    void forwardedFeatureEnablesTheDependencyOfAnotherMember() {
        member("app", "default=lib/tls");
        member("lib", "tls=dep:openssl");
        pkg("openssl");
        edge("app", "lib", DepKind.NORMAL, false);
        edge("lib", "openssl", DepKind.NORMAL, true);
        assertTrue(compute().get("openssl").viaDefaults());
    }

    @Test
    void requestedFeaturesAndDefaultsOfADeclaration() {
        member("app");
        member("lib", "default=dep:zlib", "fast=dep:simd");
        pkg("zlib");
        pkg("simd");
        edge("app", "lib", DepKind.NORMAL, false);
        edge("lib", "zlib", DepKind.NORMAL, true);
        edge("lib", "simd", DepKind.NORMAL, true);
        requests.add(new InclusionGraph.FeatureRequest("app@1.0.0", "lib", List.of("fast"), false));
        Map<String, Inclusion> inc = compute();
        assertTrue(inc.get("simd").viaDefaults());
        // lib's own default applies anyway: every member is built with its defaults.
        assertTrue(inc.get("zlib").viaDefaults());
    }

    @Test
    void implicitFeatureOfAnOptionalDependency() {
        member("app", "default=", "fancy=color");
        pkg("color");
        edge("app", "color", DepKind.NORMAL, true);
        assertEquals(List.of("app/color", "app/fancy"), compute().get("color").featureGates());
        // With dep: syntax anywhere, Cargo creates no implicit feature.
        members.clear();
        packages.clear();
        member("app", "fancy=dep:color");
        pkg("color");
        assertEquals(List.of("app/fancy"), compute().get("color").featureGates());
    }

    @Test
    void gateFeaturesCountDepFeatureSyntaxButNotWeakOnes() {
        WorkspaceMember m = new WorkspaceMember("m@1", "m", "1", "Cargo.toml", "", false, true, Map.of(
                "a", List.of("x/std"), "b", List.of("x?/std"), "c", List.of("dep:x"), "d", List.of("a")), Location.NONE);
        assertEquals(List.of("m/a", "m/c"), InclusionGraph.gateFeatures(m, "x"));
    }

    @Test
    void kindsAreThoseOfTheEdgesLeavingTheWorkspace() {
        member("app");
        member("tests-support");
        pkg("mock");
        pkg("shared");
        edge("app", "tests-support", DepKind.DEV, false); // member to member: not the deciding edge
        edge("tests-support", "mock", DepKind.NORMAL, false);
        edge("app", "shared", DepKind.DEV, false);
        edge("mock", "shared", DepKind.NORMAL, false);
        Map<String, Inclusion> inc = compute();
        assertEquals(Set.of(DepKind.NORMAL), inc.get("mock").kinds());
        assertEquals(Set.of(DepKind.NORMAL, DepKind.DEV), inc.get("shared").kinds());
    }

    @Test
    void shortestPathsBreakTiesById() {
        member("b-member");
        member("a-member");
        pkg("left");
        pkg("right");
        pkg("target");
        edge("b-member", "left", DepKind.NORMAL, false);
        edge("a-member", "right", DepKind.NORMAL, false);
        edge("left", "target", DepKind.NORMAL, false);
        edge("right", "target", DepKind.NORMAL, false);
        // Both paths have length 3; a-member sorts first, so its path wins.
        assertEquals(List.of("a-member@1.0.0", "right@1.0.0", "target@1.0.0"), compute().get("target").path());
    }

    @Test
    void defaultPathAvoidsGatedEdges() {
        member("app", "extra=dep:shortcut");
        pkg("shortcut");
        pkg("middle");
        pkg("target");
        edge("app", "shortcut", DepKind.NORMAL, true);
        edge("shortcut", "target", DepKind.NORMAL, false);
        edge("app", "middle", DepKind.NORMAL, false);
        edge("middle", "target", DepKind.NORMAL, false);
        Inclusion target = compute().get("target");
        assertTrue(target.viaDefaults());
        assertEquals(List.of("app@1.0.0", "middle@1.0.0", "target@1.0.0"), target.path());
    }

    // ---- [graph] options ----------------------------------------------------------------------

    private void targetEdge(String from, String to, String target) {
        edges.add(new DependencyEdge(from + "@1.0.0", to + "@1.0.0", to, DepKind.NORMAL, false, target, true,
                Location.of(from + "/Cargo.toml", 7, 1)));
    }

    private InclusionGraph.Result compute(GraphOptions options) {
        return InclusionGraph.compute(members, packages, edges, requests, options);
    }

    private static Inclusion of(InclusionGraph.Result r, String name) {
        return r.inclusions().stream().filter(i -> i.packageId().equals(name + "@1.0.0")).findFirst().orElseThrow();
    }

    private static GraphOptions targets(String... triples) {
        List<TargetTriples.Target> t = new ArrayList<>();
        for (String s : triples) t.add(TargetTriples.lookup(s).orElseThrow());
        return new GraphOptions(false, false, List.of(), t, Map.of());
    }

    @Test
    void noDefaultFeaturesStartsFromNothingAndFeaturesAddToIt() {
        // app: default = [tls]; tls = [dep:openssl]; json = [dep:serde_json]
        member("app", "default=tls", "tls=dep:openssl", "json=dep:serde_json");
        pkg("openssl");
        pkg("serde_json");
        pkg("log");
        edge("app", "openssl", DepKind.NORMAL, true);
        edge("app", "serde_json", DepKind.NORMAL, true);
        edge("app", "log", DepKind.NORMAL, false);

        InclusionGraph.Result plain = compute(GraphOptions.DEFAULT);
        assertTrue(of(plain, "openssl").viaDefaults());
        assertFalse(of(plain, "serde_json").viaDefaults());
        assertEquals(Set.of("default", "tls"), plain.memberFeatures().get("app@1.0.0"));

        InclusionGraph.Result off = compute(new GraphOptions(true, false, List.of(), List.of(), Map.of()));
        assertFalse(of(off, "openssl").viaDefaults());
        assertEquals(List.of("app/tls"), of(off, "openssl").featureGates());
        assertTrue(of(off, "openssl").defaultFeaturesOff());
        assertTrue(of(off, "openssl").describe().endsWith("`tls` of app, which [graph] does not enable (no-default-features)"), of(off, "openssl").describe());
        assertTrue(of(off, "log").viaDefaults());
        assertEquals(Set.of(), off.memberFeatures().get("app@1.0.0"));

        // no-default-features with features = ["json"]: json is on (plain name: every member that has it)
        InclusionGraph.Result json = compute(new GraphOptions(true, false, List.of("json"), List.of(), Map.of()));
        assertFalse(of(json, "openssl").viaDefaults());
        assertTrue(of(json, "serde_json").viaDefaults());
        assertEquals(Set.of("json"), json.memberFeatures().get("app@1.0.0"));

        // member/feature names one member's feature; a feature another member lacks is ignored
        InclusionGraph.Result named = compute(new GraphOptions(false, false, List.of("app/json", "other/json", "nope"),
                List.of(), Map.of()));
        assertTrue(of(named, "serde_json").viaDefaults());
        assertTrue(of(named, "openssl").viaDefaults());

        InclusionGraph.Result all = compute(new GraphOptions(true, true, List.of(), List.of(), Map.of()));
        assertEquals(Set.of("default", "json", "tls"), all.memberFeatures().get("app@1.0.0"));
        assertFalse(of(all, "openssl").viaDefaults()); // all-features is read by the rules, not folded into viaDefaults
    }

    @Test
    void implicitFeaturesOfOptionalDependenciesAreMemberFeatures() {
        // app: default = [serde]; serde is optional and named without dep:, so it is an implicit feature
        member("app", "default=serde");
        pkg("serde");
        edge("app", "serde", DepKind.NORMAL, true);

        assertEquals(Set.of("default", "serde"), compute(GraphOptions.DEFAULT).memberFeatures().get("app@1.0.0"));
    }

    @Test
    void targetsDropDependenciesForOtherTargets() {
        member("app");
        pkg("winapi");
        pkg("libc");
        pkg("nix");
        pkg("core-foundation");
        pkg("anyhow");
        targetEdge("app", "winapi", "cfg(windows)");
        targetEdge("app", "libc", "cfg(unix)");
        targetEdge("app", "nix", "x86_64-unknown-linux-gnu");
        targetEdge("app", "core-foundation", "cfg(target_os = \"macos\")");
        targetEdge("app", "anyhow", "");
        edge("winapi", "anyhow", DepKind.NORMAL, false);

        InclusionGraph.Result linux = compute(targets("x86_64-unknown-linux-gnu"));
        assertFalse(of(linux, "winapi").viaDefaults());
        assertTrue(of(linux, "winapi").reachable());
        assertTrue(of(linux, "winapi").targetExcluded());
        assertEquals("reached only through dependencies for targets that [graph] targets leaves out", of(linux, "winapi").describe());
        assertTrue(of(linux, "libc").viaDefaults());
        assertTrue(of(linux, "nix").viaDefaults());
        assertFalse(of(linux, "core-foundation").viaDefaults());
        assertTrue(of(linux, "anyhow").viaDefaults());
        assertFalse(of(linux, "anyhow").targetExcluded());

        InclusionGraph.Result mac = compute(targets("aarch64-apple-darwin", "x86_64-pc-windows-msvc"));
        assertTrue(of(mac, "winapi").viaDefaults());
        assertTrue(of(mac, "libc").viaDefaults());
        assertTrue(of(mac, "nix").targetExcluded());
        assertTrue(of(mac, "core-foundation").viaDefaults());

        InclusionGraph.Result every = compute(GraphOptions.DEFAULT);
        for (String p : List.of("winapi", "libc", "nix", "core-foundation")) {
            assertTrue(of(every, p).viaDefaults(), p);
            assertFalse(of(every, p).targetExcluded(), p);
        }
    }

    @Test
    void aMalformedCfgIsAnInputErrorAtTheDeclarationWhenTargetsAreListed() {
        member("app");
        pkg("winapi");
        targetEdge("app", "winapi", "cfg(all(windows)");

        dev.tollgate.inputs.io.InputException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.tollgate.inputs.io.InputException.class, () -> compute(targets("x86_64-unknown-linux-gnu")));
        assertEquals("app/Cargo.toml:7:1: dependency winapi of app@1.0.0: malformed cfg `cfg(all(windows)`: missing `)`",
                e.getMessage());
        assertTrue(of(compute(GraphOptions.DEFAULT), "winapi").viaDefaults());
    }
}
