package dev.tollgate.inputs.licenses;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds small {@code cargo metadata --format-version 1} documents for tests. */
final class MetaJson {
    static final String CRATES_IO = "registry+https://github.com/rust-lang/crates.io-index";
    private static final ObjectMapper M = new ObjectMapper();
    private final ObjectNode root = M.createObjectNode();
    private final ArrayNode packages = root.putArray("packages");
    private final ArrayNode members = root.putArray("workspace_members");
    private final Map<String, ObjectNode> nodes = new LinkedHashMap<>();
    private final Map<String, ObjectNode> pkgs = new LinkedHashMap<>();

    MetaJson() {
        root.put("workspace_root", "/ws");
        root.put("version", 1);
    }

    private static String id(String name, String version, boolean member) {
        return member ? "path+file:///ws/" + name + "#" + version : CRATES_IO + "#" + name + "@" + version;
    }

    /** A workspace member; {@code license} may be null. */
    MetaJson member(String name, String version, String license) {
        ObjectNode p = pkg(name, version, license, true);
        members.add(p.get("id").asText());
        return this;
    }

    /** A crates.io package; {@code license} may be null. */
    MetaJson crate(String name, String version, String license) {
        pkg(name, version, license, false);
        return this;
    }

    MetaJson licenseFile(String name, String file) {
        pkgs.get(name).put("license_file", file);
        return this;
    }

    /** Where the package's manifest is (its directory holds the crate's sources: license files). */
    MetaJson manifestPath(String name, String path) {
        pkgs.get(name).put("manifest_path", path);
        return this;
    }

    MetaJson publish(String name, String... registries) {
        ArrayNode a = pkgs.get(name).putArray("publish");
        for (String r : registries) a.add(r);
        return this;
    }

    private ObjectNode pkg(String name, String version, String license, boolean member) {
        ObjectNode p = packages.addObject();
        String id = id(name, version, member);
        p.put("name", name);
        p.put("version", version);
        p.put("id", id);
        if (member) p.putNull("source");
        else p.put("source", CRATES_IO);
        if (license == null) p.putNull("license");
        else p.put("license", license);
        p.putNull("license_file");
        p.put("manifest_path", member ? "/ws/" + name + "/Cargo.toml" : "/reg/" + name + "-" + version + "/Cargo.toml");
        p.putArray("dependencies");
        p.putObject("features");
        p.putNull("publish");
        pkgs.put(name, p);
        ObjectNode n = M.createObjectNode();
        n.put("id", id);
        n.putArray("deps");
        nodes.put(name, n);
        return p;
    }

    /** {@code from} depends on {@code to} with kind {@code normal}, {@code dev} or {@code build}. */
    MetaJson dep(String from, String to, String kind) {
        ObjectNode f = pkgs.get(from);
        ObjectNode t = pkgs.get(to);
        ObjectNode d = ((ArrayNode) f.get("dependencies")).addObject();
        d.put("name", to);
        if (kind.equals("normal")) d.putNull("kind");
        else d.put("kind", kind);
        d.put("optional", false);
        d.putArray("features");
        d.put("uses_default_features", true);
        d.putNull("target");
        ObjectNode r = ((ArrayNode) nodes.get(from).get("deps")).addObject();
        r.put("name", to.replace('-', '_'));
        r.put("pkg", t.get("id").asText());
        ObjectNode k = r.putArray("dep_kinds").addObject();
        if (kind.equals("normal")) k.putNull("kind");
        else k.put("kind", kind);
        k.putNull("target");
        return this;
    }

    String json() {
        ObjectNode resolve = root.putObject("resolve");
        ArrayNode ns = resolve.putArray("nodes");
        nodes.values().forEach(ns::add);
        resolve.putNull("root");
        return root.toString();
    }
}
