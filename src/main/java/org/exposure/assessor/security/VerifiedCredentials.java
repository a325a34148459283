package org.exposure.assessor.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.elytron.security.runtime.ElytronPasswordIdentityProvider;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Remembers, for a few minutes, the HTTP Basic credentials the embedded users' realm has just accepted, so that the
 * same user sending the same password again is let in without asking the realm. The realm's check is cheap (one
 * SHA-512), but Quarkus runs it as blocking work: every request of a machine client was handed from the event loop
 * to a worker thread and back only to learn again what it learnt a moment before, and under load that hand-over
 * cost more than the request's own work on the event loop.
 *
 * <p>Safe because: only credentials the realm accepted are remembered, never a refusal, so a wrong password always
 * reaches the realm; what is kept is a salted SHA-256 of the password (the salt is random per process), not the
 * password, compared in constant time; one entry per user, so the cache is no larger than the configured users;
 * the embedded users and their roles change only at a restart, which empties the cache; and an entry is used for
 * at most {@link #TTL}, after which the realm is asked again. Asked after the first administrator's provider, which
 * answers for its own user and is never cached here.
 */
@ApplicationScoped
public class VerifiedCredentials implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    static final Duration TTL = Duration.ofMinutes(5);

    private record Entry(byte[] digest, SecurityIdentity identity, long verifiedAt) {
    }

    private final ElytronPasswordIdentityProvider realm;
    private final byte[] salt = new byte[32];
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    VerifiedCredentials(ElytronPasswordIdentityProvider realm) {
        this.realm = realm;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /** After the first administrator's provider (+100), before the realm it stands in front of (the default). */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 50;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String user = request.getUsername();
        byte[] digest = digest(user, request.getPassword().getPassword());
        long now = System.nanoTime();
        Entry known = entries.get(user);
        if (known != null && now - known.verifiedAt() < TTL.toNanos() && MessageDigest.isEqual(known.digest(), digest)) {
            return Uni.createFrom().item(known.identity());
        }
        return realm.authenticate(request, context).onItem().invoke(identity -> {
            if (identity != null && !identity.isAnonymous()) {
                entries.put(user, new Entry(digest, identity, now));
            }
        });
    }

    private byte[] digest(String user, char[] password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(user.getBytes(StandardCharsets.UTF_8));
            // A separator that cannot occur in the user name's UTF-8, so that "ab"+"c" and "a"+"bc" differ.
            sha.update((byte) 0xff);
            sha.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
