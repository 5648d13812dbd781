package dev.otapress.render;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateHTMLOutputModel;
import freemarker.template.TemplateModelException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A digest of everything a template is given: every component of the page's model, recursively,
 * each with its type and length, so two models digest alike only when every value a template can
 * print is the same. A value of a type it does not know gives no digest at all (the page is then
 * always made afresh), so a model that grows a new kind of value can never be reused stale.
 */
final class ModelDigest {
    /**
     * Strings from this length on (a release's notes, as HTML) enter a digest as their own SHA-256,
     * taken once per string object: the same notes are on every view of their release (each page
     * depth, each heading level) and on the pages of its neighbours.
     */
    private static final int LONG_STRING = 512;
    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
            }
            return accessors;
        }
    };
    /** Each record type's shape (its name and its components' names and types), as a digest: hashed for every record a model holds. */
    private static final ClassValue<byte[]> SHAPES = new ClassValue<>() {
        @Override
        protected byte[] computeValue(Class<?> type) {
            StringBuilder shape = new StringBuilder(type.getName()).append('{');
            for (RecordComponent c : type.getRecordComponents()) shape.append(c.getName()).append(':').append(c.getGenericType()).append(';');
            return sha256().digest(shape.append('}').toString().getBytes(StandardCharsets.UTF_8));
        }
    };

    /** A value the digest cannot vouch for. */
    private static final class Unknown extends Exception {
        Unknown() {
            super(null, null, false, false);
        }
    }

    /**
     * Views shared by many pages (a release or an app as every page at one depth shows it, the
     * site) are digested once.
     */
    private final Map<Object, byte[]> shared = Collections.synchronizedMap(new IdentityHashMap<>());
    /** Long strings' digests, by string object (see {@link #LONG_STRING}). */
    private final Map<String, byte[]> longStrings = Collections.synchronizedMap(new IdentityHashMap<>());

    /**
     * The digest of {@code model} under {@code context} (what else decides the bytes: the template
     * and its sources, otapress's version), or null when the model holds a value of unknown type.
     */
    String of(String context, Object model) {
        MessageDigest md = sha256();
        md.update(context.getBytes(StandardCharsets.UTF_8));
        try {
            add(md, model);
        } catch (Unknown e) {
            return null;
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private void add(MessageDigest md, Object v) throws Unknown {
        if (v == null) {
            md.update((byte) 'N');
        } else if (v instanceof String s) {
            if (s.length() < LONG_STRING) {
                md.update((byte) 'S');
                bytes(md, s.getBytes(StandardCharsets.UTF_8));
            } else {
                md.update((byte) 'D');
                md.update(longString(s));
            }
        } else if (v instanceof Boolean b) {
            md.update((byte) (b ? 'T' : 'F'));
        } else if (v instanceof Integer || v instanceof Long) {
            md.update((byte) 'J');
            number(md, ((Number) v).longValue());
        } else if (v instanceof TemplateHTMLOutputModel markup) {
            md.update((byte) 'H');
            bytes(md, markup(markup).getBytes(StandardCharsets.UTF_8));
        } else if (v instanceof Collection<?> list) {
            md.update((byte) 'L');
            number(md, list.size());
            for (Object item : list) add(md, item);
        } else if (v instanceof Map<?, ?> map) {
            md.update((byte) 'M');
            number(md, map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                add(md, e.getKey());
                add(md, e.getValue());
            }
        } else if (v instanceof Enum<?> e) {
            md.update((byte) 'E');
            bytes(md, (e.getDeclaringClass().getName() + "." + e.name()).getBytes(StandardCharsets.UTF_8));
        } else if (v instanceof PageModel.ReleaseView || v instanceof PageModel.AppView || v instanceof PageModel.SiteView) {
            md.update((byte) 'V');
            md.update(sharedDigest(v));
        } else if (v.getClass().isRecord()) {
            record(md, v);
        } else {
            throw new Unknown();
        }
    }

    /** The digest of a long string's bytes, taken once per string object: a release's notes are on several views. */
    private byte[] longString(String s) {
        byte[] known = longStrings.get(s);
        if (known != null) return known;
        byte[] digest = sha256().digest(s.getBytes(StandardCharsets.UTF_8));
        longStrings.put(s, digest);
        return digest;
    }

    private byte[] sharedDigest(Object v) throws Unknown {
        byte[] known = shared.get(v);
        if (known != null) return known;
        MessageDigest md = sha256();
        record(md, v);
        byte[] digest = md.digest();
        shared.put(v, digest);
        return digest;
    }

    private void record(MessageDigest md, Object v) throws Unknown {
        md.update((byte) 'R');
        md.update(SHAPES.get(v.getClass()));
        for (Method accessor : ACCESSORS.get(v.getClass())) {
            try {
                add(md, accessor.invoke(v));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new Unknown();
            }
        }
    }

    private static String markup(TemplateHTMLOutputModel markup) throws Unknown {
        try {
            return HTMLOutputFormat.INSTANCE.getMarkupString(markup);
        } catch (TemplateModelException e) {
            throw new Unknown();
        }
    }

    private static void bytes(MessageDigest md, byte[] b) {
        number(md, b.length);
        md.update(b);
    }

    private static void number(MessageDigest md, long n) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) b[i] = (byte) (n >>> (56 - 8 * i));
        md.update(b);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
