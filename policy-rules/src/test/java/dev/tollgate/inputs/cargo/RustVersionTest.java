package dev.tollgate.inputs.cargo;

import dev.tollgate.api.facts.WorkspaceMember;
import dev.tollgate.inputs.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code rust-version} of workspace members: own, inherited from {@code [workspace.package]}, absent. */
class RustVersionTest {
    private static final String LOCK = """
            version = 4

            [[package]]
            name = "app"
            version = "0.1.0"

            [[package]]
            name = "old"
            version = "0.2.0"

            [[package]]
            name = "tool"
            version = "0.3.0"
            """;

    private static Path workspace(Path dir, String workspacePackage) throws IOException {
        Files.writeString(dir.resolve("Cargo.toml"), "[workspace]\nmembers = [\"crates/*\"]\n" + workspacePackage);
        Files.writeString(dir.resolve("Cargo.lock"), LOCK);
        member(dir, "app", "[package]\nname = \"app\"\nversion = \"0.1.0\"\nrust-version.workspace = true\n");
        member(dir, "old", "[package]\nname = \"old\"\nversion = \"0.2.0\"\nrust-version = \"1.56\"\n");
        member(dir, "tool", "[package]\nname = \"tool\"\nversion = \"0.3.0\"\nedition = \"2021\"\n");
        return dir;
    }

    private static void member(Path dir, String name, String manifest) throws IOException {
        Path d = Files.createDirectories(dir.resolve("crates").resolve(name));
        Files.writeString(d.resolve("Cargo.toml"), manifest);
    }

    @Test
    void ownInheritedAndAbsent(@TempDir Path dir) throws IOException {
        workspace(dir, "\n[workspace.package]\nrust-version = \"1.75\"\n");
        CargoWorkspace ws = WorkspaceLoader.load(dir, dir.resolve("Cargo.lock"));
        Map<String, String> byName = new TreeMap<>();
        for (WorkspaceMember m : ws.members()) byName.put(m.name(), m.rustVersion());
        assertEquals(Map.of("app", "1.75", "old", "1.56", "tool", ""), byName);
    }

    @Test
    void inheritingFromAWorkspaceThatSetsNoneIsAnInputError(@TempDir Path dir) throws IOException {
        workspace(dir, "");
        InputException e = assertThrows(InputException.class, () -> WorkspaceLoader.load(dir, dir.resolve("Cargo.lock")));
        assertEquals("crates/app/Cargo.toml:1:1: rust-version.workspace = true but the workspace root sets no workspace.package.rust-version",
                e.getMessage());
    }

    @Test
    void aRustVersionThatIsNotAStringIsAnInputError(@TempDir Path dir) throws IOException {
        workspace(dir, "");
        member(dir, "app", "[package]\nname = \"app\"\nversion = \"0.1.0\"\nrust-version = 1.75\n");
        InputException e = assertThrows(InputException.class, () -> WorkspaceLoader.load(dir, dir.resolve("Cargo.lock")));
        assertEquals("crates/app/Cargo.toml", e.file());
        assertEquals(4, e.line(), e.getMessage());
    }

    @Test
    void cargoMetadataGivesTheResolvedValue() {
        String json = """
                {"packages": [
                  {"name": "app", "version": "0.1.0", "id": "path+file:///w/app#0.1.0", "source": null,
                   "manifest_path": "/w/app/Cargo.toml", "features": {}, "dependencies": [], "rust_version": "1.70"},
                  {"name": "lib", "version": "0.1.0", "id": "path+file:///w/lib#0.1.0", "source": null,
                   "manifest_path": "/w/lib/Cargo.toml", "features": {}, "dependencies": [], "rust_version": null}],
                 "workspace_members": ["path+file:///w/app#0.1.0", "path+file:///w/lib#0.1.0"],
                 "resolve": {"nodes": [
                   {"id": "path+file:///w/app#0.1.0", "deps": [], "features": []},
                   {"id": "path+file:///w/lib#0.1.0", "deps": [], "features": []}], "root": null},
                 "workspace_root": "/w", "version": 1}
                """;
        CargoWorkspace ws = MetadataReader.parse(json, "m.json", null);
        Map<String, String> byName = new TreeMap<>();
        for (WorkspaceMember m : ws.members()) byName.put(m.name(), m.rustVersion());
        assertEquals(Map.of("app", "1.70", "lib", ""), byName);
    }
}
