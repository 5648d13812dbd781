package dev.otapress.codesign;

import com.dd.plist.NSData;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import com.dd.plist.PropertyListParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code _CodeSignature/CodeResources}: what the seal lists (files2 with SHA-256, else the older
 * files with SHA-1) and which paths its rules leave out.
 */
record CodeResources(Map<String, Sealed> files, List<Pattern> omitted) {

    /** One listed path: a file with its hashes, nested code by cdhash, or a symbolic link. */
    record Sealed(byte[] sha1, byte[] sha256, boolean optional, byte[] cdhash, boolean symlink) {
        boolean nested() {
            return cdhash != null;
        }
    }

    /** Real apps list thousands of files; a million is a hostile file. */
    private static final int MAX_FILES = 1_000_000;
    private static final int MAX_RULES = 1_000;
    private static final int MAX_RULE_LENGTH = 1_000;

    static CodeResources parse(byte[] bytes) throws MalformedSignatureException {
        NSObject root;
        try {
            root = PropertyListParser.parse(bytes);
        } catch (Exception | StackOverflowError e) {
            throw new MalformedSignatureException("_CodeSignature/CodeResources is not a valid property list");
        }
        if (!(root instanceof NSDictionary dict)) {
            throw new MalformedSignatureException("_CodeSignature/CodeResources is not a dictionary");
        }
        // As codesign does: files2 when it has entries, else the SHA-1 list of old signatures.
        NSDictionary listed = dict.get("files2") instanceof NSDictionary f2 && f2.count() > 0 ? f2
                : dict.get("files") instanceof NSDictionary f1 ? f1 : new NSDictionary();
        if (listed.count() > MAX_FILES) throw new MalformedSignatureException("CodeResources lists " + listed.count() + " files");
        Map<String, Sealed> files = new LinkedHashMap<>();
        for (Map.Entry<String, NSObject> e : listed.entrySet()) files.put(e.getKey(), sealed(e.getValue()));

        NSDictionary rules = dict.get("rules2") instanceof NSDictionary r2 && r2.count() > 0 ? r2
                : dict.get("rules") instanceof NSDictionary r1 ? r1 : new NSDictionary();
        if (rules.count() > MAX_RULES) throw new MalformedSignatureException("CodeResources has " + rules.count() + " rules");
        List<Pattern> omitted = new ArrayList<>();
        for (Map.Entry<String, NSObject> e : rules.entrySet()) {
            if (!(e.getValue() instanceof NSDictionary rule) || !bool(rule.get("omit"))) continue;
            if (e.getKey().length() > MAX_RULE_LENGTH) throw new MalformedSignatureException("a CodeResources rule that long");
            try {
                omitted.add(Pattern.compile(e.getKey()));
            } catch (PatternSyntaxException ex) {
                throw new MalformedSignatureException("the CodeResources rule '" + e.getKey() + "' is not a valid pattern");
            }
        }
        return new CodeResources(files, List.copyOf(omitted));
    }

    private static Sealed sealed(NSObject value) {
        if (value instanceof NSData data) return new Sealed(data.bytes(), null, false, null, false);
        if (!(value instanceof NSDictionary d)) return new Sealed(null, null, false, null, false);
        return new Sealed(data(d.get("hash")), data(d.get("hash2")), bool(d.get("optional")), data(d.get("cdhash")),
                d.get("symlink") instanceof NSString);
    }

    private static byte[] data(NSObject o) {
        return o instanceof NSData d ? d.bytes() : null;
    }

    private static boolean bool(NSObject o) {
        return o instanceof NSNumber n && n.boolValue();
    }
}
