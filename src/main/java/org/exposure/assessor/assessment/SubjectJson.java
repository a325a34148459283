package org.exposure.assessor.assessment;

import java.util.List;

import org.exposure.assessor.domain.BankSubject;
import org.exposure.assessor.domain.GoodsSubject;
import org.exposure.assessor.domain.Subject;
import org.exposure.assessor.domain.SupplierSubject;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a normalised subject as the JSON that is stored and returned, and reads it back for a replay. The type property is added here, through
 * a mix-in, so that the domain records stay free of serialisation annotations.
 */
final class SubjectJson {
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = GoodsSubject.class, name = "GOODS"),
            @JsonSubTypes.Type(value = SupplierSubject.class, name = "SUPPLIER"),
            @JsonSubTypes.Type(value = BankSubject.class, name = "BANK")})
    private interface TypedSubject {
    }

    private final ObjectMapper mapper;
    private final ObjectMapper reader;

    SubjectJson(ObjectMapper base) {
        this.reader = base.copy()
                .addMixIn(Subject.class, TypedSubject.class)
                // Written without its empty lists (NON_EMPTY below); read back as empty lists, as intake gives them.
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.reader.configOverride(List.class)
                .setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
        this.mapper = base.copy()
                .addMixIn(Subject.class, TypedSubject.class)
                .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // 12345678901234567890.12 rather than 1.234567890123456789012E+19: the stored facts read as the
                // client wrote them. Intake bounds every number (intake/Numbers), so the plain form stays short.
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    String write(Subject subject) {
        try {
            return mapper.writerFor(Subject.class).writeValueAsString(subject);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a validated subject always serialises", e);
        }
    }

    /**
     * The subject a stored assessment was made of, read back from its stored JSON (the form {@link #write} gives):
     * a replay evaluates exactly what was stored.
     */
    Subject read(String json) {
        try {
            return reader.readValue(json, Subject.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored subject cannot be read back: " + e.getOriginalMessage(), e);
        }
    }

    String writeValue(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evidence and warnings always serialise", e);
        }
    }
}
