package dev.tollgate.inputs.git;

import dev.tollgate.inputs.io.InputException;
import dev.tollgate.inputs.io.InputFiles;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files read out of a commit get the guards of files read from the working tree: a size limit checked
 * before the blob is loaded, regular files only, valid UTF-8, each failure naming the file at the ref.
 */
class GitBlobLimitsTest {
    @Test
    void commitsAreReadWithTheGuardsOfTheWorkingTree(@TempDir Path repo) throws Exception {
        try (Git g = Git.init().setInitialBranch("main").setDirectory(repo.toFile()).call()) {
            Files.writeString(repo.resolve("deny.toml"), "#".repeat((int) InputFiles.Kind.CONFIG.limit() + 1));
            Files.createSymbolicLink(repo.resolve("Cargo.lock"), Path.of("/dev/zero"));
            Files.write(repo.resolve("tollgate.toml"), new byte[] {'a', '=', '"', (byte) 0xff, '"', '\n'});
            Files.writeString(repo.resolve("ok.toml"), "a = 1\n");
            g.add().addFilepattern(".").call();
            g.commit().setMessage("chore: hostile").setSign(false).setAuthor("T", "t@example.org").setCommitter("T", "t@example.org").call();
        }
        try (GitTree tree = GitTree.at(repo, "HEAD")) {
            InputException big = assertThrows(InputException.class, () -> tree.read("deny.toml", InputFiles.Kind.CONFIG));
            assertTrue(big.getMessage().startsWith("deny.toml@HEAD: is 8388609 bytes, over the 8388608-byte limit"), big.getMessage());
            InputException link = assertThrows(InputException.class, () -> tree.read("Cargo.lock", InputFiles.Kind.LOCKFILE));
            assertTrue(link.getMessage().contains("a symbolic link"), link.getMessage());
            InputException utf8 = assertThrows(InputException.class, () -> tree.read("tollgate.toml", InputFiles.Kind.CONFIG));
            assertTrue(utf8.getMessage().startsWith("tollgate.toml@HEAD:1:"), utf8.getMessage());
            assertEquals("a = 1\n", tree.read("ok.toml", InputFiles.Kind.CONFIG));
            assertEquals(null, tree.read("absent.toml", InputFiles.Kind.CONFIG));
        }
        try (ChangedFiles cf = ChangedFiles.open(repo)) {
            InputException link = assertThrows(InputException.class, () -> cf.fileAt("HEAD", "Cargo.lock"));
            assertTrue(link.getMessage().contains("Cargo.lock@HEAD") && link.getMessage().contains("not a regular file"), link.getMessage());
        }
    }
}
