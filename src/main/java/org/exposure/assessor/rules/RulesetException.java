package org.exposure.assessor.rules;

/** The ruleset on disk cannot be used: a rule does not compile, lacks its metadata, or a reference file is broken. */
public class RulesetException extends RuntimeException {
    public RulesetException(String message) {
        super(message);
    }

    public RulesetException(String message, Throwable cause) {
        super(message, cause);
    }
}
