package dev.tollgate.scenarios;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads YAML into {@link Node}s that remember their positions (Jackson's tree does not). */
final class YamlTree {
    private static final YAMLFactory YAML = new YAMLFactory();

    private YamlTree() {
    }

    static Node read(String text, String file) {
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) return new Node(null, file, 1, 1);
            Node root = value(p, file);
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String msg = e.getOriginalMessage();
            int nl = msg.indexOf('\n');
            throw new ScenarioException(file, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
                    "not valid YAML: " + (nl < 0 ? msg : msg.substring(0, nl)).strip());
        } catch (IOException e) {
            throw new ScenarioException(file, 0, 0, "cannot read: " + e.getMessage());
        }
    }

    private static Node value(JsonParser p, String file) throws IOException {
        JsonLocation l = p.currentTokenLocation();
        int line = l.getLineNr();
        int col = l.getColumnNr();
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Node> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonLocation kl = p.currentTokenLocation();
                    p.nextToken();
                    if (m.containsKey(key)) {
                        throw new ScenarioException(file, kl.getLineNr(), kl.getColumnNr(), "duplicate key `" + key + "`");
                    }
                    m.put(key, value(p, file));
                }
                return new Node(m, file, line, col);
            }
            case START_ARRAY -> {
                List<Node> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) list.add(value(p, file));
                return new Node(list, file, line, col);
            }
            case VALUE_STRING -> {
                return new Node(p.getText(), file, line, col);
            }
            case VALUE_NUMBER_INT -> {
                return new Node(p.getLongValue(), file, line, col);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Node(p.getText(), file, line, col);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Node(p.getBooleanValue(), file, line, col);
            }
            case VALUE_NULL -> {
                return new Node(null, file, line, col);
            }
            default -> throw new ScenarioException(file, line, col, "unexpected YAML token " + t);
        }
    }
}
