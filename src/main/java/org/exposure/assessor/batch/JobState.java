package org.exposure.assessor.batch;

public enum JobState {
    /** The body is still arriving. */
    RECEIVING,
    QUEUED,
    RUNNING,
    DONE,
    /** The upload broke off; nothing of the job was assessed. */
    FAILED,
    CANCELLED;

    public boolean finished() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
