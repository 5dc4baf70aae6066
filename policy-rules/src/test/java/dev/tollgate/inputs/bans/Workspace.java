package dev.tollgate.inputs.bans;

import dev.tollgate.api.EngineOptions;
import dev.tollgate.api.PolicyEngine;
import dev.tollgate.api.Tollgate;
import dev.tollgate.api.verdict.Verdict;
import dev.tollgate.inputs.RepositoryFacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * A small hand-written workspace for the bans tests. The root package {@code app} depends on foo 1 and
 * bar 0.2, dev-depends on devtool 1, and has an optional dependency opt 1 behind its non-default feature
 * {@code extra}. Below them:
 * <pre>
 *   foo 1.0.0     -> shared 1.0.0, banned 0.3.0
 *   bar 0.2.0     -> shared 2.0.0, wrapped 1.0.0
 *   devtool 1.0.0 -> shared 3.0.0          (dev-only)
 *   opt 1.0.0     -> shared 0.9.0, lonely 0.5.0   (only through the feature `extra`)
 * </pre>
 * So the default graph holds shared 1.0.0 and 2.0.0 as normal dependencies, 3.0.0 dev-only, and 0.9.0
 * not at all.
 */
final class Workspace {
    static final String CRATES_IO = "registry+https://github.com/rust-lang/crates.io-index";
    private static PolicyEngine engine;

    private Workspace() {
    }

    static synchronized PolicyEngine engine() {
        if (engine == null) engine = Tollgate.engine(EngineOptions.bundled());
        return engine;
    }

    static Path write(Path dir, String denyToml) {
        try {
            Files.writeString(dir.resolve("Cargo.toml"), """
                    [package]
                    name = "app"
                    version = "0.1.0"

                    [dependencies]
                    foo = "1"
                    bar = "0.2"
                    opt = { version = "1", optional = true }

                    [dev-dependencies]
                    devtool = "1"

                    [features]
                    default = []
                    extra = ["dep:opt"]
                    """);
            StringBuilder lock = new StringBuilder("version = 4\n");
            pkg(lock, "app", "0.1.0", false, "bar", "devtool", "foo", "opt");
            pkg(lock, "bar", "0.2.0", true, "shared 2.0.0", "wrapped");
            pkg(lock, "banned", "0.3.0", true);
            pkg(lock, "devtool", "1.0.0", true, "shared 3.0.0");
            pkg(lock, "foo", "1.0.0", true, "banned", "shared 1.0.0");
            pkg(lock, "lonely", "0.5.0", true);
            pkg(lock, "opt", "1.0.0", true, "lonely", "shared 0.9.0");
            pkg(lock, "shared", "0.9.0", true);
            pkg(lock, "shared", "1.0.0", true);
            pkg(lock, "shared", "2.0.0", true);
            pkg(lock, "shared", "3.0.0", true);
            pkg(lock, "wrapped", "1.0.0", true);
            Files.writeString(dir.resolve("Cargo.lock"), lock.toString());
            Files.writeString(dir.resolve("deny.toml"), denyToml);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pkg(StringBuilder lock, String name, String version, boolean registry, String... deps) {
        lock.append("\n[[package]]\nname = \"").append(name).append("\"\nversion = \"").append(version).append("\"\n");
        if (registry) {
            lock.append("source = \"").append(CRATES_IO).append("\"\n");
            lock.append("checksum = \"").append("0".repeat(64)).append("\"\n");
        }
        if (deps.length > 0) {
            lock.append("dependencies = [\n");
            for (String d : deps) lock.append(" \"").append(d).append("\",\n");
            lock.append("]\n");
        }
    }

    static Verdict check(Path dir) {
        RepositoryFacts.Result r = RepositoryFacts.load(new RepositoryFacts.Request(dir, null, null,
                Set.of("bans"), Set.of("bans")));
        return engine().evaluate(r.facts(), Set.of("bans"));
    }
}
