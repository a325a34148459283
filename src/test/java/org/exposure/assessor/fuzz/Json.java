package org.exposure.assessor.fuzz;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A JSON tree the fuzzer can bend further than a parser's tree allows: an object is a list of fields, so a key may
 * appear twice, and a {@link Raw} value is written as it is, so a number may be {@code 1e999}, {@code NaN} or
 * {@code 007}. Objects are {@link Obj}, arrays {@link List}, strings {@link String}, booleans {@link Boolean},
 * everything else (numbers, null, bad tokens) {@link Raw}.
 */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A value written verbatim. */
    record Raw(String text) {
    }

    /** One field of an object; its value may be replaced in place. */
    static final class Field {
        String key;
        Object value;

        Field(String key, Object value) {
            this.key = key;
            this.value = value;
        }
    }

    /** An object: its fields in order, keys not necessarily distinct. */
    static final class Obj {
        final List<Field> fields = new ArrayList<>();

        Obj put(String key, Object value) {
            fields.add(new Field(key, value));
            return this;
        }
    }

    static final Raw NULL = new Raw("null");

    private Json() {
    }

    /** Parses with the streaming parser, so that a key given twice stays twice (a tree keeps only the last). */
    static Object parse(String text) {
        try (JsonParser p = MAPPER.getFactory().createParser(text)) {
            p.nextToken();
            return read(p);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + text, e);
        }
    }

    private static Object read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Obj o = new Obj();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    o.put(key, read(p));
                }
                return o;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(read(p));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return t == JsonToken.VALUE_TRUE;
            }
            case VALUE_NULL -> {
                return NULL;
            }
            default -> {
                return new Raw(p.getText());
            }
        }
    }

    /** A deep copy, so that a mutation of one input never changes the seed it came from. */
    @SuppressWarnings("unchecked")
    static Object copy(Object v) {
        if (v instanceof Obj o) {
            Obj c = new Obj();
            o.fields.forEach(f -> c.put(f.key, copy(f.value)));
            return c;
        }
        if (v instanceof List<?> l) {
            List<Object> c = new ArrayList<>();
            ((List<Object>) l).forEach(x -> c.add(copy(x)));
            return c;
        }
        return v;
    }

    static String write(Object v) {
        StringBuilder out = new StringBuilder();
        write(v, out);
        return out.toString();
    }

    private static void write(Object v, StringBuilder out) {
        if (v instanceof Obj o) {
            out.append('{');
            for (int i = 0; i < o.fields.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(o.fields.get(i).key, out);
                out.append(':');
                write(o.fields.get(i).value, out);
            }
            out.append('}');
        } else if (v instanceof List<?> l) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(l.get(i), out);
            }
            out.append(']');
        } else if (v instanceof String s) {
            string(s, out);
        } else if (v instanceof Boolean b) {
            out.append(b);
        } else if (v instanceof Raw r) {
            out.append(r.text());
        } else {
            throw new IllegalArgumentException("not a JSON value: " + v);
        }
    }

    /**
     * A JSON string. Control characters and lone surrogates are escaped (a lone surrogate has no UTF-8 form, so
     * written raw it would become '?' and the test would not be sending what it meant to); everything else is
     * written as it is, so that non-ASCII text arrives as UTF-8.
     */
    static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            boolean pairedLow = Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || (Character.isSurrogate(c) && !pairedHigh && !pairedLow)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /** Every place a value sits in the tree: the object field or the array slot, so that it can be replaced. */
    interface Slot {
        Object get();

        void set(Object v);

        /** The object holding this value as a field, or null for an array element or the root. */
        Obj owner();

        Field field();
    }

    static List<Slot> slots(Object root, Object[] rootHolder) {
        List<Slot> all = new ArrayList<>();
        all.add(new Slot() {
            public Object get() {
                return rootHolder[0];
            }

            public void set(Object v) {
                rootHolder[0] = v;
            }

            public Obj owner() {
                return null;
            }

            public Field field() {
                return null;
            }
        });
        collect(root, all, 0);
        return all;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object v, List<Slot> all, int depth) {
        if (depth > 64) {
            return;
        }
        if (v instanceof Obj o) {
            for (Field f : o.fields) {
                all.add(new Slot() {
                    public Object get() {
                        return f.value;
                    }

                    public void set(Object nv) {
                        f.value = nv;
                    }

                    public Obj owner() {
                        return o;
                    }

                    public Field field() {
                        return f;
                    }
                });
                collect(f.value, all, depth + 1);
            }
        } else if (v instanceof List<?> l) {
            List<Object> list = (List<Object>) l;
            for (int i = 0; i < list.size(); i++) {
                int index = i;
                all.add(new Slot() {
                    public Object get() {
                        return list.get(index);
                    }

                    public void set(Object nv) {
                        list.set(index, nv);
                    }

                    public Obj owner() {
                        return null;
                    }

                    public Field field() {
                        return null;
                    }
                });
                collect(list.get(i), all, depth + 1);
            }
        }
    }
}
