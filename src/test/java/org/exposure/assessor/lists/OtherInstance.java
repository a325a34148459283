package org.exposure.assessor.lists;

import org.exposure.assessor.audit.AuditTrail;
import java.lang.annotation.Annotation;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.exposure.assessor.config.AssessorConfig;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.persistence.EntityManager;

/**
 * Stores a list as another instance sharing the database does: the same store, but its {@link ListsChanged} reaches
 * no observer here, so this instance learns of the import only through its poll of the versions in force.
 */
public final class OtherInstance {
    private OtherInstance() {
    }

    public static ListStore.Stored store(ImportResult result) {
        ListStore other = new ListStore(Arc.container().instance(ObjectMapper.class).get(),
                Arc.container().instance(EntityManager.class).get(), Arc.container().instance(AssessorConfig.class).get(),
                new Unheard<>(), Arc.container().instance(AuditTrail.class).get(),
                Arc.container().instance(ListChanges.class).get());
        return QuarkusTransaction.requiringNew().call(() -> other.store(result, AuditTrail.SYSTEM, ListStore.UPLOAD));
    }

    private static final class Unheard<T> implements Event<T> {
        @Override
        public void fire(T event) {
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event) {
            return CompletableFuture.completedFuture(event);
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            return CompletableFuture.completedFuture(event);
        }

        @Override
        public Event<T> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            return new Unheard<>();
        }

        @Override
        public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            return new Unheard<>();
        }
    }
}
