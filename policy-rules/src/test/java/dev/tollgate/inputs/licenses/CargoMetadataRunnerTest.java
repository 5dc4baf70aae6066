package dev.tollgate.inputs.licenses;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When cargo is asked a second time, with the network: a fake cargo records its calls. */
class CargoMetadataRunnerTest {
    @TempDir
    Path tmp;

    @AfterEach
    void restore() {
        System.clearProperty("tollgate.cargo");
    }

    /** A cargo that fails offline with {@code offlineError} on stderr, and prints {@code {}} online. */
    Path fakeCargo(String offlineError) throws IOException {
        Path calls = tmp.resolve("calls");
        Path script = tmp.resolve("cargo");
        Files.writeString(script, "#!/bin/sh\n"
                + "echo \"$*\" >> '" + calls + "'\n"
                + "case \"$*\" in *--offline*) printf '%s\\n' '" + offlineError.replace("'", "") + "' >&2; exit 101;; esac\n"
                + "echo '{}'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        System.setProperty("tollgate.cargo", script.toString());
        return calls;
    }

    @Test
    void aFailureOfflineThatNeedsDownloadsIsRetriedWithTheNetwork() throws IOException {
        Path calls = fakeCargo("error: failed to download `foo v1.0.0`\n\nCaused by:\n  attempting to make an HTTP request, but --offline was specified");
        CargoMetadataRunner.Outcome out = CargoMetadataRunner.run(tmp, false);
        assertTrue(out.ok(), String.valueOf(out.failure()));
        assertEquals("{}\n", out.json());
        assertEquals(List.of("metadata --format-version 1 --locked --all-features --offline",
                "metadata --format-version 1 --locked --all-features"), Files.readAllLines(calls));
    }

    @Test
    void aFailureThatIsNotAboutTheNetworkIsNotRetried() throws IOException {
        Path calls = fakeCargo("error: failed to load manifest for workspace member `/x/crates/a`");
        CargoMetadataRunner.Outcome out = CargoMetadataRunner.run(tmp, false);
        assertFalse(out.ok());
        assertEquals("`cargo metadata --format-version 1 --locked --all-features --offline` failed (exit 101): "
                + "error: failed to load manifest for workspace member `/x/crates/a`", out.failure());
        assertEquals(1, Files.readAllLines(calls).size());
    }

    @Test
    void withOfflineCargoIsAskedOnce() throws IOException {
        Path calls = fakeCargo("error: no matching package named `foo` found; you're using offline mode (--offline)");
        assertFalse(CargoMetadataRunner.run(tmp, true).ok());
        assertEquals(1, Files.readAllLines(calls).size());
    }
}
