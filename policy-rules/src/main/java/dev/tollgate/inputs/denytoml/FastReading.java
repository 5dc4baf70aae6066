package dev.tollgate.inputs.denytoml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;
import com.fasterxml.jackson.dataformat.toml.TomlReadFeature;
import dev.tollgate.api.facts.Location;

import java.io.IOException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast reading of a deny.toml: values from jackson-dataformat-toml's token stream (the parser the
 * lockfile reader has already started in a {@code check}), positions from {@link PositionScan}. A
 * position is used only when the whole scanned tree has exactly jackson's shape: the same keys in
 * every table, the same number of elements in every array, a table or array on both sides or on
 * neither. Anything else, a syntax error included, returns null and the reader asks tomlj, which
 * reads the file exactly or places and words its first error.
 */
final class FastReading {
    /** Dates and times as {@code java.time} values, the types tomlj gives them. */
    private static final TomlFactory TOML = TomlFactory.builder().enable(TomlReadFeature.PARSE_JAVA_TIME).build();

    private FastReading() {
    }

    /** The tree of {@code text} with every position, or null when this reading cannot vouch for it. */
    static DenyTable read(String text, String displayPath) {
        dev.tollgate.inputs.io.TomlNesting.check(text, displayPath);
        try {
            PositionScan.Table scanned = PositionScan.scan(text, displayPath);
            if (scanned == null) return null;
            try (JsonParser p = TOML.createParser(text)) {
                if (p.nextToken() == JsonToken.START_OBJECT) return table(p, scanned, displayPath);
                return scanned.entries.isEmpty() ? DenyTable.empty(displayPath) : null;
            }
        } catch (IOException | RuntimeException e) {
            // a syntax error (tomlj words it), a value tomlj would reject, a shape the scan got wrong, or
            // a fault in this reading itself: none of them may fail the run, the exact reading decides
            return null;
        }
    }

    /** The table whose START_OBJECT is the current token. */
    private static DenyTable table(JsonParser p, PositionScan.Table scanned, String file) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Location> positions = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            PositionScan.Entry entry = scanned.entries.get(key);
            if (entry == null || values.containsKey(key)) throw new Mismatch();
            p.nextToken();
            values.put(key, value(p, entry.node(), file));
            positions.put(key, entry.at());
        }
        if (values.size() != scanned.entries.size()) throw new Mismatch();
        return new DenyTable(file, values, positions);
    }

    private static DenyArray array(JsonParser p, PositionScan.Array scanned, String file) throws IOException {
        List<Object> values = new ArrayList<>();
        List<Location> positions = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            int i = values.size();
            if (i >= scanned.elements.size()) throw new Mismatch();
            PositionScan.Entry entry = scanned.elements.get(i);
            values.add(value(p, entry.node(), file));
            positions.add(entry.at());
        }
        if (values.size() != scanned.elements.size()) throw new Mismatch();
        return new DenyArray(file, values, positions);
    }

    /** The value at the current token, which the scan saw as {@code scanned} (null for a scalar). */
    private static Object value(JsonParser p, Object scanned, String file) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT -> {
                if (scanned instanceof PositionScan.Table t) return table(p, t, file);
            }
            case START_ARRAY -> {
                if (scanned instanceof PositionScan.Array a) return array(p, a, file);
            }
            case VALUE_STRING -> {
                if (scanned == null) return p.getText();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                if (scanned == null) return p.getBooleanValue();
            }
            case VALUE_NUMBER_INT -> {
                // tomlj rejects an integer beyond 64 bits, which jackson reads as a BigInteger
                if (scanned == null && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) return p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                // jackson reads floats as BigDecimal, which has no -0.0; tomlj keeps the sign, so zero is tomlj's
                if (scanned == null && p.getDoubleValue() != 0.0) return p.getDoubleValue();
            }
            case VALUE_EMBEDDED_OBJECT -> {
                if (scanned == null && p.getEmbeddedObject() instanceof Temporal t) return t;
            }
            default -> {
                // nothing else is TOML
            }
        }
        throw new Mismatch();
    }

    /** Thrown (and caught within this class) when jackson's tree and the scan's differ. */
    private static final class Mismatch extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Mismatch() {
            super(null, null, false, false);
        }
    }
}
