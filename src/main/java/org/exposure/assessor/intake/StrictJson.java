package org.exposure.assessor.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * How every JSON body is read:
 * <ul>
 * <li>one JSON value: {@code {...}}} or {@code {...} {...}} is malformed, not the first object with the rest
 * ignored (unknown fields are refused by quarkus.jackson.fail-on-unknown-properties);</li>
 * <li>decimals exactly: a body is read as a tree before it is bound, and a tree keeps a fraction as a double by
 * default, so 49.9999999999999999 (a minority stake) would become 50.0 (a blocked company). Read as BigDecimal, and
 * 50.0 stays 50.0 rather than being shortened to 5E+1;</li>
 * <li>a field given twice is refused: with "last one wins", {@code "sanctioned":true,…,"sanctioned":false} means
 * something else to every reader of the document.</li>
 * </ul>
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
