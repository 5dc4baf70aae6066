package dev.tollgate.scenarios;

import dev.tollgate.api.facts.Location;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The public types of {@code dev.tollgate.api.facts}, found on the class path (for suggestions and docs/facts.md). */
public final class FactTypes {
    private FactTypes() {
    }

    /** Every public top-level record and enum of the facts package, sorted by simple name. */
    public static List<Class<?>> all(ClassLoader loader) {
        List<Class<?>> out = new ArrayList<>();
        for (String n : classNames()) {
            try {
                Class<?> c = Class.forName(FactMapper.FACTS_PACKAGE + "." + n, false, loader);
                if (java.lang.reflect.Modifier.isPublic(c.getModifiers()) && (c.isRecord() || c.isEnum())) out.add(c);
            } catch (ClassNotFoundException e) {
                // not loadable here: skip
            }
        }
        return out;
    }

    static List<String> simpleNames(ClassLoader loader) {
        return all(loader).stream().filter(Class::isRecord).map(Class::getSimpleName).toList();
    }

    private static TreeSet<String> classNames() {
        TreeSet<String> names = new TreeSet<>();
        String dir = FactMapper.FACTS_PACKAGE.replace('.', '/') + "/";
        try {
            Path where = Path.of(Location.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(where)) {
                try (Stream<Path> s = Files.list(where.resolve(dir))) {
                    s.map(p -> p.getFileName().toString()).forEach(f -> add(names, f));
                }
            } else {
                try (JarFile jar = new JarFile(where.toFile())) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        String n = e.nextElement().getName();
                        if (n.startsWith(dir) && n.indexOf('/', dir.length()) < 0) add(names, n.substring(dir.length()));
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // no listing possible (unusual class loaders): no suggestions
        }
        return names;
    }

    private static void add(TreeSet<String> names, String file) {
        if (file.endsWith(".class") && !file.contains("$") && !file.equals("package-info.class")) {
            names.add(file.substring(0, file.length() - ".class".length()));
        }
    }
}
