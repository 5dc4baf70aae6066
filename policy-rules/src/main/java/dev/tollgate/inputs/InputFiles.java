package dev.tollgate.inputs;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reading input files into text, one way for every reader, with failures as {@link InputException}s
 * naming the display path.
 */
public final class InputFiles {
    private InputFiles() {
    }

    /** The file as UTF-8 text without a byte-order mark. */
    public static String readText(Path file, String displayPath) {
        if (Files.isDirectory(file)) throw InputException.at(displayPath, "is a directory, not a file");
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (NoSuchFileException e) {
            throw InputException.at(displayPath, "file not found");
        } catch (AccessDeniedException e) {
            throw InputException.at(displayPath, "cannot read: permission denied");
        } catch (CharacterCodingException e) {
            throw InputException.at(displayPath, "not valid UTF-8 text");
        } catch (IOException e) {
            throw InputException.at(displayPath, "cannot read: " + InputException.reason(e));
        }
    }

    /** The file's bytes (a license text to hash, say). */
    public static byte[] readBytes(Path file, String displayPath) {
        if (Files.isDirectory(file)) throw InputException.at(displayPath, "is a directory, not a file");
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw InputException.at(displayPath, "file not found");
        } catch (AccessDeniedException e) {
            throw InputException.at(displayPath, "cannot read: permission denied");
        } catch (IOException e) {
            throw InputException.at(displayPath, "cannot read: " + InputException.reason(e));
        }
    }

    /** A string in double quotes with quotes and backslashes escaped, for quoting input text in messages. */
    public static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
