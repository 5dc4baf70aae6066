import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates the synthetic workspaces bench/scale.sh checks (issue 19). Deterministic (a fixed
 * seed), so every run measures the same input. Run with the JDK's single-file launcher:
 *
 * <pre>
 *   java bench/GenWorkspace.java graph N DIR      # N crates, Cargo.lock v4 and a `cargo metadata` dump
 *   java bench/GenWorkspace.java manifest N DIR   # one member declaring N dependencies
 * </pre>
 *
 * <p>The graph has the shape of a large real workspace: a DAG in which every crate depends on up
 * to five later ones (four by a tree that makes every crate reachable from the member, one more
 * chosen at random), and 10% of the names locked at two versions (1.x and 2.0.0) with dependents
 * split between them. Every crate comes from crates.io with a checksum, and is `MIT OR Apache-2.0`.
 */
public class GenWorkspace {
    static final String REGISTRY = "registry+https://github.com/rust-lang/crates.io-index";

    record Pkg(String name, String version, List<Integer> deps) {
        String id() {
            return name + " " + version + " (" + REGISTRY + ")";
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java GenWorkspace.java graph|manifest N DIR");
            System.exit(2);
        }
        int n = Integer.parseInt(args[1]);
        Path dir = Path.of(args[2]);
        Files.createDirectories(dir.resolve("app/src"));
        Files.writeString(dir.resolve("app/src/lib.rs"), "");
        Files.writeString(dir.resolve("Cargo.toml"), "[workspace]\nmembers = [\"app\"]\nresolver = \"2\"\n");
        Files.writeString(dir.resolve("deny.toml"), """
                [licenses]
                allow = ["MIT", "Apache-2.0"]

                [bans]
                multiple-versions = "warn"

                [sources]
                unknown-registry = "deny"
                unknown-git = "deny"
                """);
        List<Pkg> pkgs = args[0].equals("manifest") ? flat(n) : graph(n);
        List<Integer> roots = args[0].equals("manifest") ? range(n) : List.of(0);
        writeManifest(dir, pkgs, roots);
        writeLock(dir, pkgs, roots);
        writeMetadata(dir, pkgs, roots);
    }

    static List<Integer> range(int n) {
        List<Integer> r = new ArrayList<>();
        for (int i = 0; i < n; i++) r.add(i);
        return r;
    }

    static List<Pkg> flat(int n) {
        List<Pkg> pkgs = new ArrayList<>();
        for (int i = 0; i < n; i++) pkgs.add(new Pkg("dep-" + i, "1.0." + (i % 10), List.of()));
        return pkgs;
    }

    static List<Pkg> graph(int n) {
        Random random = new Random(19);
        // Names: every 10th name is locked twice; a package index maps to (name, version).
        List<Pkg> pkgs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int name = i;
            String version = "1." + (i % 7) + "." + (i % 13);
            if (i % 10 == 9) {                       // the second version of the previous name
                name = i - 1;
                version = "2.0.0";
            }
            pkgs.add(new Pkg("crate-" + name, version, new ArrayList<>()));
        }
        for (int k = 1; k < n; k++) pkgs.get((k - 1) / 4).deps().add(k);
        for (int k = 0; k < n - 1; k++) {
            int t = k + 1 + random.nextInt(Math.min(1000, n - k - 1));
            Pkg p = pkgs.get(k);
            boolean sameName = p.deps().stream().anyMatch(d -> pkgs.get(d).name().equals(pkgs.get(t).name()));
            if (!p.deps().contains(t) && !sameName && !pkgs.get(t).name().equals(p.name())) p.deps().add(t);
        }
        return pkgs;
    }

    static void writeManifest(Path dir, List<Pkg> pkgs, List<Integer> roots) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("app/Cargo.toml"))) {
            w.write("[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\nlicense = \"MIT\"\npublish = false\n\n[dependencies]\n");
            for (int r : roots) w.write(pkgs.get(r).name() + " = \"" + pkgs.get(r).version() + "\"\n");
        }
    }

    // How a dependency is written in Cargo.lock: the bare name when one version of it is locked.
    static String lockRef(List<Pkg> pkgs, int i) {
        Pkg p = pkgs.get(i);
        boolean twice = p.name().startsWith("crate-") && Integer.parseInt(p.name().substring(6)) % 10 == 8;
        return twice ? p.name() + " " + p.version() : p.name();
    }

    static void writeLock(Path dir, List<Pkg> pkgs, List<Integer> roots) throws IOException {
        List<Integer> order = range(pkgs.size());
        order.sort((a, b) -> {
            int c = pkgs.get(a).name().compareTo(pkgs.get(b).name());
            return c != 0 ? c : pkgs.get(a).version().compareTo(pkgs.get(b).version());
        });
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("Cargo.lock"))) {
            w.write("# This file is automatically @generated by Cargo.\n# It is not intended for manual editing.\nversion = 4\n\n");
            w.write("[[package]]\nname = \"app\"\nversion = \"0.1.0\"\ndependencies = [\n");
            for (String d : sortedRefs(pkgs, roots)) w.write(" \"" + d + "\",\n");
            w.write("]\n");
            for (int i : order) {
                Pkg p = pkgs.get(i);
                w.write("\n[[package]]\nname = \"" + p.name() + "\"\nversion = \"" + p.version() + "\"\nsource = \""
                        + REGISTRY + "\"\nchecksum = \"" + checksum(i) + "\"\n");
                if (!p.deps().isEmpty()) {
                    w.write("dependencies = [\n");
                    for (String d : sortedRefs(pkgs, p.deps())) w.write(" \"" + d + "\",\n");
                    w.write("]\n");
                }
            }
        }
    }

    static List<String> sortedRefs(List<Pkg> pkgs, List<Integer> deps) {
        List<String> refs = new ArrayList<>();
        for (int d : deps) refs.add(lockRef(pkgs, d));
        refs.sort(null);
        return refs;
    }

    static String checksum(int i) {
        return String.format("%064x", (long) i * 0x9E3779B97F4A7C15L & Long.MAX_VALUE);
    }

    static String q(String s) {
        return "\"" + s + "\"";
    }

    static void writeMetadata(Path dir, List<Pkg> pkgs, List<Integer> roots) throws IOException {
        String root = dir.toAbsolutePath().toString();
        String appId = "path+file://" + root + "/app#0.1.0";
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("metadata.json"))) {
            w.write("{\"packages\":[");
            writePackage(w, "app", "0.1.0", appId, "null", "MIT", root + "/app/Cargo.toml", pkgs, roots);
            for (int i = 0; i < pkgs.size(); i++) {
                Pkg p = pkgs.get(i);
                w.write(",");
                writePackage(w, p.name(), p.version(), p.id(), q(REGISTRY), "MIT OR Apache-2.0",
                        "/home/u/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/" + p.name() + "-" + p.version() + "/Cargo.toml",
                        pkgs, p.deps());
            }
            w.write("],\"workspace_members\":[" + q(appId) + "],\"workspace_default_members\":[" + q(appId) + "],");
            w.write("\"resolve\":{\"nodes\":[");
            writeNode(w, appId, pkgs, roots);
            for (Pkg p : pkgs) {
                w.write(",");
                writeNode(w, p.id(), pkgs, p.deps());
            }
            w.write("],\"root\":" + q(appId) + "},\"target_directory\":" + q(root + "/target")
                    + ",\"version\":1,\"workspace_root\":" + q(root) + ",\"metadata\":null}\n");
        }
    }

    static void writePackage(BufferedWriter w, String name, String version, String id, String source, String license,
                             String manifest, List<Pkg> pkgs, List<Integer> deps) throws IOException {
        w.write("{\"name\":" + q(name) + ",\"version\":" + q(version) + ",\"id\":" + q(id) + ",\"license\":" + q(license)
                + ",\"license_file\":null,\"description\":null,\"source\":" + source + ",\"dependencies\":[");
        for (int j = 0; j < deps.size(); j++) {
            Pkg d = pkgs.get(deps.get(j));
            if (j > 0) w.write(",");
            w.write("{\"name\":" + q(d.name()) + ",\"source\":" + q(REGISTRY) + ",\"req\":" + q("^" + d.version())
                    + ",\"kind\":null,\"rename\":null,\"optional\":false,\"uses_default_features\":true,\"features\":[],"
                    + "\"target\":null,\"registry\":null}");
        }
        w.write("],\"targets\":[{\"kind\":[\"lib\"],\"crate_types\":[\"lib\"],\"name\":" + q(name.replace('-', '_'))
                + ",\"src_path\":" + q(manifest.replace("Cargo.toml", "src/lib.rs"))
                + ",\"edition\":\"2021\",\"doc\":true,\"doctest\":true,\"test\":true}],\"features\":{},\"manifest_path\":"
                + q(manifest) + ",\"metadata\":null,\"publish\":null,\"authors\":[],\"categories\":[],\"keywords\":[],"
                + "\"readme\":null,\"repository\":null,\"homepage\":null,\"documentation\":null,\"edition\":\"2021\","
                + "\"links\":null,\"default_run\":null,\"rust_version\":null}");
    }

    static void writeNode(BufferedWriter w, String id, List<Pkg> pkgs, List<Integer> deps) throws IOException {
        w.write("{\"id\":" + q(id) + ",\"dependencies\":[");
        for (int j = 0; j < deps.size(); j++) w.write((j > 0 ? "," : "") + q(pkgs.get(deps.get(j)).id()));
        w.write("],\"deps\":[");
        for (int j = 0; j < deps.size(); j++) {
            Pkg d = pkgs.get(deps.get(j));
            w.write((j > 0 ? "," : "") + "{\"name\":" + q(d.name().replace('-', '_')) + ",\"pkg\":" + q(d.id())
                    + ",\"dep_kinds\":[{\"kind\":null,\"target\":null}]}");
        }
        w.write("],\"features\":[]}");
    }
}
