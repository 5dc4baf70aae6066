package dev.tollgate.inputs.licenses;

import dev.tollgate.api.facts.AllowedLicense;
import dev.tollgate.api.facts.ClarificationProblem;
import dev.tollgate.api.facts.LicenseException;
import dev.tollgate.api.facts.LicenseExpression;
import dev.tollgate.api.facts.LicenseReq;
import dev.tollgate.api.facts.LicensesConfig;
import dev.tollgate.api.facts.Level;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.facts.LockedPackage;
import dev.tollgate.api.facts.PackageLicense;
import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.io.InputFiles;
import dev.tollgate.inputs.denytoml.CrateSpecs;
import dev.tollgate.inputs.denytoml.SpecEntries;
import dev.tollgate.inputs.cargo.CargoWorkspace;
import dev.tollgate.inputs.cargo.PackageMeta;
import dev.tollgate.inputs.denytoml.DenyArray;
import dev.tollgate.inputs.denytoml.DenyConfig;
import dev.tollgate.inputs.denytoml.DenyTable;
import dev.tollgate.inputs.denytoml.DenyTomlReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The licenses policy's facts: one {@link LicensesConfig}, its {@link AllowedLicense} and
 * {@link LicenseException} entries, and one {@link PackageLicense} per package of {@code cargo metadata}.
 *
 * <p>Malformed settings fail the run ({@link InputException}, exit 2) at the offending value: a
 * license id that is not SPDX, a crate spec that is not {@code name} or {@code name@req}, a level
 * that is not deny / warn / allow. A crate's own license string that does not parse is not an input
 * error but a fact ({@link PackageLicense#parseError()}) that the rules report.
 */
public final class LicenseFacts {
    /** A clarification: the spec, the expression, the license files it names, where it is. */
    private record Clarify(Spec spec, LicenseExpression expression, List<LicenseFile> files, Location at) {
    }

    /** One {@code license-files} entry: the path in the crate's directory, its hash (null: none given). */
    private record LicenseFile(String path, Long hash, Location at) {
        @Override
        public String toString() {
            return hash == null ? path : path + " " + LicenseFileHash.hex(hash);
        }
    }

    private record ExceptionEntry(Spec spec, String crate, List<LicenseReq> allowed, Location at) {
    }

    private LicenseFacts() {
    }

    /**
     * @param exceptionsFile {@code deny.exceptions.toml} beside deny.toml, read when it exists (may be null)
     * @param exceptionsDisplay how findings and errors name it
     */
    public static List<Object> build(CargoWorkspace ws, DenyConfig deny, Path exceptionsFile, String exceptionsDisplay) {
        List<Object> facts = new ArrayList<>();
        String file = deny.displayPath();
        DenyTable root = deny.toml();
        DenyTable lic = root.getTable("licenses");
        Location tableAt = deny.locationOf("licenses");

        List<AllowedLicense> allowed = new ArrayList<>();
        List<LicenseReq> allowReqs = new ArrayList<>();
        Level unusedAllowed = Level.WARN;
        Level unusedException = Level.WARN;
        boolean includeDev = false;
        boolean includeBuild = true;
        double confidence = 0.8;
        boolean privateIgnore = false;
        List<String> privateRegistries = new ArrayList<>();
        List<String> ignoreSources = new ArrayList<>();
        List<ExceptionEntry> exceptions = new ArrayList<>();
        List<Clarify> clarifications = new ArrayList<>();

        if (lic != null) {
            DenyArray allow = lic.getArray("allow");
            if (allow != null) {
                for (int i = 0; i < allow.size(); i++) {
                    String text = string(allow, i, file, "licenses.allow");
                    LicenseReq req = license(text, allow.at(i), file, "licenses.allow");
                    allowed.add(new AllowedLicense(req, text, allow.at(i)));
                    allowReqs.add(req);
                }
            }
            unusedAllowed = level(lic, "unused-allowed-license", unusedAllowed, deny);
            unusedException = level(lic, "unused-license-exception", unusedException, deny);
            Boolean dev = lic.getBoolean("include-dev");
            if (dev != null) includeDev = dev;
            Boolean build = lic.getBoolean("include-build");
            if (build != null) includeBuild = build;
            Object ct = lic.get(List.of("confidence-threshold"));
            if (ct != null) {
                double v;
                if (ct instanceof Double d) v = d;
                else if (ct instanceof Long l) v = l;
                else throw at(lic.at("confidence-threshold"), file, "`licenses.confidence-threshold`: expected a number from 0.0 to 1.0");
                if (!(v >= 0.0 && v <= 1.0)) {
                    throw at(lic.at("confidence-threshold"), file, "`licenses.confidence-threshold`: " + v + " is not between 0.0 and 1.0");
                }
                confidence = v;
            }
            DenyTable priv = lic.getTable("private");
            if (priv != null) {
                Boolean ignore = priv.getBoolean("ignore");
                if (ignore != null) privateIgnore = ignore;
                privateRegistries.addAll(strings(priv, "registries", file, "licenses.private.registries"));
                ignoreSources.addAll(strings(priv, "ignore-sources", file, "licenses.private.ignore-sources"));
            }
            DenyArray ex = lic.getArray("exceptions");
            if (ex != null) readExceptions(ex, file, "licenses.exceptions", exceptions);
            DenyArray cl = lic.getArray("clarify");
            if (cl != null) readClarify(cl, file, clarifications);
        }
        if (exceptionsFile != null && InputFiles.present(exceptionsFile)) {
            DenyTable extra = DenyTomlReader.parseTable(InputFiles.readText(exceptionsFile, exceptionsDisplay, InputFiles.Kind.CONFIG), exceptionsDisplay);
            DenyArray ex = extra.getArray("exceptions");
            if (ex != null) readExceptions(ex, exceptionsDisplay, "exceptions", exceptions);
        }

        LicensesConfig config = new LicensesConfig(allowReqs, unusedAllowed, unusedException, includeDev, includeBuild,
                confidence, privateIgnore, privateRegistries, ignoreSources, tableAt);
        facts.add(config);
        facts.addAll(allowed);

        List<List<String>> matched = new ArrayList<>();
        for (int i = 0; i < exceptions.size(); i++) matched.add(new ArrayList<>());
        for (LockedPackage p : ws.packages()) {
            PackageMeta meta = ws.metadata().get(p.id());
            if (meta == null) continue;
            List<LicenseReq> exceptionAllowed = new ArrayList<>();
            for (int i = 0; i < exceptions.size(); i++) {
                ExceptionEntry e = exceptions.get(i);
                if (e.spec.matches(p.name(), p.version())) {
                    exceptionAllowed.addAll(e.allowed);
                    matched.get(i).add(p.id());
                }
            }
            // cargo-deny applies the first matching clarification whose license files all exist in the
            // crate's sources with the hashes given; when the sources are not on this machine, Tollgate
            // applies the first matching one and says what it could not check.
            Clarify clarify = null;
            String unverified = "";
            Path crateDir = meta.manifestPath() == null ? null : Path.of(meta.manifestPath()).getParent();
            boolean sourcesHere = crateDir != null && crateDir.isAbsolute() && Files.isDirectory(crateDir);
            for (Clarify c : clarifications) {
                if (!c.spec.matches(p.name(), p.version())) continue;
                if (c.files.isEmpty()) {
                    clarify = c;
                    break;
                }
                if (!sourcesHere) {
                    clarify = c;
                    unverified = "the license-files hashes (" + String.join(", ", c.files.stream().map(LicenseFile::toString).toList())
                            + ") were not verified: the crate's sources are not on this machine"
                            + (crateDir == null ? "" : " (" + crateDir + ")");
                    break;
                }
                List<ClarificationProblem> problems = verify(c, crateDir, p);
                if (problems.isEmpty()) {
                    clarify = c;
                    break;
                }
                facts.addAll(problems);
            }
            String declared = meta.license() == null || meta.license().isBlank() ? null : meta.license();
            LicenseExpression expression = null;
            String parseError = null;
            Location clarifiedAt = Location.NONE;
            if (clarify != null) {
                expression = clarify.expression;
                clarifiedAt = clarify.at;
            } else if (declared != null) {
                try {
                    expression = SpdxParser.parse(declared);
                } catch (SpdxSyntaxException e) {
                    parseError = e.getMessage();
                }
            }
            facts.add(new PackageLicense(p.id(), p.name(), p.version(), declared, meta.licenseFile(), expression, parseError,
                    clarifiedAt, unverified, exceptionAllowed, p.member(), meta.publish(),
                    p.source() == null ? "" : p.source().url(), p.origin()));
        }
        for (int i = 0; i < exceptions.size(); i++) {
            ExceptionEntry e = exceptions.get(i);
            facts.add(new LicenseException(e.crate, e.allowed, matched.get(i), e.at));
        }
        return facts;
    }

    /** The license files of a clarification that are missing from the crate's directory or hash differently. */
    private static List<ClarificationProblem> verify(Clarify c, Path crateDir, LockedPackage p) {
        List<ClarificationProblem> problems = new ArrayList<>();
        String spec = p.name() + "@" + p.version();
        for (LicenseFile f : c.files) {
            Path path = crateDir.resolve(f.path()).normalize();
            String expected = f.hash() == null ? "" : LicenseFileHash.hex(f.hash());
            if (!path.startsWith(crateDir) || !Files.isRegularFile(path)) {
                problems.add(new ClarificationProblem(p.id(), spec, "missing", f.path(), expected, "", f.at()));
                continue;
            }
            if (f.hash() == null) continue;
            long actual = LicenseFileHash.of(InputFiles.readBytes(path, path.toString(), InputFiles.Kind.LICENSE_TEXT));
            if (actual != f.hash()) {
                problems.add(new ClarificationProblem(p.id(), spec, "mismatch", f.path(), expected, LicenseFileHash.hex(actual), f.at()));
            }
        }
        return problems;
    }

    private static void readExceptions(DenyArray ex, String file, String key, List<ExceptionEntry> out) {
        for (int i = 0; i < ex.size(); i++) {
            DenyTable t = ex.getTable(i);
            Location at = ex.at(i);
            if (t == null) throw at(at, file, "`" + key + "` entries are tables with `crate` (or `name`) and `allow`");
            Spec spec = spec(t, at, file, key, i);
            DenyArray allow = t.getArray("allow");
            if (allow == null) throw at(at, file, "`" + key + "` entry for `" + spec.text() + "` has no `allow` list");
            List<LicenseReq> reqs = new ArrayList<>();
            for (int k = 0; k < allow.size(); k++) {
                String text = string(allow, k, file, key + ".allow");
                reqs.add(license(text, allow.at(k), file, key + ".allow"));
            }
            out.add(new ExceptionEntry(spec, spec.text(), reqs, at));
        }
    }

    private static void readClarify(DenyArray cl, String file, List<Clarify> out) {
        for (int i = 0; i < cl.size(); i++) {
            DenyTable t = cl.getTable(i);
            Location at = cl.at(i);
            if (t == null) throw at(at, file, "`licenses.clarify` entries are tables with `crate` (or `name`) and `expression`");
            Spec spec = spec(t, at, file, "licenses.clarify", i);
            String expr = t.getString("expression");
            if (expr == null) throw at(at, file, "`licenses.clarify` entry for `" + spec.text() + "` has no `expression`");
            LicenseExpression e;
            try {
                e = SpdxParser.parse(expr);
            } catch (SpdxSyntaxException x) {
                Location v = t.at("expression");
                throw new InputException(file, v.line(), 0, "`licenses.clarify` expression `" + expr + "`: " + x.reason()
                        + " (at column " + x.column() + " of the expression)");
            }
            List<LicenseFile> files = new ArrayList<>();
            DenyArray lf = t.getArray("license-files");
            if (lf != null) {
                for (int k = 0; k < lf.size(); k++) {
                    DenyTable f = lf.getTable(k);
                    if (f == null || f.getString("path") == null) {
                        throw at(lf.at(k), file, "`license-files` entries are `{ path = \"...\", hash = 0x... }`");
                    }
                    Object hash = f.get(List.of("hash"));
                    if (hash != null && !(hash instanceof Long)) throw at(f.at("hash"), file, "`hash` is an integer (0x...)");
                    if (hash != null && ((Long) hash < 0 || (Long) hash > 0xffffffffL)) {
                        throw at(f.at("hash"), file, "`hash` is a 32-bit value (0x00000000 to 0xffffffff)");
                    }
                    files.add(new LicenseFile(f.getString("path"), (Long) hash, lf.at(k)));
                }
            }
            out.add(new Clarify(spec, e, files, at));
        }
    }

    /** A crate spec as cargo-deny reads it everywhere (the same reader as [bans]), and its text as written. */
    private record Spec(CrateSpecs.Spec parsed, String text) {
        boolean matches(String name, String version) {
            return parsed.matches(name, version);
        }
    }

    private static Spec spec(DenyTable t, Location at, String file, String key, int index) {
        String sub = key.startsWith("licenses.") ? key.substring("licenses.".length()) : key;
        SpecEntries.Read r = SpecEntries.read("licenses", t, at, sub + "[" + index + "]", file);
        return new Spec(r.spec(), r.written());
    }

    private static LicenseReq license(String text, Location at, String file, String key) {
        try {
            return SpdxParser.parseAllowed(text);
        } catch (SpdxSyntaxException e) {
            int col = at.column() > 0 ? at.column() + 1 + e.offset() : 0;
            throw new InputException(file, at.line(), col, "`" + key + "`: `" + text + "` is not an SPDX license: " + e.reason());
        }
    }

    private static Level level(DenyTable t, String key, Level dflt, DenyConfig deny) {
        String word = t.getString(key);
        if (word == null) return dflt;
        Level l = Level.parse(word);
        if (l == null) throw at(t.at(key), deny.displayPath(), "`licenses." + key + "`: `" + word + "` is not deny, warn or allow");
        return l;
    }

    private static String string(DenyArray a, int i, String file, String key) {
        Object v = a.get(i);
        if (v instanceof String s) return s;
        throw at(a.at(i), file, "`" + key + "` holds strings; found " + (v instanceof DenyTable ? "a table" : String.valueOf(v)));
    }

    private static List<String> strings(DenyTable t, String key, String file, String dotted) {
        DenyArray a = t.getArray(key);
        List<String> out = new ArrayList<>();
        if (a == null) return out;
        for (int i = 0; i < a.size(); i++) out.add(string(a, i, file, dotted));
        return out;
    }

    private static InputException at(Location at, String file, String msg) {
        return new InputException(file, at.line(), at.column(), msg);
    }
}
