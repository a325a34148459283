package org.exposure.assessor.match;

import java.util.List;

/**
 * A list entry whose name or alias scored at or above the threshold for a query.
 *
 * @param listId              the candidate's list
 * @param entryId             the candidate's id in that list
 * @param primaryName         the entry's primary name
 * @param matchedName         the name of the entry that matched: the primary name or one of its aliases
 * @param alias               whether {@code matchedName} is an alias
 * @param queryNormalized     the query after normalisation (tokens joined by spaces)
 * @param candidateNormalized the matched name after normalisation
 * @param score               final score in 0..1
 * @param type                the entry's type
 * @param programs            the entry's programmes
 * @param features            how the score was made up, one line per feature
 */
public record Match(String listId, String entryId, String primaryName, String matchedName, boolean alias,
                    String queryNormalized, String candidateNormalized, double score, String type,
                    List<String> programs, List<MatchFeature> features) {
}
