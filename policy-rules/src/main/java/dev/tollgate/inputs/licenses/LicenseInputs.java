package dev.tollgate.inputs.licenses;

import dev.tollgate.api.Policies;
import dev.tollgate.api.facts.InputNote;
import dev.tollgate.api.facts.Location;
import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.io.RepoPaths;
import dev.tollgate.inputs.cargo.CargoLockReader;
import dev.tollgate.inputs.cargo.CargoWorkspace;
import dev.tollgate.inputs.cargo.MetadataReader;
import dev.tollgate.inputs.denytoml.DenyConfig;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the licenses policy gets {@code cargo metadata}: {@code --metadata FILE} when given (the
 * workspace facts then already carry it), else {@code cargo metadata} run in the repository
 * ({@link CargoMetadataRunner}). When neither works the policy does not run and says so, as an
 * {@code unavailable} {@link InputNote} that a rule turns into an error: the gate fails closed.
 */
public final class LicenseInputs {
    /** The metadata cargo gave, or why there is none. */
    public record Metadata(CargoWorkspace workspace, String failure) {
    }

    private LicenseInputs() {
    }

    /** Runs cargo in {@code repo}; the lockfile supplies each package's Cargo.lock line. */
    public static Metadata runCargo(Path repo, Path lockfile, boolean offline) {
        return runCargo(repo, repo, lockfile, offline);
    }

    /** As {@link #runCargo(Path, Path, boolean)}, with cargo started in {@code cwd} (PR mode: the base's policy copy). */
    public static Metadata runCargo(Path repo, Path cwd, Path lockfile, boolean offline) {
        CargoMetadataRunner.Outcome out = CargoMetadataRunner.run(repo, cwd, offline);
        if (!out.ok()) return new Metadata(null, out.failure());
        try {
            String lockDisplay = RepoPaths.display(repo, lockfile);
            return new Metadata(MetadataReader.parse(out.json(), "cargo metadata", CargoLockReader.read(lockfile, lockDisplay)), null);
        } catch (InputException e) {
            return new Metadata(null, "its output could not be read: " + e.getMessage());
        }
    }

    /**
     * The licenses facts.
     *
     * @param workspace the workspace facts the run already has (from --metadata, or from the lockfile)
     * @param ran       what running cargo gave, or null when it was not run
     * @param configFile deny.toml (it may not exist); deny.exceptions.toml is looked for beside it
     */
    public static List<Object> facts(Path repo, CargoWorkspace workspace, Metadata ran, DenyConfig deny, Path configFile) {
        Path exceptions = configFile.toAbsolutePath().resolveSibling("deny.exceptions.toml");
        String exceptionsDisplay = RepoPaths.display(repo, exceptions);
        if (workspace.hasMetadata()) return LicenseFacts.build(workspace, deny, exceptions, exceptionsDisplay);
        if (ran != null && ran.workspace() != null) return LicenseFacts.build(ran.workspace(), deny, exceptions, exceptionsDisplay);
        String why = ran == null ? "no metadata was given" : ran.failure();
        return List.of(new InputNote(Policies.LICENSES, "unavailable",
                "the licenses policy could not run: it needs `cargo metadata` (Cargo.lock records no licenses); pass "
                        + "--metadata FILE, or run where cargo can resolve the workspace. " + why, Location.file(deny.displayPath())));
    }
}
