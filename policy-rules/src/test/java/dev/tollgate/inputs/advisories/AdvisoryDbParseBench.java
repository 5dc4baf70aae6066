package dev.tollgate.inputs.advisories;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A measurement, not a test: how long reading the whole advisory database takes, cold and then warm,
 * in one process: {@code java -cp CLASSPATH dev.tollgate.inputs.advisories.AdvisoryDbParseBench DB_DIR}
 * (e.g. ../shared/corpus/advisory-db). Results are in docs/performance.md.
 */
public final class AdvisoryDbParseBench {
    private AdvisoryDbParseBench() {
    }

    public static void main(String[] args) {
        Path db = Path.of(args.length > 0 ? args[0] : "../shared/corpus/advisory-db");
        LocalDate today = LocalDate.of(2026, 9, 1);
        long t0 = System.nanoTime();
        AdvisoryDatabase read = AdvisoryDbReader.read(db, "advisory-db", db.toString(), today);
        System.out.println("advisory db parse (first, cold classes): " + (System.nanoTime() - t0) / 1_000_000 + " ms, "
                + read.advisories().size() + " advisories");
        for (int i = 0; i < 5; i++) {
            t0 = System.nanoTime();
            AdvisoryDbReader.read(db, "advisory-db", db.toString(), today);
            System.out.println("advisory db parse (warm): " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        }
    }
}
