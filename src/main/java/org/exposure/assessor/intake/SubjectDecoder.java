package org.exposure.assessor.intake;

import java.util.ArrayList;
import java.util.List;

import org.exposure.assessor.domain.Subject;
import org.exposure.assessor.domain.Submission;
import org.exposure.assessor.domain.Warning;
import org.exposure.assessor.intake.dto.SubjectDto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * One subject from its JSON text, validated exactly as {@code POST /api/v1/assessments} validates it: the batch jobs
 * accept and reject what the synchronous API does, with the same field paths and messages.
 */
@ApplicationScoped
public class SubjectDecoder {
    private final RequestReader reader;
    private final ObjectMapper mapper;

    public SubjectDecoder(RequestReader reader, ObjectMapper mapper) {
        this.reader = reader;
        this.mapper = mapper;
    }

    /**
     * Either a subject, with the warnings its mapping made (e.g. a tariff code cut to its HS-6), or the errors that
     * keep it from being one.
     */
    public record Decoded(Subject subject, String ref, List<FieldError> errors, List<Warning> warnings) {
        public Decoded(Subject subject, String ref, List<FieldError> errors) {
            this(subject, ref, errors, List.of());
        }
    }

    public Decoded decode(String json) {
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return new Decoded(null, null, List.of(RequestReader.bindingError("", e)));
        } catch (NumberFormatException e) {
            return new Decoded(null, null, List.of(JsonBodyCap.unreadableNumberError()));
        }
        return decode(node);
    }

    public Decoded decode(JsonNode node) {
        String ref = node != null && node.isObject() && node.path("ref").isTextual() ? node.get("ref").asText() : null;
        List<FieldError> errors = new ArrayList<>();
        SubjectDto dto = reader.read(node, "", errors);
        if (!errors.isEmpty() || dto == null) {
            return new Decoded(null, ref, errors.isEmpty() ? List.of(new FieldError("(row)", "cannot be read")) : errors);
        }
        Submission submission = SubjectMapper.submission(dto);
        return new Decoded(submission.subject(), ref, List.of(), submission.warnings());
    }
}
