package org.exposure.assessor.screening;

import org.exposure.assessor.lists.ListDirectoryImport;
import org.exposure.assessor.lists.download.ListDownloads;
import org.exposure.assessor.rules.RulesetProducer;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The start-up, in order, in one place. The ruleset compile and the index over the versions already in force need
 * nothing else, so both begin at once on threads of their own; the directory import runs meanwhile on this thread.
 * The first index then takes what the import put in force (the one built ahead, when the import changed nothing),
 * the ruleset is waited for, so that a broken rule stops the start, and the downloads start last, so that their
 * first run sees what the directory brought. It lives here, above lists and rules, because it is the one place that
 * knows all of them.
 */
@ApplicationScoped
class ServiceStartup {
    private final RulesetProducer rules;
    private final IndexBuilder builder;
    private final ListDirectoryImport directory;
    private final ScreeningIndex index;
    private final ListDownloads downloads;

    ServiceStartup(RulesetProducer rules, IndexBuilder builder, ListDirectoryImport directory, ScreeningIndex index,
                   ListDownloads downloads) {
        this.rules = rules;
        this.builder = builder;
        this.directory = directory;
        this.index = index;
        this.downloads = downloads;
    }

    void onStart(@Observes StartupEvent event) {
        rules.beginCompile();
        builder.prepareEarly();
        directory.importConfigured();
        index.start();
        rules.awaitCompiled();
        downloads.start();
    }
}
