package org.exposure.assessor.batch;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.exposure.assessor.domain.RiskLevel;
import org.exposure.assessor.domain.Submission;
import org.exposure.assessor.intake.FieldError;
import org.exposure.assessor.intake.SubjectDecoder;
import org.exposure.assessor.intake.SubjectDecoder.Decoded;
import org.exposure.assessor.persistence.AssessmentEntity;
import org.exposure.assessor.persistence.FiredRuleEntity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Assesses the rows of one stored chunk, without storing anything: each row is decoded exactly as the synchronous
 * API decodes a subject (a CSV record through its job's layout), and evaluated, or rejected with its field errors.
 * Kept apart from the transaction that claims and commits the chunk so that what a chunk yields can be tested alone.
 */
final class ChunkAssessor {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    /** Longest client ref echoed in a result row; the assessment itself keeps the ref as given. */
    static final int MAX_REF = 200;

    private final SubjectDecoder decoder;
    private final Function<Submission, AssessmentEntity> evaluate;
    private final ObjectMapper mapper;
    /** Every chunk of a CSV job repeats its header; the layout is built once per distinct header. */
    private final Map<List<String>, CsvLayout> layouts = new ConcurrentHashMap<>();

    ChunkAssessor(SubjectDecoder decoder, Function<Submission, AssessmentEntity> evaluate, ObjectMapper mapper) {
        this.decoder = decoder;
        this.evaluate = evaluate;
        this.mapper = mapper;
    }

    /** A chunk's rows assessed: one result per row in input order, the assessments to store, the counts. */
    record Assessed(List<ResultRow> results, List<AssessmentEntity> stored, BatchStore.ChunkOutcome outcome) {
    }

    Assessed assess(String chunkInput) {
        List<ChunkRow> rows = ChunkRow.parseAll(chunkInput);
        List<ResultRow> results = new ArrayList<>(rows.size());
        List<AssessmentEntity> stored = new ArrayList<>(rows.size());
        Map<RiskLevel, Integer> levels = new EnumMap<>(RiskLevel.class);
        int assessed = 0;
        int rejected = 0;
        CsvLayout layout = null;
        for (ChunkRow row : rows) {
            if (row.kind() == ChunkRow.Kind.HEADER) {
                layout = layouts.computeIfAbsent(strings(row.payload()), CsvLayout::of);
                continue;
            }
            ResultRow result = assess(row, layout, stored);
            if (result.status() == ResultRow.Status.ASSESSED) {
                assessed++;
                levels.merge(result.riskLevel(), 1, Integer::sum);
            } else {
                rejected++;
            }
            results.add(result);
        }
        return new Assessed(results, stored, new BatchStore.ChunkOutcome(assessed, rejected, levels));
    }

    private ResultRow assess(ChunkRow row, CsvLayout layout, List<AssessmentEntity> stored) {
        UUID supersedes = null;
        Decoded decoded;
        if (row.kind() == ChunkRow.Kind.RESCREEN) {
            JsonNode earlier = tree(row.payload());
            supersedes = UUID.fromString(earlier.path("supersedes").asText());
            decoded = decoder.decode(earlier.path("subject"));
        } else {
            decoded = decode(row, layout);
        }
        String ref = decoded.ref() == null || decoded.ref().length() <= MAX_REF ? decoded.ref() : decoded.ref().substring(0, MAX_REF);
        if (decoded.subject() == null) {
            return new ResultRow(row.line(), ref, ResultRow.Status.REJECTED, null, null, null, decoded.errors());
        }
        AssessmentEntity entity = evaluate.apply(new Submission(decoded.subject(), decoded.warnings()));
        entity.supersedes = supersedes;
        stored.add(entity);
        List<String> rules = new ArrayList<>(entity.firedRules.size());
        for (FiredRuleEntity r : entity.firedRules) {
            rules.add(r.ruleId);
        }
        return new ResultRow(row.line(), ref, ResultRow.Status.ASSESSED, entity.id, entity.riskLevel, rules, null);
    }

    private Decoded decode(ChunkRow row, CsvLayout layout) {
        return switch (row.kind()) {
            case JSON -> decoder.decode(row.payload());
            case CSV -> decodeCsv(layout, strings(row.payload()));
            case ERROR, HEADER, RESCREEN -> new Decoded(null, null, List.of(new FieldError("(row)", row.payload())));
        };
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored re-assessment row is not readable: " + e.getOriginalMessage(), e);
        }
    }

    private Decoded decodeCsv(CsvLayout layout, List<String> values) {
        if (layout == null) {
            throw new IllegalStateException("a stored CSV chunk has no header row");
        }
        List<FieldError> errors = new ArrayList<>();
        var node = layout.toJson(values, errors);
        if (node == null) {
            return new Decoded(null, layout.ref(values), errors);
        }
        Decoded d = decoder.decode(node);
        if (d.subject() != null) {
            return d;
        }
        return new Decoded(null, d.ref(), d.errors().stream()
                .map(e -> new FieldError(CsvLayout.column(e.field()), e.message())).toList());
    }

    private List<String> strings(String json) {
        try {
            return mapper.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored CSV row is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
