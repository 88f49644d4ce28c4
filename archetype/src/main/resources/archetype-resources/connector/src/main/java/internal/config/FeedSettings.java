package ${package}.internal.config;

import io.holdfast.api.error.InvalidConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/** A feed's configuration, checked: every rejected value names the PID, the key and what is allowed. */
public record FeedSettings(String name, URI baseUrl, String sourceSystem, Duration pollInterval, int maxMessagesPerPoll,
                           Duration requestTimeout) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    public static FeedSettings from(FeedConfig c) {
        String name = c.name() == null ? "" : c.name().trim();
        if (!NAME.matcher(name).matches()) {
            throw invalid("name", "1-32 lowercase letters, digits or '-', starting with a letter or digit", "is '" + name + "'");
        }
        String source = c.sourceSystem() == null || c.sourceSystem().isBlank() ? name : c.sourceSystem().trim();
        return new FeedSettings(name, baseUrl(c.baseUrl()), source,
                Duration.ofSeconds(range("pollIntervalSeconds", c.pollIntervalSeconds(), 1, 3600)),
                range("maxMessagesPerPoll", c.maxMessagesPerPoll(), 1, 10_000),
                Duration.ofSeconds(range("requestTimeoutSeconds", c.requestTimeoutSeconds(), 1, 300)));
    }

    private static URI baseUrl(String text) {
        String allowed = "an http:// or https:// URL with a host, e.g. https://booking.example.nhs.uk";
        if (text == null || text.isBlank()) {
            throw invalid("baseUrl", allowed, "is missing");
        }
        try {
            URI uri = new URI(text.trim().replaceAll("/+$", ""));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw invalid("baseUrl", allowed, "is '" + text.trim() + "'");
            }
            if (uri.getRawUserInfo() != null) {
                throw invalid("baseUrl", allowed + " without user credentials", "holds user credentials");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid("baseUrl", allowed, "is not a URL");
        }
    }

    private static int range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw invalid(key, min + " to " + max, "is " + value);
        }
        return value;
    }

    private static InvalidConfigurationException invalid(String key, String allowed, String problem) {
        return new InvalidConfigurationException(FeedConfig.PID, key, allowed, problem);
    }
}
