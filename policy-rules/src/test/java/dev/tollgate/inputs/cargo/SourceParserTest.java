package dev.tollgate.inputs.cargo;

import dev.tollgate.api.facts.GitSpec;
import dev.tollgate.api.facts.Source;
import dev.tollgate.api.facts.SourceKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceParserTest {
    @Test
    void noSourceIsLocal() {
        assertSame(Source.LOCAL, SourceParser.parse(null));
        assertSame(Source.LOCAL, SourceParser.parse(""));
    }

    @Test
    void cratesIoGitIndex() {
        Source s = SourceParser.parse("registry+https://github.com/rust-lang/crates.io-index");
        assertEquals(SourceKind.REGISTRY, s.kind());
        assertEquals("https://github.com/rust-lang/crates.io-index", s.url());
        assertEquals(Source.CRATES_IO_KEY, s.key());
        assertEquals("github.com", s.host());
        assertTrue(s.isRegistry());
        assertTrue(s.isCratesIo());
        assertEquals(GitSpec.ANY, s.gitSpec());
        assertEquals("", s.commit());
    }

    @Test
    void sparseRegistries() {
        Source cratesIo = SourceParser.parse("sparse+https://index.crates.io/");
        assertEquals(SourceKind.SPARSE_REGISTRY, cratesIo.kind());
        assertEquals("https://index.crates.io/", cratesIo.url());
        assertEquals(Source.CRATES_IO_KEY, cratesIo.key());
        assertEquals("index.crates.io", cratesIo.host());

        // Elsewhere the sparse+ prefix is part of the identity: a sparse registry is not the git one.
        Source other = SourceParser.parse("sparse+https://Registry.Example.com/index/");
        assertEquals("sparse+https://registry.example.com/index", other.key());
        assertFalse(other.isCratesIo());
        assertEquals("https://registry.example.com/index",
                SourceParser.parse("registry+https://registry.example.com/index").key());
    }

    @Test
    void gitWithEachSpec() {
        Source rev = SourceParser.parse("git+https://github.com/Example-Org/Repo.git?rev=0123abc#0123abcdef");
        assertEquals(SourceKind.GIT, rev.kind());
        assertEquals("https://github.com/Example-Org/Repo.git", rev.url());
        assertEquals("https://github.com/Example-Org/Repo", rev.key());
        assertEquals("github.com", rev.host());
        assertEquals("example-org", rev.org());
        assertEquals(GitSpec.REV, rev.gitSpec());
        assertEquals("0123abc", rev.gitRef());
        assertEquals("0123abcdef", rev.commit());
        assertTrue(rev.isGit());

        assertEquals(GitSpec.TAG, SourceParser.parse("git+https://gitlab.com/g/p?tag=v1.2#c").gitSpec());
        assertEquals("v1.2", SourceParser.parse("git+https://gitlab.com/g/p?tag=v1.2#c").gitRef());
        assertEquals("g", SourceParser.parse("git+https://gitlab.com/g/p?tag=v1.2#c").org());
        assertEquals(GitSpec.BRANCH, SourceParser.parse("git+https://bitbucket.org/t/p?branch=main#c").gitSpec());

        Source bare = SourceParser.parse("git+https://git.example.com/p#c0ffee");
        assertEquals(GitSpec.ANY, bare.gitSpec());
        assertEquals("", bare.gitRef());
        assertEquals("c0ffee", bare.commit());
        assertEquals("", bare.org(), "organizations are only known for github, gitlab and bitbucket");
    }

    @Test
    void theMostSpecificSpecWins() {
        Source s = SourceParser.parse("git+https://github.com/o/r?branch=main&rev=abc#abcdef");
        assertEquals(GitSpec.REV, s.gitSpec());
        assertEquals("abc", s.gitRef());
    }

    @Test
    void refsArePercentDecoded() {
        assertEquals("feature/x", SourceParser.parse("git+https://github.com/o/r?branch=feature%2Fx#c").gitRef());
        assertEquals("a+b {ü}#", SourceParser.percentDecode("a+b%20%7B%C3%BC%7D%23"));
        assertEquals("100%", SourceParser.percentDecode("100%"));
        assertEquals("%zz", SourceParser.percentDecode("%zz"));
    }

    @Test
    void keysNormalizeSchemeHostSlashesAndGitSuffix() {
        assertEquals("https://github.com/Org/Repo", SourceParser.key("https://GitHub.COM/Org/Repo/"));
        assertEquals("https://github.com/org/repo", SourceParser.key("git+https://github.com/org/repo.git?rev=1#2"));
        assertEquals(Source.CRATES_IO_KEY, SourceParser.key("https://github.com/rust-lang/crates.io-index.git"));
        assertEquals(Source.CRATES_IO_KEY, SourceParser.key("sparse+https://index.crates.io/"));
        assertEquals(Source.CRATES_IO_KEY, SourceParser.key(" https://index.crates.io "));
    }

    @Test
    void equalSourcesWrittenDifferentlyShareAKey() {
        Source lock = SourceParser.parse("git+https://github.com/Org/repo?rev=1#1111");
        assertEquals(lock.key(), SourceParser.key("https://github.com/Org/repo.git/"));
    }

    @Test
    void unknownPrefixIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SourceParser.parse("svn+https://example.com/x"));
        assertThrows(IllegalArgumentException.class, () -> SourceParser.parse("path+file:///tmp/x"));
        assertThrows(IllegalArgumentException.class, () -> SourceParser.parse("https://github.com/o/r"));
    }

    @Test
    void unparsableUrlsHaveNoHost() {
        Source scpLike = SourceParser.parse("git+git@github.com:o/r.git#c");
        assertEquals("", scpLike.host());
        assertEquals("", scpLike.org());
        assertEquals("", SourceParser.host("https://exa mple.com/x"));
    }
}
