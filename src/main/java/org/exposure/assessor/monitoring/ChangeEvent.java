package org.exposure.assessor.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event of the changes feed: a stored subject whose verdict changed when it was assessed again.
 *
 * @param seq                  its place in the feed: strictly increasing in commit order, never reused; the cursor a
 *                             reader passes back to continue after it
 * @param type                 {@link #RISK_RAISED}, {@link #RISK_LOWERED} or {@link #LIST_FINDINGS_CHANGED}
 * @param assessmentId         the new assessment
 * @param previousAssessmentId the assessment it supersedes
 * @param ref                  the client's reference of the subject, if it has one
 * @param payloadJson          the event as the feed and the webhooks serve it (a JSON object), written once
 */
public record ChangeEvent(long seq, UUID id, String type, UUID assessmentId, UUID previousAssessmentId, String ref,
                          Instant createdAt, String payloadJson) {

    /** The risk level went up. */
    public static final String RISK_RAISED = "RISK_RAISED";
    /** The risk level went down. */
    public static final String RISK_LOWERED = "RISK_LOWERED";
    /** The risk level stayed, but a list finding (a LIST-... rule) was added or removed. */
    public static final String LIST_FINDINGS_CHANGED = "LIST_FINDINGS_CHANGED";

    /** Every type, in the order the documentation gives them. */
    public static final List<String> TYPES = List.of(RISK_RAISED, RISK_LOWERED, LIST_FINDINGS_CHANGED);
}
