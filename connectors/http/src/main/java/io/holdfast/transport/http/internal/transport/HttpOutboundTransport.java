package io.holdfast.transport.http.internal.transport;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Transports;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.AuthProvider;
import io.holdfast.api.spi.CredentialIdentity;
import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.api.spi.OutboundRequest;
import io.holdfast.api.spi.OutboundTransport;
import io.holdfast.transport.http.internal.config.HttpTransportConfig;
import io.holdfast.transport.http.internal.config.HttpTransportSettings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP as an {@link OutboundTransport} for every inventory system with transport {@code HTTP} (FHIR APIs
 * included: the dispatcher has already encoded the payload with the target format's codec). Never
 * throws for a failed delivery. The dispatcher authenticates before calling; on a 401 this transport
 * does the other half of {@link AuthProvider}'s contract: {@code invalidate}, authenticate again and
 * resend once, with the same {@code X-Request-ID}.
 */
@Component(service = OutboundTransport.class, property = "holdfast.transport=" + Transports.HTTP,
        configurationPid = HttpTransportConfig.PID)
@Designate(ocd = HttpTransportConfig.class)
public class HttpOutboundTransport implements OutboundTransport {
    private static final Logger LOG = LoggerFactory.getLogger(HttpOutboundTransport.class);

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    final List<AuthProvider> authProviders = new CopyOnWriteArrayList<>();

    private final HttpTransportSettings settings;
    private final HttpExchange exchange;
    private final ResponseOutcomes outcomes;
    private final Function<AuthPattern, Optional<AuthProvider>> providers;

    @Activate
    public HttpOutboundTransport(HttpTransportConfig config) {
        this(HttpTransportSettings.from(config), Clock.systemUTC(), null);
    }

    /** @param providers the auth provider per pattern; {@code null} for the DS-injected {@link #authProviders} */
    HttpOutboundTransport(HttpTransportSettings settings, Clock clock, Function<AuthPattern, Optional<AuthProvider>> providers) {
        this.settings = settings;
        this.exchange = new HttpExchange(settings);
        this.outcomes = new ResponseOutcomes(clock, settings.maxReasonChars());
        this.providers = providers != null ? providers
                : pattern -> authProviders.stream().filter(p -> p.pattern() == pattern).findFirst();
    }

    @Override
    public String transport() {
        return Transports.HTTP;
    }

    @Override
    public DeliveryResult deliver(OutboundRequest request) {
        DownstreamSystem target = request.target();
        RequestPlan plan;
        try {
            plan = RequestPlan.of(request, settings);
        } catch (RequestPlan.Unsendable e) {
            return new DeliveryResult.Permanent("not sent to '" + target.id() + "': " + e.getMessage(), Optional.empty());
        }
        try {
            return sendWithOneRefresh(plan, request);
        } catch (HttpTimeoutException e) {
            return new DeliveryResult.Transient("timeout calling '" + target.id() + "': " + e.getMessage(), Optional.empty());
        } catch (ConnectException e) {
            return new DeliveryResult.Transient("cannot connect to '" + target.id() + "' at " + plan.uri().getAuthority() + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), Optional.empty());
        } catch (SSLException e) {
            return new DeliveryResult.Transient("TLS with '" + target.id() + "' failed: " + e.getMessage()
                    + " (check the system's trust anchors and client certificate: holdfast:creds)", Optional.empty());
        } catch (IOException e) {
            return new DeliveryResult.Transient("I/O error calling '" + target.id() + "': " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult.Transient("interrupted calling '" + target.id() + "' (shutting down)", Optional.empty());
        } catch (IllegalArgumentException e) {
            // The JDK refuses a header or URI it cannot send: retrying will not change that.
            return new DeliveryResult.Permanent("not sent to '" + target.id() + "': " + e.getMessage(), Optional.empty());
        }
    }

    /** Sends; on a 401 lets the target's auth provider invalidate, and sends once more with fresh material. */
    private DeliveryResult sendWithOneRefresh(RequestPlan plan, OutboundRequest request) throws IOException, InterruptedException {
        DownstreamSystem target = request.target();
        String requestId = plan.headers().get(RequestPlan.REQUEST_ID);
        HttpAnswer answer = exchange.send(plan, request.body(), request.auth());
        Optional<CredentialIdentity> reauthenticatedAs = Optional.empty();
        if (answer.status() == 401) {
            Optional<AuthMaterial> fresh = reauthenticate(target);
            if (fresh.isPresent()) {
                LOG.info("{} to system {} (request {}) got 401: re-authenticated once, resending", plan.method(), target.id(), requestId);
                answer = exchange.send(plan, request.body(), fresh.get());
                reauthenticatedAs = Optional.of(fresh.get().identity());
            }
        }
        LOG.debug("{} to system {} (request {}): HTTP {}", plan.method(), target.id(), requestId, answer.status());
        return outcomes.classify(answer, reauthenticatedAs);
    }

    /** The provider's fresh material after {@code invalidate}, or empty when the target has no provider (NONE). */
    private Optional<AuthMaterial> reauthenticate(DownstreamSystem target) {
        Optional<AuthProvider> provider = providers.apply(target.authPattern());
        if (provider.isEmpty()) {
            return Optional.empty();
        }
        provider.get().invalidate(target);
        try {
            return Optional.of(provider.get().authenticate(target));
        } catch (HoldfastException e) {
            LOG.warn("Re-authenticating for system {} after a 401 failed: {}", target.id(), e.describe());
            return Optional.empty();
        }
    }
}
