package dev.tollgate.inputs.workflows;

import dev.tollgate.api.facts.ConfigIssue;
import dev.tollgate.api.facts.Location;
import dev.tollgate.api.facts.PinAllowance;
import dev.tollgate.api.facts.WorkflowsConfig;
import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.denytoml.DenyArray;
import dev.tollgate.inputs.denytoml.DenyTable;
import dev.tollgate.inputs.tollgate.TollgateToml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code [workflows]} table of tollgate.toml:
 * <pre>
 * [workflows]
 * gate-job = "gate"
 * release-patterns = ["release*", "pub-*", "publish*"]
 * [workflows.levels]
 * non-semver-version-comment = "off"      # error | warning | note | off
 * [[workflows.allow-unpinned]]
 * pattern = "slsa-framework/slsa-github-generator/.github/workflows/*"
 * reason = "the SLSA generator must be called by tag"
 * </pre>
 */
public final class WorkflowsSettings {
    public static final List<String> KEYS = List.of("allow-unpinned", "gate-job", "levels", "release-patterns");
    static final List<String> ALLOW_KEYS = List.of("pattern", "reason");
    static final Set<String> LEVELS = Set.of("error", "warning", "note", "off");

    /**
     * The config fact, the allow-list and the configuration issues.
     *
     * @param codes the codes [workflows.levels] accepts: those the workflows rules declare
     *              ({@link WorkflowsCodes#declared()}); empty accepts any
     */
    public static List<Object> facts(TollgateToml toml, Set<String> codes) {
        List<Object> out = new ArrayList<>();
        String file = toml.displayPath();
        DenyTable t = toml.section("workflows");
        if (t == null) {
            out.add(WorkflowsConfig.defaults(file));
            return out;
        }
        out.addAll(toml.unknownKeys("workflows", KEYS, "workflows"));
        String gate = t.getString("gate-job");
        if (gate != null && gate.isBlank()) throw fail(t.at("gate-job"), "`workflows.gate-job`: must not be empty");
        List<String> patterns = WorkflowsConfig.DEFAULT_RELEASE_PATTERNS;
        DenyArray rp = t.getArray("release-patterns");
        if (rp != null) {
            patterns = new ArrayList<>();
            for (int i = 0; i < rp.size(); i++) {
                if (!(rp.get(i) instanceof String s) || s.isBlank()) throw fail(rp.at(i), "`workflows.release-patterns`: expected a non-empty string");
                patterns.add(s);
            }
        }
        Map<String, String> levels = new LinkedHashMap<>();
        DenyTable lv = t.getTable("levels");
        if (lv != null) {
            Map<String, Location> unknown = new TreeMap<>();
            for (String code : lv.keySet()) {
                if (!(lv.get(List.of(code)) instanceof String level) || !LEVELS.contains(level)) {
                    throw fail(lv.at(code), "`workflows.levels." + code + "`: expected one of error, warning, note, off");
                }
                if (!codes.isEmpty() && !codes.contains(code)) unknown.put(code, lv.at(code));
                else levels.put(code, level);
            }
            unknown.forEach((code, at) -> out.add(new ConfigIssue("workflows", "unknown-key", "workflows.levels." + code,
                    "unknown finding code `" + code + "` in [workflows.levels] of " + file + "; see docs/policies/workflows.md", at)));
        }
        DenyArray allow = t.getArray("allow-unpinned");
        if (allow != null) {
            for (int i = 0; i < allow.size(); i++) {
                DenyTable e = allow.getTable(i);
                if (e == null) throw fail(allow.at(i), "`workflows.allow-unpinned`: each entry is a table with `pattern` and `reason`");
                for (String k : e.keySet()) {
                    if (!ALLOW_KEYS.contains(k)) out.add(new ConfigIssue("workflows", "unknown-key", "workflows.allow-unpinned." + k,
                            "unknown key `" + k + "` in [[workflows.allow-unpinned]] of " + file + "; known: pattern, reason", e.at(k)));
                }
                String pattern = e.getString("pattern");
                String reason = e.getString("reason");
                if (pattern == null || pattern.isBlank()) throw fail(allow.at(i), "`workflows.allow-unpinned`: `pattern` is required");
                if (reason == null || reason.isBlank()) throw fail(e.at("pattern"), "`workflows.allow-unpinned`: `reason` is required (say why this ref cannot be pinned)");
                out.add(new PinAllowance(pattern, reason, e.at("pattern")));
            }
        }
        out.add(new WorkflowsConfig(levels, patterns, gate != null ? gate : WorkflowsConfig.DEFAULT_GATE_JOB, t.at(List.of())));
        return out;
    }

    private static InputException fail(Location at, String message) {
        return new InputException(at.file(), at.line(), at.column(), message);
    }

}
