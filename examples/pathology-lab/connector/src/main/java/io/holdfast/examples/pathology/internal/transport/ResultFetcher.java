package io.holdfast.examples.pathology.internal.transport;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.AuthProvider;
import io.holdfast.api.spi.CredentialIdentity;
import io.holdfast.examples.pathology.internal.config.LabSettings;
import java.net.URI;
import java.time.Duration;

/**
 * Fetches one page with bounded retries: a lab that is down, busy (429) or failing (5xx) is tried up to
 * {@code maxAttempts} times with doubling waits (at least its Retry-After, at most {@code retryBackoffMax});
 * a 401 makes the auth provider drop its cached material and is retried once, as the
 * {@link AuthProvider} contract asks; anything else fails at once. Credentials are asked for on every
 * try, so a rotation in the vault is used by the next request.
 */
public final class ResultFetcher {
    /** How the poll thread waits between tries (tests pass one that records instead). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** A page and who fetched it: the credential identity the lab accepted, and the tries it took. */
    public record Fetched(LabPage page, CredentialIdentity identity, int attempts) {
    }

    private final LabClient client;
    private final Sleeper sleeper;

    public ResultFetcher(LabClient client, Sleeper sleeper) {
        this.client = client;
        this.sleeper = sleeper;
    }

    public Fetched fetch(DownstreamSystem system, AuthProvider auth, URI uri, LabSettings.Retry retry) {
        boolean refreshed = false;
        int attempt = 1;
        while (true) {
            AuthMaterial material = auth.authenticate(system);
            try {
                return new Fetched(client.get(uri, material), material.identity(), attempt);
            } catch (LabCallException e) {
                if (e.kind() == LabCallException.Kind.UNAUTHORIZED && !refreshed) {
                    auth.invalidate(system);
                    refreshed = true;
                    continue;
                }
                if (e.kind() == LabCallException.Kind.UNAUTHORIZED) {
                    throw new LabCallException(e.kind(), e.getMessage() + " twice for credential " + material.identity().describe()
                            + "; import the lab's current key with holdfast:cred-import --system " + system.id() + " --kind API_KEY");
                }
                if (!e.retryable() || attempt >= retry.maxAttempts()) {
                    throw attempt == 1 ? e : new LabCallException(e.kind(), e.getMessage() + " (try " + attempt + " of "
                            + retry.maxAttempts() + ")", e.retryAfter());
                }
                pause(retry.delayAfter(attempt, e.retryAfter().orElse(Duration.ZERO)), uri);
                attempt++;
            }
        }
    }

    private void pause(Duration wait, URI uri) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabCallException(LabCallException.Kind.INTERRUPTED, "stopped while waiting to call " + LabClient.origin(uri) + " again");
        }
    }
}
