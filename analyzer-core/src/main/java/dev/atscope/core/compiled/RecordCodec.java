package dev.atscope.core.compiled;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact binary form of a tree of records, written at build time from a JSON table (a grammar,
 * the prefix patterns) and read at start-up without a JSON parser: reading the grammars with
 * Jackson's databind was half of a short command's start-up. The JSON stays the one source of the
 * facts; {@link CompileResources} writes this form from it in every build, and a test checks the
 * two read the same.
 *
 * <p>The layout follows the record's components in declaration order, so the form carries no
 * names: a value is read by the type it is declared with. Supported types: {@code String},
 * {@code boolean}, {@code int}, {@code long}, {@code Long}, {@code Integer}, {@code Boolean},
 * enums, records, {@code List<T>} and {@code Map<String, T>} of these. Every reference may be null.
 * Strings are written once and referred to by number afterwards (parameter names and types repeat
 * thousands of times). The first bytes name the root record's class, so a form read as the
 * wrong type, or written before the record's shape changed, fails instead of misreading.
 */
public final class RecordCodec {

    private static final int MAGIC = 0x41545343; // "ATSC"
    private static final int VERSION = 1;

    /** The suffix of a compact table beside its JSON: {@code name.json} gets {@code name.bin}. */
    public static final String SUFFIX = ".bin";

    private RecordCodec() {}

    /** The name of the compact form of the JSON resource {@code json}. */
    public static String compiledName(String json) {
        return (json.endsWith(".json") ? json.substring(0, json.length() - 5) : json) + SUFFIX;
    }

    /** Writes {@code root}, a record, to {@code out}. */
    public static void write(Record root, DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(shapeOf(root.getClass()));
        new Writer(out).value(root, root.getClass());
        out.flush();
    }

    /**
     * Reads a record of type {@code type} written by {@link #write}.
     *
     * @throws IOException when the bytes are not such a form, or were written for another shape of
     *     the record
     */
    public static <T extends Record> T read(byte[] form, Class<T> type) throws IOException {
        var header = new DataInputStream(new java.io.ByteArrayInputStream(form));
        if (form.length < 8 || header.readInt() != MAGIC || header.readInt() != VERSION) {
            throw new IOException("not a compiled table of version " + VERSION);
        }
        String shape = header.readUTF();
        String expected = shapeOf(type);
        if (!shape.equals(expected)) {
            throw new IOException("compiled for another shape of " + type.getName() + " (rebuild): " + shape);
        }
        return type.cast(new Reader(form, form.length - header.available()).value(type));
    }

    /**
     * The compact form the build wrote beside the JSON resource {@code jsonResource} of {@code owner}
     * ({@link #compiledName}), read as {@code type}, or null when there is none (a
     * class path without the build's step: the caller reads the JSON).
     *
     * @throws IOException when the form is there but unreadable
     */
    public static <T extends Record> T readBeside(Class<?> owner, String jsonResource, Class<T> type)
            throws IOException {
        try (var in = owner.getResourceAsStream(compiledName(jsonResource))) {
            if (in == null) {
                return null;
            }
            try {
                return read(in.readAllBytes(), type);
            } catch (IOException e) {
                throw new IOException(compiledName(jsonResource) + " beside " + owner.getName()
                        + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The shape of a record type: its components' names and types, nested records included, so that
     * a change to any of them makes an older form unreadable rather than misread.
     */
    static String shapeOf(Class<?> type) {
        StringBuilder b = new StringBuilder();
        shape(type, b, new HashMap<>());
        return b.toString();
    }

    private static void shape(Type type, StringBuilder b, Map<Class<?>, Integer> seen) {
        if (type instanceof ParameterizedType p) {
            b.append(((Class<?>) p.getRawType()).getSimpleName()).append('<');
            for (Type t : p.getActualTypeArguments()) {
                shape(t, b, seen);
                b.append(',');
            }
            b.append('>');
            return;
        }
        Class<?> c = (Class<?>) type;
        b.append(c.getSimpleName());
        if (c.isRecord() && !seen.containsKey(c)) {
            seen.put(c, seen.size());
            b.append('(');
            for (RecordComponent rc : c.getRecordComponents()) {
                b.append(rc.getName()).append(':');
                shape(rc.getGenericType(), b, seen);
                b.append(' ');
            }
            b.append(')');
        } else if (c.isEnum()) {
            b.append('{');
            for (Object e : c.getEnumConstants()) {
                b.append(((Enum<?>) e).name()).append(' ');
            }
            b.append('}');
        }
    }

    private static final class Writer {
        private final DataOutputStream out;
        private final Map<String, Integer> strings = new HashMap<>();

        Writer(DataOutputStream out) {
            this.out = out;
        }

        void value(Object v, Type type) throws IOException {
            Class<?> raw = raw(type);
            if (raw == boolean.class) {
                out.writeBoolean((Boolean) v);
            } else if (raw == int.class) {
                out.writeInt((Integer) v);
            } else if (raw == long.class) {
                out.writeLong((Long) v);
            } else if (raw == String.class) {
                string((String) v);
            } else if (v == null) {
                out.writeByte(0);
            } else {
                out.writeByte(1);
                if (raw == Long.class) {
                    out.writeLong((Long) v);
                } else if (raw == Integer.class) {
                    out.writeInt((Integer) v);
                } else if (raw == Boolean.class) {
                    out.writeBoolean((Boolean) v);
                } else if (raw.isEnum()) {
                    string(((Enum<?>) v).name());
                } else if (raw == List.class) {
                    List<?> list = (List<?>) v;
                    Type element = argument(type, 0);
                    out.writeInt(list.size());
                    for (Object e : list) {
                        value(e, element);
                    }
                } else if (raw == Map.class) {
                    Map<?, ?> map = (Map<?, ?>) v;
                    Type valueType = argument(type, 1);
                    out.writeInt(map.size());
                    for (Map.Entry<?, ?> e : map.entrySet()) {
                        string((String) e.getKey());
                        value(e.getValue(), valueType);
                    }
                } else if (raw.isRecord()) {
                    for (RecordComponent rc : raw.getRecordComponents()) {
                        Object c;
                        try {
                            var accessor = rc.getAccessor();
                            accessor.setAccessible(true);
                            c = accessor.invoke(v);
                        } catch (IllegalAccessException | InvocationTargetException e) {
                            throw new IOException("cannot read " + raw.getName() + "." + rc.getName(), e);
                        }
                        value(c, rc.getGenericType());
                    }
                } else {
                    throw new IOException("no compact form for " + type);
                }
            }
        }

        private void string(String s) throws IOException {
            if (s == null) {
                out.writeInt(-1);
                return;
            }
            Integer known = strings.get(s);
            if (known != null) {
                out.writeInt(known);
                return;
            }
            out.writeInt(strings.size());
            strings.put(s, strings.size());
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    /** Reads from the whole form in memory: a buffered stream's synchronized reads cost more cold. */
    private static final class Reader {
        private final byte[] in;
        private int at;
        private final List<String> strings = new ArrayList<>();
        private final Map<Class<?>, Shape> shapes = new HashMap<>();

        Reader(byte[] in, int at) {
            this.in = in;
            this.at = at;
        }

        private int readInt() throws IOException {
            if (at + 4 > in.length) {
                throw new IOException("compiled table cut short at byte " + at);
            }
            int v = (in[at] & 0xff) << 24 | (in[at + 1] & 0xff) << 16 | (in[at + 2] & 0xff) << 8 | in[at + 3] & 0xff;
            at += 4;
            return v;
        }

        private long readLong() throws IOException {
            return (long) readInt() << 32 | readInt() & 0xffffffffL;
        }

        private byte readByte() throws IOException {
            if (at >= in.length) {
                throw new IOException("compiled table cut short at byte " + at);
            }
            return in[at++];
        }

        Object value(Type type) throws IOException {
            Class<?> raw = type instanceof Class<?> c ? c : (Class<?>) ((ParameterizedType) type).getRawType();
            if (raw == String.class) {
                return string();
            } else if (raw == boolean.class) {
                return readByte() != 0;
            } else if (raw == int.class) {
                return readInt();
            } else if (raw == long.class) {
                return readLong();
            }
            byte present = readByte();
            if (present == 0) {
                return null;
            } else if (present != 1) {
                throw new IOException("corrupt compiled table: presence byte " + present + " at byte " + (at - 1));
            }
            if (raw.isRecord()) {
                Shape shape = shapes.get(raw);
                if (shape == null) {
                    shape = new Shape(raw);
                    shapes.put(raw, shape);
                }
                Object[] args = new Object[shape.types.length];
                for (int i = 0; i < args.length; i++) {
                    args[i] = value(shape.types[i]);
                }
                try {
                    return shape.constructor.newInstance(args);
                } catch (ReflectiveOperationException e) {
                    throw new IOException("cannot build " + raw.getName(), e);
                }
            } else if (raw == List.class) {
                int n = readInt();
                Type element = argument(type, 0);
                Object[] list = new Object[n];
                for (int i = 0; i < n; i++) {
                    list[i] = value(element);
                }
                return java.util.Arrays.asList(list);
            } else if (raw == Map.class) {
                int n = readInt();
                Type valueType = argument(type, 1);
                Map<String, Object> map = new LinkedHashMap<>(n * 2);
                for (int i = 0; i < n; i++) {
                    String key = string();
                    map.put(key, value(valueType));
                }
                return map;
            } else if (raw == Long.class) {
                return readLong();
            } else if (raw == Integer.class) {
                return readInt();
            } else if (raw == Boolean.class) {
                return readByte() != 0;
            } else if (raw.isEnum()) {
                return enumValue(raw, string());
            }
            throw new IOException("no compact form for " + type);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Object enumValue(Class<?> type, String name) {
            return Enum.valueOf((Class) type, name);
        }

        private String string() throws IOException {
            int code = readInt();
            if (code == -1) {
                return null;
            }
            if (code < strings.size()) {
                return strings.get(code);
            }
            if (code != strings.size()) {
                throw new IOException("corrupt compiled table: string " + code + " of " + strings.size() + " at byte "
                        + (at - 4));
            }
            int n = readInt();
            if (n < 0 || at + n > in.length) {
                throw new IOException("compiled table cut short at byte " + at);
            }
            String s = new String(in, at, n, StandardCharsets.UTF_8);
            at += n;
            strings.add(s);
            return s;
        }
    }

    /** A record's canonical constructor and the declared types of its components. */
    private static final class Shape {
        final Constructor<?> constructor;
        final Type[] types;

        Shape(Class<?> record) throws IOException {
            RecordComponent[] components = record.getRecordComponents();
            Class<?>[] raw = new Class<?>[components.length];
            types = new Type[components.length];
            for (int i = 0; i < components.length; i++) {
                raw[i] = components[i].getType();
                types[i] = components[i].getGenericType();
            }
            try {
                constructor = record.getDeclaredConstructor(raw);
                constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IOException("no canonical constructor in " + record.getName(), e);
            }
        }
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static Type argument(Type type, int i) throws IOException {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[i];
        }
        throw new IOException("a raw " + type + " has no element type");
    }
}
