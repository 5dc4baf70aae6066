package dev.tollgate.inputs.cargo;

import dev.tollgate.inputs.InputException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading input files into text, with failures as {@link InputException}s naming the display path. */
final class InputFiles {
    private InputFiles() {
    }

    /** The file as UTF-8 text without a byte-order mark. */
    static String readText(Path file, String displayPath) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (NoSuchFileException e) {
            throw InputException.at(displayPath, "no such file");
        } catch (AccessDeniedException e) {
            throw InputException.at(displayPath, "cannot read: permission denied");
        } catch (CharacterCodingException e) {
            throw InputException.at(displayPath, "not valid UTF-8");
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw InputException.at(displayPath, "cannot read: " + why);
        }
    }

    /** A string in double quotes with quotes and backslashes escaped, for quoting input text in messages. */
    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
