package dev.tollgate.inputs.cargo;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The hand-written fixtures under {@code src/test/resources/cargo}. */
final class Fixtures {
    private Fixtures() {
    }

    static Path path(String relative) {
        URL url = Fixtures.class.getResource("/cargo/" + relative);
        if (url == null) throw new AssertionError("fixture missing: cargo/" + relative);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
