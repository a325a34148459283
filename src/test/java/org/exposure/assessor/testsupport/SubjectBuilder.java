package org.exposure.assessor.testsupport;

import org.exposure.assessor.domain.Subject;

/** A builder a rule test may hand to {@link RuleAssertions} in place of the subject it builds. */
public interface SubjectBuilder {
    Subject build();
}
