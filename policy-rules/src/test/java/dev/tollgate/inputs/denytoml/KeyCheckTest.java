package dev.tollgate.inputs.denytoml;

import dev.tollgate.api.Suggest;

import dev.tollgate.api.facts.ConfigIssue;
import dev.tollgate.api.facts.Location;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.tollgate.inputs.denytoml.Fixtures.NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;

class KeyCheckTest {

    private static ConfigIssue unknown(String policy, String key, String detail, int line, int column) {
        return new ConfigIssue(policy, "unknown-key", key, detail, Location.of(NAME, line, column));
    }

    private static ConfigIssue deprecated(String policy, String key, String detail, int line) {
        return new ConfigIssue(policy, "deprecated-key", key, detail, Location.of(NAME, line, 1));
    }

    @Test
    void everyKeyCargoDenyDocumentsIsKnown() {
        assertEquals(List.of(), Fixtures.read("every-key.toml").issues());
    }

    @Test
    void reportsUnknownKeysInEveryTableAtTheirOwnPosition() {
        List<ConfigIssue> issues = Fixtures.read("unknown-keys.toml").issues();

        assertEquals(List.of(
                unknown("config", "colour", "unknown key `colour` at the top level", 2, 1),
                unknown("config", "graph.target",
                        "unknown key `target` in [graph]; did you mean `targets`?", 5, 1),
                unknown("config", "graph.targets[0].feature",
                        "unknown key `feature` in `graph.targets[0]`; did you mean `features`?", 6, 47),
                unknown("config", "output.feature_depth",
                        "unknown key `feature_depth` in [output]; did you mean `feature-depth`?", 9, 1),
                unknown("advisories", "advisories.ignore[0].reasn",
                        "unknown key `reasn` in `advisories.ignore[0]`; did you mean `reason`?", 12, 39),
                unknown("advisories", "advisories.yanekd",
                        "unknown key `yanekd` in [advisories]; did you mean `yanked`?", 13, 1),
                unknown("licenses", "licenses.exception",
                        "unknown key `exception` in [licenses]; did you mean `exceptions`?", 17, 1),
                unknown("licenses", "licenses.private.ignored",
                        "unknown key `ignored` in [licenses.private]; did you mean `ignore`?", 20, 1),
                unknown("licenses", "licenses.clarify[0].expresion",
                        "unknown key `expresion` in `licenses.clarify[0]`; did you mean `expression`?", 24, 1),
                unknown("licenses", "licenses.clarify[0].license-files[0].sha",
                        "unknown key `sha` in `licenses.clarify[0].license-files[0]`", 25, 48),
                unknown("bans", "bans.multiple_versions",
                        "unknown key `multiple_versions` in [bans]; did you mean `multiple-versions`?", 28, 1),
                unknown("bans", "bans.deny[0].wrapers",
                        "unknown key `wrapers` in `bans.deny[0]`; did you mean `wrappers`?", 29, 24),
                unknown("bans", "bans.build.executable",
                        "unknown key `executable` in [bans.build]; did you mean `executables`?", 30, 1),
                unknown("bans", "bans.skip[1].nme",
                        "unknown key `nme` in `bans.skip[1]`; did you mean `name`?", 37, 1),
                unknown("bans", "bans.build.bypass[0].allow[0].checksun",
                        "unknown key `checksun` in `bans.build.bypass[0].allow[0]`; did you mean `checksum`?", 41, 28),
                unknown("sources", "sources.allow-gits",
                        "unknown key `allow-gits` in [sources]; did you mean `allow-git`?", 44, 1),
                unknown("sources", "sources.unknown_registry",
                        "unknown key `unknown_registry` in [sources]; did you mean `unknown-registry`?", 45, 1),
                unknown("sources", "sources.somethingelse", "unknown key `somethingelse` in [sources]", 46, 1),
                unknown("sources", "sources.allow-org.githubb",
                        "unknown key `githubb` in [sources.allow-org]; did you mean `github`?", 49, 1)),
                issues);
    }

    @Test
    void unknownKeysDoNotStopTheKnownOnesFromBeingRead() {
        DenyConfig c = Fixtures.read("unknown-keys.toml");

        // allow-gits is not allow-git, so no git source is allowed; the issue is what tells the user why
        assertEquals(List.of(DenyConfig.implicitCratesIo(NAME)), c.allowedSources());
        assertEquals(Set.of("config", "advisories", "licenses", "bans", "sources"),
                c.issues().stream().map(ConfigIssue::policy).collect(Collectors.toSet()));
        assertEquals(4, c.issuesFor("sources").size());
    }

    @Test
    void reportsKeysTheV2SchemaRemovedWithWhatToWriteInstead() {
        DenyConfig c = Fixtures.read("deprecated-keys.toml");

        assertEquals(List.of(
                deprecated("config", "targets",
                        "`targets` at the top level moved to [graph] in the v2 schema; write it under [graph]", 2),
                deprecated("config", "feature-depth", "`feature-depth` at the top level moved to [output] in the v2 "
                        + "schema; write it under [output]", 3),
                deprecated("advisories", "advisories.vulnerability", "`vulnerability` in [advisories] was removed in "
                        + "the v2 schema (vulnerability advisories are always errors); accept a specific advisory "
                        + "with `ignore`", 6),
                deprecated("advisories", "advisories.notice", "`notice` in [advisories] was removed in the v2 schema "
                        + "(notice advisories are always errors); accept a specific advisory with `ignore`", 7),
                deprecated("advisories", "advisories.severity-threshold", "`severity-threshold` in [advisories] was "
                        + "removed in the v2 schema (CVSS severity is no longer considered); accept a specific "
                        + "advisory with `ignore`", 8),
                deprecated("advisories", "advisories.db-url", "`db-url` in [advisories] was replaced by `db-urls`, "
                        + "a list of advisory database URLs", 9),
                deprecated("licenses", "licenses.unlicensed", "`unlicensed` in [licenses] was removed in the v2 "
                        + "schema (an unlicensed crate is always an error); assign its license with a "
                        + "[[licenses.clarify]] entry", 12),
                deprecated("licenses", "licenses.copyleft", "`copyleft` in [licenses] was removed in the v2 schema; "
                        + "list the copyleft licenses you accept in `allow`", 13),
                deprecated("licenses", "licenses.allow-osi-fsf-free", "`allow-osi-fsf-free` in [licenses] was "
                        + "removed in the v2 schema; list every license you accept in `allow`", 14),
                deprecated("licenses", "licenses.default", "`default` in [licenses] was removed in the v2 schema "
                        + "(a license that is not in `allow` or in an exception is always denied); delete it", 15),
                deprecated("licenses", "licenses.deny", "`deny` in [licenses] was removed in the v2 schema (every "
                        + "license that is not in `allow` is denied); delete it", 16),
                deprecated("bans", "bans.allow-build-scripts",
                        "`allow-build-scripts` in [bans] moved to [bans.build]; write it there", 19)),
                c.issues());
    }

    @Test
    void aMovedKeyIsNotApplied() {
        // cargo-deny's v2 schema reads targets only from [graph]; a top-level list is reported, not used
        assertEquals(List.of(), Fixtures.read("deprecated-keys.toml").graph().targets());
    }

    @Test
    void suggestionsStayWithinAFewEdits() {
        assertEquals("allow-git", Suggest.closest("allow-gits", List.of("allow-git", "allow-registry")).orElseThrow());
        assertEquals("allow-git", Suggest.closest("Allow_Git", List.of("allow-git", "allow-org")).orElseThrow());
        assertEquals(java.util.Optional.empty(), Suggest.closest("colour", List.of("graph", "output", "bans")));
        assertEquals(3, Suggest.distance("kitten", "sitting"));
    }
}
