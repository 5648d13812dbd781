package dev.otapress.yaml;

/** Text that otapress writes into YAML files (index.md front matter), read back exactly as written. */
public final class YamlText {
    private YamlText() {
    }

    /** A YAML double-quoted scalar, which can hold any text. */
    public static String quote(String value) {
        StringBuilder q = new StringBuilder("\"");
        value.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                // YAML 1.1 reads these as line breaks, which a quoted scalar would fold into spaces.
                case 0x85, 0x2028, 0x2029, 0xFEFF -> q.append(String.format("\\u%04X", c));
                default -> {
                    if (c < 0x20 || c == 0x7f) q.append(String.format("\\x%02X", c));
                    else q.appendCodePoint(c);
                }
            }
        });
        return q.append('"').toString();
    }
}
