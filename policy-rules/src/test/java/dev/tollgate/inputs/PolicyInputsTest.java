package dev.tollgate.inputs;

import dev.tollgate.inputs.io.InputException;

import dev.tollgate.api.Policies;
import dev.tollgate.api.facts.InputNote;
import dev.tollgate.api.facts.Location;
import dev.tollgate.inputs.PolicyInputs.Decision;
import dev.tollgate.inputs.PolicyInputs.Presence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The table of policy inputs units, and the one decision about absent inputs. */
class PolicyInputsTest {
    static final InputNote NOTE = new InputNote("sources", "skipped", "the sources policy did not run", Location.NONE);

    @Test
    void everyPolicyHasExactlyOneUnit() {
        assertEquals(Set.copyOf(Policies.ALL), Set.copyOf(PolicyInputs.ALL.stream().map(PolicyInputs::id).toList()));
        assertEquals(Policies.ALL.size(), PolicyInputs.ALL.size());
        for (String p : Policies.ALL) {
            assertEquals(p, PolicyInputs.of(p).id());
            assertFalse(PolicyInputs.of(p).needs().isBlank(), p);
        }
        assertNull(PolicyInputs.of("msrv"), "a custom policy reads no input of its own");
        assertEquals(Policies.COMMITS, PolicyInputs.ALL.get(0).id(), "a PR title is parsed before any other input");
    }

    @Test
    void absentInputsAreSkippedWithANoteUnlessAskedForByName() {
        Presence absent = Presence.absent("Cargo.lock", "file not found", NOTE);
        Decision skipped = PolicyInputs.decide(absent, false);
        assertFalse(skipped.runs());
        assertSame(NOTE, skipped.note());
        assertFalse(skipped.needsRules());
        Decision named = PolicyInputs.decide(absent, true);
        assertFalse(named.runs());
        assertNull(named.note());
        assertEquals("Cargo.lock: file not found", named.error().getMessage());
        assertTrue(named.needsRules());

        assertNull(PolicyInputs.decide(Presence.absent("--policies commits", "needs --base", null), false).note(), "silently");
        assertTrue(PolicyInputs.decide(Presence.present(), false).runs());
        // removed by the change: a note whether or not asked for
        for (boolean n : new boolean[] {true, false}) {
            Decision missing = PolicyInputs.decide(Presence.missing(NOTE, false), n);
            assertSame(NOTE, missing.note());
            assertNull(missing.error());
            assertFalse(missing.runs());
            assertEquals(n, missing.needsRules(), "a named policy's rules are built, its note reported against it");
        }
        assertTrue(PolicyInputs.decide(Presence.missing(NOTE, true), false).runs());
        // a default on request: runs when named, else the note
        assertTrue(PolicyInputs.decide(Presence.onRequest(NOTE), true).runs());
        assertSame(NOTE, PolicyInputs.decide(Presence.onRequest(NOTE), false).note());
    }

    @Test
    void loadAndMayEvaluateTakeTheSameDecision(@TempDir Path repo) throws Exception {
        // no Cargo.lock, no .github, no range: nothing runs, and each absence is handled the same way by both
        Files.writeString(repo.resolve("README.md"), "not a Rust workspace\n");
        RepositoryFacts.Request all = new RepositoryFacts.Request(repo, null, null, Set.copyOf(Policies.ALL), Set.of());
        assertEquals(Set.of(), RepositoryFacts.mayEvaluate(all));
        RepositoryFacts.Result r = RepositoryFacts.load(all);
        assertEquals(Set.of(), r.evaluated());
        long notes = r.facts().stream().filter(f -> f instanceof InputNote n && n.kind().equals("skipped")).count();
        assertEquals(5, notes, "sources, licenses, bans, advisories and workflows are skipped with a note; commits silently: " + r.facts());
        for (String p : Policies.ALL) {
            RepositoryFacts.Request named = new RepositoryFacts.Request(repo, null, null, Set.of(p), Set.of(p));
            assertEquals(Set.of(p), RepositoryFacts.mayEvaluate(named), "a named policy's rules are built");
            InputException e = assertThrows(InputException.class, () -> RepositoryFacts.load(named), p);
            assertNotNull(e.getMessage());
        }
    }
}
