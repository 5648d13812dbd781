package dev.otapress.cache;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes records (and what they hold: strings, numbers, times, paths, enums, lists, byte arrays,
 * nested records) in a compact binary form and reads them back through their canonical
 * constructors, so their own checks run again. No parser and no names on disk: the cache's
 * {@link Shape} already keys entries by the records' exact shape. A type it cannot store fails
 * when the codec is made, not when a build meets it.
 */
final class RecordCodec {
    /** Stores one record type its own way (icons, kept once per content beside the entries). */
    interface Special<T> {
        void write(DataOutputStream out, T value) throws IOException;

        T read(DataInputStream in) throws IOException;
    }

    private record Layout(Method[] accessors, Type[] types, Constructor<?> constructor) {
    }

    private static final ClassValue<Layout> LAYOUTS = new ClassValue<>() {
        @Override
        protected Layout computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            Type[] types = new Type[components.length];
            Class<?>[] raw = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
                types[i] = components[i].getGenericType();
                raw[i] = components[i].getType();
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(raw);
                constructor.setAccessible(true);
                return new Layout(accessors, types, constructor);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record without its canonical constructor: " + type, e);
            }
        }
    };

    private final Class<?> special;
    private final Special<Object> specialCodec;

    @SuppressWarnings("unchecked")
    <T> RecordCodec(Class<?> root, Class<T> special, Special<T> codec) {
        this.special = special;
        this.specialCodec = (Special<Object>) codec;
        check(root, new ArrayList<>());
    }

    void write(DataOutputStream out, Object value, Type type) throws IOException {
        Class<?> raw = raw(type);
        if (raw.isPrimitive()) {
            primitive(out, value, raw);
            return;
        }
        if (value == null) {
            out.writeByte(0);
            return;
        }
        out.writeByte(1);
        if (raw == special) {
            specialCodec.write(out, value);
        } else if (raw == String.class) {
            string(out, (String) value);
        } else if (raw == Long.class || raw == Integer.class || raw == Boolean.class) {
            primitive(out, value, raw == Long.class ? long.class : raw == Integer.class ? int.class : boolean.class);
        } else if (raw == Instant.class) {
            out.writeLong(((Instant) value).getEpochSecond());
            out.writeInt(((Instant) value).getNano());
        } else if (raw == Path.class) {
            string(out, value.toString());
        } else if (raw == byte[].class) {
            byte[] bytes = (byte[]) value;
            out.writeInt(bytes.length);
            out.write(bytes);
        } else if (raw.isEnum()) {
            string(out, ((Enum<?>) value).name());
        } else if (raw == List.class) {
            List<?> list = (List<?>) value;
            Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
            out.writeInt(list.size());
            for (Object o : list) write(out, o, item);
        } else {
            Layout layout = LAYOUTS.get(raw);
            for (int i = 0; i < layout.accessors().length; i++) {
                Object component;
                try {
                    component = layout.accessors()[i].invoke(value);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IOException("cannot read " + raw.getSimpleName() + ": " + e, e);
                }
                write(out, component, layout.types()[i]);
            }
        }
    }

    Object read(DataInputStream in, Type type) throws IOException {
        Class<?> raw = raw(type);
        if (raw.isPrimitive()) return primitive(in, raw);
        int present = in.readUnsignedByte();
        if (present == 0) return null;
        if (present != 1) throw new IOException("a damaged value");
        if (raw == special) return specialCodec.read(in);
        if (raw == String.class) return string(in);
        if (raw == Long.class) return in.readLong();
        if (raw == Integer.class) return in.readInt();
        if (raw == Boolean.class) return in.readBoolean();
        if (raw == Instant.class) return Instant.ofEpochSecond(in.readLong(), in.readInt());
        if (raw == Path.class) return Path.of(string(in));
        if (raw == byte[].class) return bytes(in);
        if (raw.isEnum()) return enumConstant(raw, string(in));
        if (raw == List.class) {
            int n = count(in);
            Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) list.add(read(in, item));
            return list;
        }
        Layout layout = LAYOUTS.get(raw);
        Object[] args = new Object[layout.types().length];
        for (int i = 0; i < args.length; i++) args[i] = read(in, layout.types()[i]);
        try {
            return layout.constructor().newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IOException("a value its record refuses: " + e.getCause(), e);
        } catch (InstantiationException | IllegalAccessException | IllegalArgumentException e) {
            throw new IOException("cannot make " + raw.getSimpleName() + ": " + e, e);
        }
    }

    static void string(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String string(DataInputStream in) throws IOException {
        return new String(bytes(in), StandardCharsets.UTF_8);
    }

    static byte[] bytes(DataInputStream in) throws IOException {
        int n = count(in);
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return bytes;
    }

    /** A length, checked against what is left, so a damaged one never allocates gigabytes. */
    static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) throw new IOException("a damaged length");
        return n;
    }

    private static void primitive(DataOutputStream out, Object value, Class<?> raw) throws IOException {
        if (raw == long.class) out.writeLong((Long) value);
        else if (raw == int.class) out.writeInt((Integer) value);
        else if (raw == boolean.class) out.writeBoolean((Boolean) value);
        else throw new IllegalStateException("cannot store " + raw);
    }

    private static Object primitive(DataInputStream in, Class<?> raw) throws IOException {
        if (raw == long.class) return in.readLong();
        if (raw == int.class) return in.readInt();
        if (raw == boolean.class) return in.readBoolean();
        throw new IllegalStateException("cannot store " + raw);
    }

    private static Object enumConstant(Class<?> type, String name) throws IOException {
        for (Object constant : type.getEnumConstants()) if (((Enum<?>) constant).name().equals(name)) return constant;
        throw new IOException("no " + type.getSimpleName() + " named " + name);
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) return c;
        if (type instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        throw new IllegalStateException("cannot store " + type);
    }

    private void check(Type type, List<Class<?>> seen) {
        Class<?> raw = raw(type);
        if (raw == List.class && type instanceof ParameterizedType p) {
            check(p.getActualTypeArguments()[0], seen);
            return;
        }
        if (seen.contains(raw)) return;
        seen.add(raw);
        if (raw == special || raw == String.class || raw == Long.class || raw == Integer.class || raw == Boolean.class
                || raw == Instant.class || raw == Path.class || raw == byte[].class || raw.isEnum()
                || raw == long.class || raw == int.class || raw == boolean.class) {
            return;
        }
        if (!raw.isRecord()) throw new IllegalStateException("the cache cannot store " + type.getTypeName() + ": teach RecordCodec it");
        LAYOUTS.get(raw);
        for (RecordComponent c : raw.getRecordComponents()) check(c.getGenericType(), seen);
    }
}
