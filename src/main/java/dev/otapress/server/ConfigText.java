package dev.otapress.server;

import dev.otapress.text.XmlText;

/** Escapes shared by the config writers, for text that ends up in comments and quoted values. */
final class ConfigText {

    private ConfigText() {
    }

    /** Refuses control characters: no config syntax can carry a NUL or a line break inside a value. */
    static String noControls(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) throw new IllegalArgumentException("control character in a config value: " + value);
        }
        return value;
    }

    /** Text for a '#' comment line: control characters would end the comment and start a directive. */
    static String comment(String text) {
        return noControls(text);
    }

    /** Text inside an XML comment, which may not contain "--" nor end in "-". */
    static String xmlComment(String text) {
        String s = xml(text);
        while (s.contains("--")) s = s.replace("--", "- -");
        return s.endsWith("-") ? s + " " : s;
    }

    /** Text for an XML attribute or element, without the characters XML 1.0 cannot carry. */
    static String xml(String text) {
        return XmlText.clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
