package dev.tollgate.inputs.licenses;

import org.spdx.library.ListedLicenses;
import org.spdx.library.SpdxModelFactory;
import org.spdx.library.model.v2.license.ListedLicenseException;
import org.spdx.library.model.v2.license.SpdxListedLicense;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Build step (policy-rules' {@code process-classes}, see its pom): writes {@value SpdxList#RESOURCE}
 * from the SPDX license list bundled in org.spdx:java-spdx-library, offline. One line per license
 * ({@code L id flags}) and per exception ({@code E id flags}); flags are {@code o} OSI approved,
 * {@code f} FSF libre, {@code d} deprecated, {@code c} copyleft (from the family list in
 * {@code copyleft-families.txt}; SPDX has no copyleft flag). The library is a build-time dependency
 * only ({@code provided}): loading it costs about a second on a cold JVM.
 *
 * <p>Arguments: the copyleft family file, the output classes directory.
 */
public final class SpdxListGenerator {
    private SpdxListGenerator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: SpdxListGenerator COPYLEFT_FAMILIES OUTPUT_CLASSES_DIR");
            System.exit(2);
        }
        System.setProperty("SPDXParser.OnlyUseLocalLicenses", "true");
        System.setProperty("org.spdx.useJARLicenseInfoOnly", "true");
        List<String> families = readFamilies(Path.of(args[0]));
        Path out = Path.of(args[1]).resolve(SpdxList.RESOURCE.substring(1));
        Files.createDirectories(out.getParent());
        String text = generate(families);
        if (!Files.exists(out) || !Files.readString(out, StandardCharsets.UTF_8).equals(text)) {
            Files.writeString(out, text, StandardCharsets.UTF_8);
        }
    }

    static List<String> readFamilies(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String l = line.strip();
            int hash = l.indexOf('#');
            if (hash >= 0) l = l.substring(0, hash).strip();
            if (!l.isEmpty()) out.add(l);
        }
        return out;
    }

    /** Whether {@code id} is in a copyleft family: an entry {@code PREFIX*} or exactly {@code ID}. */
    static boolean copyleft(String id, List<String> families) {
        for (String f : families) {
            if (f.endsWith("*") ? id.startsWith(f.substring(0, f.length() - 1)) : id.equals(f)) return true;
        }
        return false;
    }

    static String generate(List<String> families) throws Exception {
        SpdxModelFactory.init();
        ListedLicenses list = ListedLicenses.getListedLicenses();
        StringBuilder s = new StringBuilder();
        s.append("# Generated at build time by SpdxListGenerator from org.spdx:java-spdx-library; do not edit.\n");
        s.append("# L|E <tab> id <tab> flags: o OSI approved, f FSF libre, d deprecated, c copyleft\n");
        s.append("#version ").append(list.getLicenseListVersion()).append('\n');
        TreeSet<String> used = new TreeSet<>();
        for (String id : new TreeSet<>(list.getSpdxListedLicenseIds())) {
            SpdxListedLicense l = list.getListedLicenseByIdCompatV2(id);
            StringBuilder flags = new StringBuilder();
            if (Boolean.TRUE.equals(l.isOsiApproved())) flags.append('o');
            if (Boolean.TRUE.equals(l.getFsfLibre())) flags.append('f');
            if (l.isDeprecated()) flags.append('d');
            if (copyleft(id, families)) {
                flags.append('c');
                for (String f : families) if (copyleft(id, List.of(f))) used.add(f);
            }
            s.append("L\t").append(id).append('\t').append(flags).append('\n');
        }
        for (String id : new TreeSet<>(list.getSpdxListedExceptionIds())) {
            ListedLicenseException e = list.getListedExceptionByIdCompatV2(id);
            s.append("E\t").append(id).append('\t').append(e.isDeprecated() ? "d" : "").append('\n');
        }
        for (String f : families) {
            if (!used.contains(f)) throw new IllegalStateException("copyleft family `" + f + "` matches no SPDX license id");
        }
        return s.toString();
    }
}
