package dev.tollgate.inputs.commits;

import dev.tollgate.api.facts.ConventionalCommit;
import dev.tollgate.api.facts.ConventionalCommit.Footer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConventionalCommitsTest {
    private static ConventionalCommit p(String message) {
        return ConventionalCommits.parse("abc", "abcdef", message, "");
    }

    @Test
    void headerParts() {
        ConventionalCommit c = p("feat(parser)!: accept tabs");
        assertTrue(c.conventional());
        assertEquals("feat", c.type());
        assertEquals("parser", c.scope());
        assertTrue(c.bang());
        assertTrue(c.breaking());
        assertEquals("accept tabs", c.description());
        assertEquals("", c.body());
        assertEquals(List.of(), c.footers());

        ConventionalCommit plain = p("fix: a");
        assertEquals("", plain.scope());
        assertFalse(plain.breaking());
    }

    @Test
    void bodyAndFooters() {
        ConventionalCommit c = p("fix: stop the crash\n\nThe parser read past the end.\nTwo lines.\n\n"
                + "Reviewed-by: Ana\nRefs #133\nBREAKING CHANGE: the API\n  takes bytes now");
        assertEquals("The parser read past the end.\nTwo lines.", c.body());
        assertEquals(List.of(new Footer("Reviewed-by", "Ana"), new Footer("Refs", "#133"),
                new Footer("BREAKING CHANGE", "the API\n  takes bytes now")), c.footers());
        assertTrue(c.breaking());
        assertTrue(p("fix: x\n\nBREAKING-CHANGE: y").breaking());
        assertFalse(p("fix: x\n\nbreaking change: y").breaking(), "only the uppercase token is breaking");
        assertEquals(List.of(new Footer("Refs", "#1")), p("fix: x\n\nRefs: #1").footers());
        ConventionalCommit noFooters = p("fix: x\n\nThis is a body: with a colon in the middle of it.");
        assertEquals(List.of(), noFooters.footers());
        assertEquals("This is a body: with a colon in the middle of it.", noFooters.body());
    }

    @Test
    void notConventional() {
        assertEquals("the header starts with `Update ` and has no `type: ` prefix", p("Update README").problem());
        assertEquals("the header has no `: ` after `fix(tools)`", p("fix(tools) Wire it").problem());
        assertEquals("there is no space after the `:`", p("fix:wire").problem());
        assertEquals("there is a space before the `:` after `fix`", p("fix : wire").problem());
        assertEquals("the scope `()` is empty; remove the parentheses or name a scope", p("fix(): wire").problem());
        assertEquals("the scope after `fix(` is not closed with `)`", p("fix(a: wire").problem());
        assertEquals("the header is empty", p("").problem());
        assertEquals("the header does not start with a type (a word such as `feat` or `fix`)", p("[skip ci] x").problem());
        assertFalse(p("Feat/chat history persistence (#3796)").conventional());
    }

    @Test
    void crlfNulAndHugeBodies() {
        ConventionalCommit crlf = p("feat: windows\r\n\r\nbody line\r\n\r\nRefs: #2\r\n");
        assertTrue(crlf.conventional());
        assertEquals("feat: windows", crlf.header());
        assertEquals("windows", crlf.description());
        assertEquals("body line", crlf.body());
        assertEquals(List.of(new Footer("Refs", "#2")), crlf.footers());
        assertTrue(crlf.blankAfterHeader());

        assertFalse(p("fix: a\nsecond line").blankAfterHeader());
        ConventionalCommit title = ConventionalCommits.title("feat: x\u0000y");
        assertEquals("nul", title.messageProblem());
        assertEquals("feat: x\uFFFDy", title.header());

        String mb = "fix: big\n\n" + "x".repeat(1 << 20);
        ConventionalCommit big = p(mb);
        assertTrue(big.conventional());
        assertEquals(1 << 20, big.body().length());
        ConventionalCommit longHeader = p("fix: " + "y".repeat(1 << 20));
        assertTrue(longHeader.headerLength() > 1_000_000);
    }
}
