package dev.otapress.yaml;

import dev.otapress.Diagnostic;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A YAML mapping read as nodes rather than objects, so every value keeps its line number for
 * error messages, nothing from the file is ever instantiated as a Java type, and typed accessors
 * report mistakes as diagnostics instead of throwing.
 */
public final class YamlMapping {
    private final Path file;
    private final int lineOffset;
    private final MappingNode node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final List<Diagnostic> diagnostics;
    /** Free-form values still allowed in this file, and whether running out was reported; shared with nested mappings. */
    private final int[] plainBudget;

    private YamlMapping(Path file, int lineOffset, MappingNode node, List<Diagnostic> diagnostics) {
        this(file, lineOffset, node, diagnostics, new int[] {MAX_PLAIN_VALUES, 0});
    }

    private YamlMapping(Path file, int lineOffset, MappingNode node, List<Diagnostic> diagnostics, int[] plainBudget) {
        this.plainBudget = plainBudget;
        this.file = file;
        this.lineOffset = lineOffset;
        this.node = node;
        this.diagnostics = diagnostics;
        for (NodeTuple t : node.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode key) {
                if (entries.containsKey(key.getValue())) {
                    diagnostics.add(Diagnostic.error(file, line(key), "'" + key.getValue() + "' is given twice; keep one"));
                }
                entries.put(key.getValue(), t);
            } else {
                diagnostics.add(Diagnostic.error(file, line(t.getKeyNode()), "a key must be a plain word"));
            }
        }
    }

    /**
     * Parses text that should hold one mapping. Returns null, with a diagnostic added, when it is
     * not YAML or not a mapping; an empty text gives an empty mapping.
     *
     * @param lineOffset added to every line number (front matter starts below a {@code ---} line)
     */
    public static YamlMapping parse(Path file, String text, int lineOffset, List<Diagnostic> diagnostics) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported by us, with a line number
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(40);
        options.setCodePointLimit(1024 * 1024);
        options.setAllowRecursiveKeys(false);
        Node root;
        try {
            // What Yaml.compose does, without building Yaml's constructor and representer, which a
            // node tree never uses: a build parses the front matter of every release.
            root = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options), new Resolver(), options)
                    .getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1 + lineOffset;
            diagnostics.add(Diagnostic.error(file, line, "invalid YAML: " + firstLine(e.getProblem() != null ? e.getProblem() : e.getMessage())
                    + "; check the indentation and quote values that contain ': ' or start with a special character"));
            return null;
        } catch (YAMLException e) {
            diagnostics.add(Diagnostic.error(file, "invalid YAML: " + firstLine(e.getMessage())));
            return null;
        }
        if (root == null) {
            return new YamlMapping(file, lineOffset, new MappingNode(org.yaml.snakeyaml.nodes.Tag.MAP, List.of(), org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK), diagnostics);
        }
        if (!(root instanceof MappingNode mapping)) {
            diagnostics.add(Diagnostic.error(file, root.getStartMark().getLine() + 1 + lineOffset,
                    "expected 'key: value' lines (a YAML mapping), found " + describe(root)));
            return null;
        }
        return new YamlMapping(file, lineOffset, mapping, diagnostics);
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    private static String describe(Node n) {
        if (n instanceof SequenceNode) return "a list";
        if (n instanceof ScalarNode s) return "the text '" + abbreviate(s.getValue()) + "'";
        return "something else";
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** The line of the mapping itself (for a missing key). */
    public int line() {
        return line(node);
    }

    public int line(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? line() : line(t.getKeyNode());
    }

    private int line(Node n) {
        // An empty document is given a synthetic mapping that has no position: point at the file.
        if (n.getStartMark() == null) return 0;
        return n.getStartMark().getLine() + 1 + lineOffset;
    }

    /** Reports every key not in {@code known}, each with the closest known key. */
    public void rejectUnknownKeys(Set<String> known, String where) {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (known.contains(e.getKey())) continue;
            String suggestion = DidYouMean.closest(e.getKey(), known);
            String hint = suggestion != null ? "did you mean '" + suggestion + "'?"
                    : "known keys are " + String.join(", ", known.stream().sorted().toList());
            diagnostics.add(Diagnostic.error(file, line(e.getValue().getKeyNode()),
                    "unknown key '" + e.getKey() + "'" + where + "; " + hint));
        }
    }

    /** A scalar as text; null when absent or null; a diagnostic when it is a list or mapping. */
    public String string(String key) {
        NodeTuple t = entries.get(key);
        if (t == null) return null;
        if (t.getValueNode() instanceof ScalarNode s) {
            return isNull(s) ? null : s.getValue();
        }
        error(key, "'" + key + "' must be a single value, not " + describe(t.getValueNode()));
        return null;
    }

    public Boolean bool(String key) {
        String v = string(key);
        if (v == null) return null;
        switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> { return Boolean.TRUE; }
            case "false", "no", "off" -> { return Boolean.FALSE; }
            default -> {
                error(key, "'" + key + "' must be true or false, not '" + abbreviate(v) + "'");
                return null;
            }
        }
    }

    public Integer integer(String key) {
        String v = string(key);
        if (v == null) return null;
        try {
            return Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            error(key, "'" + key + "' must be a whole number, not '" + abbreviate(v) + "'");
            return null;
        }
    }

    /** A nested mapping; null when absent; a diagnostic when it is something else. */
    public YamlMapping mapping(String key) {
        NodeTuple t = entries.get(key);
        if (t == null) return null;
        if (t.getValueNode() instanceof MappingNode m) return new YamlMapping(file, lineOffset, m, diagnostics, plainBudget);
        if (t.getValueNode() instanceof ScalarNode s && isNull(s)) return null;
        error(key, "'" + key + "' must be a mapping of 'key: value' lines, not " + describe(t.getValueNode()));
        return null;
    }

    /** A list of mappings (e.g. channels); empty when absent. */
    public List<YamlMapping> mappings(String key) {
        NodeTuple t = entries.get(key);
        if (t == null) return List.of();
        if (t.getValueNode() instanceof SequenceNode seq) {
            List<YamlMapping> out = new ArrayList<>();
            for (Node n : seq.getValue()) {
                if (n instanceof MappingNode m) out.add(new YamlMapping(file, lineOffset, m, diagnostics, plainBudget));
                else diagnostics.add(Diagnostic.error(file, line(n), "each entry of '" + key + "' must be a mapping of 'key: value' lines"));
            }
            return out;
        }
        error(key, "'" + key + "' must be a list");
        return List.of();
    }

    /** A list of single values (or one value alone, as a list of one); empty when absent. */
    public List<String> strings(String key) {
        NodeTuple t = entries.get(key);
        if (t == null) return List.of();
        if (t.getValueNode() instanceof ScalarNode s) return isNull(s) ? List.of() : List.of(s.getValue());
        List<String> out = new ArrayList<>();
        if (t.getValueNode() instanceof SequenceNode seq) {
            for (Node n : seq.getValue()) {
                if (n instanceof ScalarNode s && !isNull(s)) out.add(s.getValue());
                else diagnostics.add(Diagnostic.error(file, line(n), "each entry of '" + key + "' must be a single value"));
            }
            return out;
        }
        error(key, "'" + key + "' must be a list of values, e.g. [a, b]");
        return List.of();
    }

    /** The keys in file order. */
    public List<String> keys() {
        return List.copyOf(entries.keySet());
    }

    /**
     * A free-form value as plain Java data for templates: text, lists and ordered maps of text.
     * Scalars stay strings; no YAML type tag ever creates another Java type.
     */
    public Object plain(String key) {
        NodeTuple t = entries.get(key);
        if (t == null) return null;
        try {
            return plain(t.getValueNode(), 0);
        } catch (TooDeep e) {
            error(key, "'" + key + "' nests more than " + MAX_PLAIN_DEPTH + " levels deep, or refers to itself"
                    + " through an alias; keep free-form values flat");
        } catch (TooMany e) {
            // Reported once per file: every later value is over the same budget.
            if (plainBudget[1]++ == 0) error(key, "'" + key + "' expands to more than " + String.format(Locale.ROOT, "%,d", MAX_PLAIN_VALUES)
                    + " values in this file (each YAML alias repeats all it points to); keep free-form values small");
        }
        return null;
    }

    /** Free-form values are a few levels deep; an alias can make a node contain itself. */
    private static final int MAX_PLAIN_DEPTH = 20;

    /**
     * Aliases of aliases multiply: under SnakeYAML's alias limit a 400 KB file still expands to
     * billions of values. Free-form values are counted as they are built, across the whole file.
     */
    static final int MAX_PLAIN_VALUES = 100_000;

    private static final class TooDeep extends RuntimeException {
        TooDeep() {
            super(null, null, false, false);
        }
    }

    private static final class TooMany extends RuntimeException {
        TooMany() {
            super(null, null, false, false);
        }
    }

    private Object plain(Node n, int depth) {
        if (depth > MAX_PLAIN_DEPTH) throw new TooDeep();
        if (--plainBudget[0] < 0) throw new TooMany();
        if (n instanceof ScalarNode s) return isNull(s) ? "" : s.getValue();
        if (n instanceof SequenceNode seq) {
            List<Object> list = new ArrayList<>(seq.getValue().size());
            for (Node c : seq.getValue()) list.add(plain(c, depth + 1));
            return java.util.Collections.unmodifiableList(list);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (NodeTuple t : ((MappingNode) n).getValue()) {
            Object key = plain(t.getKeyNode(), depth + 1);
            map.put(String.valueOf(key), plain(t.getValueNode(), depth + 1));
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    private static boolean isNull(ScalarNode s) {
        if (s.getScalarStyle() != org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN) return false;
        String v = s.getValue();
        return v.isEmpty() || v.equals("~") || v.equalsIgnoreCase("null");
    }

    public void error(String key, String message) {
        diagnostics.add(Diagnostic.error(file, line(key), message));
    }
}
