package dev.tollgate.inputs.denytoml;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The hand-written deny.toml files under {@code src/test/resources/denytoml/}. */
final class Fixtures {
    /** Every fixture is read under this name, so messages read as they would for a real repository. */
    static final String NAME = "deny.toml";

    private Fixtures() {
    }

    static Path path(String name) {
        URL url = Fixtures.class.getResource("/denytoml/" + name);
        if (url == null) throw new AssertionError("missing fixture denytoml/" + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    static DenyConfig read(String name) {
        return DenyTomlReader.read(path(name), NAME);
    }
}
