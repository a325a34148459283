package org.exposure.assessor.batch;

import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Made-up chunks for the start-up warm-up, in the stored chunk format the workers read: JSON Lines rows of every kind
 * of subject, with nested parties, and now and then a CSV chunk with its header, so that the decoder, the screening
 * and the rules each see the shapes a real job brings. The names are drawn from syllables and legal forms, so the
 * matcher is asked about many different tokens (as with real names) instead of the same few again and again, which
 * would warm only a narrow path. Deterministic for a seed.
 */
final class WarmUpRows {
    private static final String[] HS = {"854231", "848210", "610910", "851762", "940360", "903020", "847130", "854232",
        "853224", "392690", "870899", "880730", "732690", "901380", "850440", "271019", "300490", "841191", "844331",
        "760110"};
    private static final String[] COUNTRIES = {"RU", "KZ", "DE", "TR", "BY", "US", "AE", "FR", "KG", "HK", "CN", "AM",
        "GE", "IN", "IR", "UZ", "RS", "GB", "IT", "SG"};
    private static final String[] REGIONS = {"Heilongjiang", "Zhejiang", "Guangdong", "Jiangsu", "Xinjiang", "Moscow",
        "Almaty", "Bavaria"};
    private static final String[] SYLLABLES = {"ar", "bel", "cor", "dan", "el", "fen", "gor", "han", "ist", "jun", "kar",
        "lin", "mar", "nov", "or", "pet", "quan", "ros", "sib", "tek", "ural", "vol", "wen", "xin", "yar", "zhen"};
    private static final String[] FORMS = {"LLC", "Co., Ltd.", "Trading Co.", "GmbH", "JSC", "OOO", "Limited",
        "Holding", "Logistics", "Industries"};
    private static final String[] CONSIGNEE_KINDS = {"END_USER", "MANUFACTURER", "DISTRIBUTOR", "TRADING_COMPANY",
        "FREIGHT_FORWARDER", "LOGISTICS_COMPANY", "OTHER"};
    private static final List<String> CSV_HEADER = List.of("ref", "type", "name", "aliases", "country", "region",
        "hsCode", "destinationCountry");

    private final ObjectMapper mapper;
    private final SplittableRandom random;
    private long line;

    WarmUpRows(ObjectMapper mapper, long seed) {
        this.mapper = mapper;
        this.random = new SplittableRandom(seed);
    }

    /** The next chunk of {@code rows} rows: JSON Lines, or one CSV chunk in ten. */
    String chunk(int rows) {
        StringBuilder text = new StringBuilder(rows * 200);
        boolean csv = random.nextInt(10) == 0;
        if (csv) {
            ChunkRow.header(write(mapper.valueToTree(CSV_HEADER))).appendTo(text);
        }
        for (int i = 0; i < rows; i++) {
            line++;
            ChunkRow row = csv ? new ChunkRow(line, ChunkRow.Kind.CSV, write(csvRecord()))
                    : new ChunkRow(line, ChunkRow.Kind.JSON, write(subject()));
            row.appendTo(text);
        }
        return text.toString();
    }

    private ObjectNode subject() {
        int kind = random.nextInt(10);
        ObjectNode s = mapper.createObjectNode();
        s.put("ref", "warm-up-" + line);
        if (kind < 6) {
            s.put("type", "GOODS");
            s.put("hsCode", pick(HS));
            s.put("destinationCountry", pick(COUNTRIES));
            if (random.nextInt(3) == 0) {
                s.put("originCountry", pick(COUNTRIES));
            }
            if (random.nextInt(4) == 0) {
                ObjectNode endUser = s.putObject("endUser");
                endUser.put("name", name());
                endUser.put("country", pick(COUNTRIES));
            }
            return s;
        }
        if (kind < 9) {
            s.put("type", "SUPPLIER");
            s.put("name", name());
            s.put("country", pick(COUNTRIES));
            s.put("region", pick(REGIONS));
            ArrayNode owners = s.putArray("owners");
            // Direct stakes adding up to at most 100 %: more is a rejected row.
            int left = 100;
            for (int i = random.nextInt(3); i >= 0 && left > 0; i--) {
                int share = 1 + random.nextInt(left);
                left -= share;
                ObjectNode owner = owners.addObject();
                owner.put("name", name());
                owner.put("country", pick(COUNTRIES));
                owner.put("sharePercent", share);
            }
            ArrayNode exports = s.putArray("exports");
            for (int i = random.nextInt(3); i >= 0; i--) {
                ObjectNode export = exports.addObject();
                export.put("hsCode", pick(HS));
                export.put("destinationCountry", pick(COUNTRIES));
                if (random.nextBoolean()) {
                    ObjectNode consignee = export.putObject("consignee");
                    consignee.put("name", name());
                    consignee.put("country", pick(COUNTRIES));
                    consignee.put("kind", pick(CONSIGNEE_KINDS));
                }
                if (random.nextBoolean()) {
                    export.put("valueUsd", 1_000 + random.nextInt(2_000_000));
                }
            }
            return s;
        }
        s.put("type", "BANK");
        s.put("name", name());
        s.put("country", pick(COUNTRIES));
        s.put("region", pick(REGIONS));
        s.put("russiaPaymentShare", random.nextInt(100) / 100.0);
        ArrayNode correspondents = s.putArray("correspondents");
        for (int i = random.nextInt(2); i >= 0; i--) {
            ObjectNode c = correspondents.addObject();
            c.put("name", name());
            c.put("country", pick(COUNTRIES));
        }
        ArrayNode payments = s.putArray("payments");
        for (int i = random.nextInt(3); i >= 0; i--) {
            ObjectNode p = payments.addObject();
            p.put("amountUsd", 1_000 + random.nextInt(900_000));
            p.putArray("hsCodes").add(pick(HS));
            p.put("destinationCountry", pick(COUNTRIES));
            ObjectNode counterparty = p.putObject("counterparty");
            counterparty.put("name", name());
            counterparty.put("country", pick(COUNTRIES));
        }
        return s;
    }

    private ArrayNode csvRecord() {
        ArrayNode values = mapper.createArrayNode();
        int kind = random.nextInt(10);
        String type = kind < 6 ? "GOODS" : kind < 9 ? "SUPPLIER" : "BANK";
        boolean named = !type.equals("GOODS");
        boolean traded = !type.equals("BANK");
        values.add("warm-up-" + line);
        values.add(type);
        values.add(named ? name() : "");
        values.add(named && random.nextInt(4) == 0 ? name() : "");
        values.add(named ? pick(COUNTRIES) : "");
        values.add(named ? pick(REGIONS) : "");
        values.add(traded ? pick(HS) : "");
        values.add(traded ? pick(COUNTRIES) : "");
        return values;
    }

    private String name() {
        StringBuilder name = new StringBuilder();
        for (int word = 1 + random.nextInt(2); word > 0; word--) {
            StringBuilder w = new StringBuilder();
            for (int s = 2 + random.nextInt(2); s > 0; s--) {
                w.append(pick(SYLLABLES));
            }
            name.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length()).append(' ');
        }
        return name.append(pick(FORMS)).toString();
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private String write(Object node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
