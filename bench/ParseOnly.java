import dev.tollgate.inputs.cargo.CargoWorkspace;
import dev.tollgate.inputs.cargo.WorkspaceLoader;
import dev.tollgate.inputs.denytoml.DenyConfig;
import dev.tollgate.inputs.denytoml.DenyTomlReader;

import java.nio.file.Path;

/**
 * The benchmark's baseline: a plain Java program that reads the same inputs as
 * {@code check --policies sources} (Cargo.lock, every member manifest, deny.toml) into facts and
 * evaluates no rules. Compiled and run by bench/cold-start.sh against the shaded jar.
 */
public class ParseOnly {
    public static void main(String[] args) {
        Path repo = Path.of(args[0]);
        CargoWorkspace ws = WorkspaceLoader.load(repo, repo.resolve("Cargo.lock"));
        DenyConfig config = DenyTomlReader.read(repo.resolve("deny.toml"), "deny.toml");
        System.out.println(ws.packages().size() + " packages, " + ws.edges().size() + " edges, "
                + ws.inclusions().size() + " inclusions, " + config.allowedSources().size() + " allowed sources");
    }
}
