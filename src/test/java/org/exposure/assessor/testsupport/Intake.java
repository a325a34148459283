package org.exposure.assessor.testsupport;

import org.exposure.assessor.intake.RequestReader;
import org.exposure.assessor.intake.StrictJson;
import org.exposure.assessor.intake.SubjectDecoder;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

/**
 * The subject decoder outside Quarkus, configured as application.properties and {@link StrictJson} configure the
 * application's: unknown fields refused, trailing content refused, dates as text. For unit tests of what reads
 * subjects (batch chunks); the API tests check the real one.
 */
public final class Intake {
    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    private Intake() {
    }

    public static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        new StrictJson().customize(mapper);
        return mapper;
    }

    public static SubjectDecoder decoder() {
        ObjectMapper mapper = mapper();
        return new SubjectDecoder(new RequestReader(mapper, VALIDATION.getValidator()), mapper);
    }
}
