package org.exposure.assessor.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.exposure.assessor.fuzz.Json.Field;
import org.exposure.assessor.fuzz.Json.Obj;
import org.exposure.assessor.fuzz.Json.Raw;
import org.exposure.assessor.fuzz.Json.Slot;

/**
 * The mutations, all drawn from one {@link Random}: the same seed gives the same inputs in the same order, since
 * nothing the service answers feeds back into what is sent next. Each mutation appends its name to {@link #how}.
 */
final class Mutator {
    /** Numbers a parser, a BigDecimal, a long or a double each read differently, and tokens that are no number. */
    static final List<String> NUMBERS = List.of("0", "-0", "1", "-1", "0.5", "1.0000000000000000001", "1e308", "1e309",
            "-1e309", "1e-400", "4.9e-324", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
            "123456789012345678901234567890123456789", "1e2147483648", "1E-2147483649", "0.1e1", "NaN", "Infinity",
            "-Infinity", "00", "007", "+1", ".5", "5.", "0x10", "1_000", "1e", "-", "2147483648", "100.0000001",
            "1e100000000");

    /** Strings that are valid somewhere in the subjects, so that a swapped field meets a plausible neighbour. */
    static final List<String> PLAUSIBLE = List.of("GOODS", "SUPPLIER", "BANK", "goods", "Bank ", "KZ", "RU", "kz",
            "XX", "ZZ", "RUS", "8542.31", "854231", "8542 31", "8542.31.0000", "8542.3", "85.42.31", "3A001",
            "3A001.a.2", "5A002", "HIGH", "low", "END_USER", "TRADING_COMPANY", "2024-09-12", "2024-02-30",
            "+999999999-12-31", "-999999999-01-01", "0000-00-00", "2024-1-1", "20240912", "2024-09-12T00:00:00Z",
            "1970-01-01", "9999-12-31", "VTBRRUMM", "VTBRRUMMXXX", "vtbr", "true", "null", "1", "0.5", "");

    /** Characters that look like nothing, reorder text, or are not text at all. */
    static final List<String> ODD = List.of("\u0000", "\u0001", "\u0007", "\u0008", "\t", "\n", "\r", "\u001b",
            "\u007f", "\u0085", "\u00a0", "\u00ad", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2028",
            "\u2029", "\u202e", "\u2060", "\u2066", "\ufeff", "\ufffd", "\uffff", "\ud800", "\udfff",
            "\ud83d\ude00", "\u0301", "\u0336", "\u3000", "\uff21", "\u0410", "\u0665", "\ud834\udd1e", "\\", "\"",
            "'", "<script>", "%00", "${x}", "{{x}}", "=1+1", "\u0000\u0000");

    final Random random;
    final List<String> how = new ArrayList<>();

    Mutator(long seed) {
        this.random = new Random(seed);
    }

    int below(int n) {
        return random.nextInt(n);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** A size spread over orders of magnitude: mostly small, sometimes large. */
    int size(int max) {
        int bits = 32 - Integer.numberOfLeadingZeros(max);
        int limit = 1 << random.nextInt(bits + 1);
        return Math.min(max, random.nextInt(Math.max(1, limit)) + 1);
    }

    void note(String what) {
        how.add(what);
    }

    String how() {
        return String.join(", ", how);
    }

    // ---- JSON trees -----------------------------------------------------------------------------------------------

    /** {@code rounds} mutations of the tree; returns the (possibly replaced) root. */
    Object mutateTree(Object root, int rounds) {
        Object[] holder = {root};
        for (int i = 0; i < rounds; i++) {
            List<Slot> slots = Json.slots(holder[0], holder);
            Slot slot = slots.get(below(slots.size()));
            mutateSlot(slot);
        }
        return holder[0];
    }

    private void mutateSlot(Slot slot) {
        Object v = slot.get();
        Obj owner = slot.owner();
        Field field = slot.field();
        switch (below(14)) {
            case 0 -> {
                slot.set(otherType(v));
                note("type swapped" + at(field));
            }
            case 1 -> {
                if (owner != null) {
                    owner.fields.remove(field);
                    note("key removed" + at(field));
                } else {
                    slot.set(Json.NULL);
                    note("value nulled");
                }
            }
            case 2 -> {
                if (owner != null) {
                    Object second = chance(0.5) ? Json.copy(v) : otherType(v);
                    owner.fields.add(below(owner.fields.size() + 1), new Field(field.key, second));
                    note("key duplicated" + at(field));
                } else {
                    slot.set(new ArrayList<>(List.of(v, Json.copy(v))));
                    note("value doubled in an array");
                }
            }
            case 3 -> {
                if (field != null) {
                    field.key = renamed(field.key);
                    note("key renamed to " + shortly(field.key));
                } else {
                    slot.set(new Raw(pick(NUMBERS)));
                    note("number at an extreme");
                }
            }
            case 4, 5 -> {
                Raw n = new Raw(pick(NUMBERS));
                slot.set(n);
                note("number " + n.text() + at(field));
            }
            case 6, 7 -> {
                String s = oddString(v instanceof String str ? str : pick(PLAUSIBLE));
                slot.set(s);
                note("odd string (" + s.length() + " chars)" + at(field));
            }
            case 8 -> {
                int depth = size(200_000);
                slot.set(new Raw(nested(depth)));
                note("nested " + depth + " deep" + at(field));
            }
            case 9 -> {
                if (v instanceof Obj o) {
                    o.put(renamed(pick(List.of("hscode", "extra", "Type", "name", "__proto__", "@class", ""))),
                            pick(PLAUSIBLE));
                    note("unknown key added");
                } else {
                    slot.set(pick(PLAUSIBLE));
                    note("plausible value" + at(field));
                }
            }
            case 10 -> {
                int n = size(3000);
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    list.add(v instanceof List<?> ? Json.copy(v) : Json.copy(v));
                }
                slot.set(list);
                note("array of " + n + at(field));
            }
            case 11 -> {
                String text = v instanceof Raw r ? r.text() : Json.write(v);
                slot.set(text);
                note("value as a string" + at(field));
            }
            case 12 -> {
                slot.set(pick(PLAUSIBLE));
                note("plausible value" + at(field));
            }
            default -> {
                if (v instanceof List<?> l && !l.isEmpty()) {
                    slot.set(new ArrayList<>(l.subList(0, below(l.size()))));
                    note("array shortened" + at(field));
                } else {
                    slot.set(new ArrayList<>());
                    note("empty array" + at(field));
                }
            }
        }
    }

    private static String at(Field f) {
        return f == null ? "" : " at " + shortly(f.key);
    }

    static String shortly(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        StringBuilder out = new StringBuilder();
        cut.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.SURROGATE) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private Object otherType(Object v) {
        List<Object> others = new ArrayList<>(List.of("text", new Raw("42"), Boolean.TRUE, Json.NULL,
                new ArrayList<>(List.of("a")), new Obj().put("a", "b"), new Raw("-1.5")));
        others.removeIf(o -> o.getClass() == v.getClass());
        return pick(others);
    }

    private String renamed(String key) {
        return switch (below(7)) {
            case 0 -> key.toUpperCase();
            case 1 -> key.isEmpty() ? "x" : key.substring(0, key.length() - 1);
            case 2 -> key + pick(ODD);
            case 3 -> " " + key;
            case 4 -> "";
            case 5 -> key.replace('e', '\u0435'); // Cyrillic e: the same glyph, another key
            default -> key + key;
        };
    }

    /** A string with odd characters, or huge, or made only of invisible characters. */
    String oddString(String base) {
        return switch (below(7)) {
            case 0 -> {
                StringBuilder s = new StringBuilder(base);
                int n = 1 + below(4);
                for (int i = 0; i < n; i++) {
                    s.insert(below(s.length() + 1), pick(ODD));
                }
                yield s.toString();
            }
            case 1 -> pick(List.of("\u200b", "\u200b\u200c\u200d", "\ufeff", "\u00ad\u00ad", " \u2060 ", "\u202e",
                    "\u3000", "\u0301"));
            case 2 -> (base.isEmpty() ? "A" : base).repeat(size(2_000_000 / Math.max(1, base.length())));
            case 3 -> "x".repeat(pick(List.of(199, 200, 201, 499, 500, 501, 1999, 2000, 2001, 65536)));
            case 4 -> pick(ODD).repeat(size(5000));
            case 5 -> pick(PLAUSIBLE);
            default -> base + pick(ODD) + base;
        };
    }

    /** Arrays or objects {@code depth} deep, written out. */
    String nested(int depth) {
        boolean arrays = chance(0.5);
        StringBuilder s = new StringBuilder(depth * 6);
        for (int i = 0; i < depth; i++) {
            s.append(arrays ? "[" : "{\"a\":");
        }
        s.append("1");
        for (int i = 0; i < depth; i++) {
            s.append(arrays ? "]" : "}");
        }
        return s.toString();
    }

    // ---- bytes ----------------------------------------------------------------------------------------------------

    /** One to three mutations of the raw bytes: flips, cuts, repeats, invalid UTF-8, stray bytes. */
    byte[] mutateBytes(byte[] in) {
        byte[] b = in;
        int rounds = 1 + below(3);
        for (int r = 0; r < rounds; r++) {
            b = mutateBytesOnce(b);
        }
        return b;
    }

    private byte[] mutateBytesOnce(byte[] b) {
        int len = b.length;
        switch (below(9)) {
            case 0 -> {
                if (len == 0) {
                    return new byte[] {(byte) below(256)};
                }
                byte[] c = b.clone();
                int flips = 1 + below(8);
                for (int i = 0; i < flips; i++) {
                    c[below(len)] ^= (byte) (1 << below(8));
                }
                note(flips + " bit flips");
                return c;
            }
            case 1 -> {
                int cut = len == 0 ? 0 : below(len);
                note("truncated at " + cut + " of " + len);
                return Arrays.copyOf(b, cut);
            }
            case 2 -> {
                int at = below(len + 1);
                byte[] ins = pick(List.of(new byte[] {(byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0xFF},
                        new byte[] {(byte) 0x80}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x82},
                        new byte[] {0}, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}));
                note("invalid or odd bytes inserted at " + at);
                return splice(b, at, at, ins);
            }
            case 3 -> {
                if (len < 2) {
                    return b;
                }
                int from = below(len);
                int to = Math.min(len, from + 1 + below(Math.max(1, len / 4)));
                note("bytes " + from + ".." + to + " removed");
                return splice(b, from, to, new byte[0]);
            }
            case 4 -> {
                if (len < 2) {
                    return b;
                }
                int from = below(len);
                int to = Math.min(len, from + 1 + below(Math.max(1, Math.min(len, 4096))));
                int times = size(200);
                byte[] part = Arrays.copyOfRange(b, from, to);
                ByteArrayOutputStream rep = new ByteArrayOutputStream();
                for (int i = 0; i < times; i++) {
                    rep.writeBytes(part);
                }
                note("bytes " + from + ".." + to + " repeated " + times + " times");
                return splice(b, to, to, rep.toByteArray());
            }
            case 5 -> {
                int at = below(len + 1);
                byte[] junk = new byte[1 + below(16)];
                random.nextBytes(junk);
                note("random bytes inserted at " + at);
                return splice(b, at, at, junk);
            }
            case 6 -> {
                if (len == 0) {
                    return b;
                }
                byte[] c = b.clone();
                int at = below(len);
                c[at] = (byte) pick(List.of((int) '"', (int) '{', (int) '}', (int) '[', (int) ']', (int) ',', (int) ':',
                        (int) '\\', (int) '<', (int) '>', (int) '&', (int) '\n', (int) '\r', 0)).intValue();
                note("structural byte at " + at);
                return c;
            }
            case 7 -> {
                note("BOM in front");
                return splice(b, 0, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            default -> {
                note("trailing garbage");
                return splice(b, len, len, pick(List.of("}", "]", "{}", "\u0000", "\n{\"type\":\"GOODS\"}", " x",
                        "<!--")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        byte[] out = new byte[b.length - (to - from) + insert.length];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(b, to, out, from + insert.length, b.length - to);
        return out;
    }

    static byte[] gzip(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
