package org.exposure.assessor.lists;

/**
 * Fired by {@link ListStore} when a transaction may have changed which versions of a source are in force (a new
 * version, an earlier one back in force, a held one confirmed). Observe it after the commit
 * ({@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}), then read {@link ListStore#inForce()}: before the
 * commit another transaction would not see the change, and after a rollback there is none.
 */
public record ListsChanged(String source) {
}
