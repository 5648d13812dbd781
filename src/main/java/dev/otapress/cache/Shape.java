package dev.otapress.cache;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

/**
 * A fingerprint of a record's shape: its components' names and types, recursively through nested
 * records, enums and type arguments. A cache entry written for another shape (a field added to
 * what an IPA yields, say) is never read: it would lack the new field, not say it is absent.
 */
final class Shape {
    private Shape() {
    }

    static String of(Class<?> root) {
        StringBuilder text = new StringBuilder();
        describe(root, text, new TreeSet<>());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void describe(Type type, StringBuilder text, Set<String> seen) {
        if (type instanceof ParameterizedType p) {
            describe(p.getRawType(), text, seen);
            for (Type arg : p.getActualTypeArguments()) describe(arg, text, seen);
            return;
        }
        if (!(type instanceof Class<?> c)) {
            text.append(type.getTypeName()).append(';');
            return;
        }
        text.append(c.getName()).append(';');
        if (!seen.add(c.getName())) return;
        if (c.isEnum()) {
            for (Object constant : c.getEnumConstants()) text.append(((Enum<?>) constant).name()).append(',');
        } else if (c.isRecord()) {
            text.append('{');
            for (RecordComponent rc : c.getRecordComponents()) {
                text.append(rc.getName()).append(':');
                describe(rc.getGenericType(), text, seen);
            }
            text.append('}');
        }
    }
}
