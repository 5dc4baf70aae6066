package dev.tollgate.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The fenced code blocks of a Markdown file, with their info string (```java, ```sh, ...). */
record MarkdownBlocks(List<Block> blocks) {
    record Block(String info, String text, int line) {
    }

    static MarkdownBlocks read(Path file) throws IOException {
        List<Block> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.startsWith("```")) continue;
            String info = l.substring(3).trim();
            StringBuilder text = new StringBuilder();
            int start = i + 1;
            for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) text.append(lines.get(i)).append('\n');
            out.add(new Block(info, text.toString(), start + 1));
        }
        return new MarkdownBlocks(out);
    }

    List<Block> withInfo(String info) {
        return blocks.stream().filter(b -> b.info().equals(info) || b.info().startsWith(info + " ")).toList();
    }
}
