package dev.tollgate.api.facts;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every fact record with four or more fields has a builder with a named step per field, so a field
 * added later breaks no caller; the canonical constructors stay.
 */
class FactBuildersTest {
    private static List<Class<?>> records() throws IOException, ClassNotFoundException {
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("target/classes/dev/tollgate/api/facts"))) {
            for (Path f : files.sorted().toList()) {
                String n = f.getFileName().toString();
                if (!n.endsWith(".class") || n.contains("$")) continue;
                Class<?> c = Class.forName("dev.tollgate.api.facts." + n.substring(0, n.length() - 6));
                if (c.isRecord()) out.add(c);
            }
        }
        return out;
    }

    @Test
    void everyRecordWithFourOrMoreFieldsHasABuilderWithAStepPerField() throws Exception {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Class<?> c : records()) {
            RecordComponent[] comps = c.getRecordComponents();
            if (comps.length < 4) continue;
            checked++;
            Method builder;
            try {
                builder = c.getMethod("builder");
            } catch (NoSuchMethodException e) {
                missing.add(c.getSimpleName() + ".builder()");
                continue;
            }
            Class<?> b = builder.getReturnType();
            for (RecordComponent rc : comps) {
                try {
                    b.getMethod(rc.getName(), rc.getType());
                } catch (NoSuchMethodException e) {
                    missing.add(c.getSimpleName() + ".Builder." + rc.getName() + "(" + rc.getType().getSimpleName() + ")");
                }
            }
            // The canonical constructor is still there.
            c.getDeclaredConstructor(java.util.Arrays.stream(comps).map(RecordComponent::getType).toArray(Class<?>[]::new));
        }
        assertEquals(List.of(), missing);
        assertTrue(checked > 40, "only " + checked + " records checked");
    }

    @Test
    void aBuilderNamesEachFieldAndToBuilderCopies() {
        LockedPackage p = LockedPackage.builder().name("serde").version("1.0.0").id("serde@1.0.0")
                .origin(Location.of("Cargo.lock", 12, 1)).build();
        assertEquals("serde", p.name());
        assertEquals("1.0.0", p.version());
        assertEquals(Location.of("Cargo.lock", 12, 1), p.origin());
        assertEquals(p, p.toBuilder().build());
        assertEquals("2.0.0", p.toBuilder().version("2.0.0").build().version());

        Advisory a = Advisory.builder().id("RUSTSEC-2099-0001").crate("x").kind(AdvisoryKind.UNMAINTAINED).build();
        assertEquals("unmaintained", a.kindName());
    }

    @Test
    void packageIdsReadAsValues() {
        assertEquals(new PackageId("serde", "1.0.0", ""), PackageId.parse("serde@1.0.0"));
        PackageId git = PackageId.parse("x@0.1.0 (git+ssh://git@example.com/x?rev=1#abc)");
        assertEquals("x", git.name());
        assertEquals("0.1.0", git.version());
        assertEquals("git+ssh://git@example.com/x?rev=1#abc", git.source());
        assertEquals("x@0.1.0 (git+ssh://git@example.com/x?rev=1#abc)", git.toString());
        assertEquals("x@0.1.0", git.spec());
        assertEquals("serde@1.0.0", PackageId.of("serde", "1.0.0").toString());
        assertEquals("weird", PackageId.nameOf("weird"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> PackageId.parse("no-version"));
    }
}
