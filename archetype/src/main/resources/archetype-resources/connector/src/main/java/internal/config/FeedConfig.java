package ${package}.internal.config;

import ${package}.internal.ConnectorNames;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One remote outbox this connector polls: factory PID {@value #PID}, one file {@code etc/${package}.feed-<name>.cfg}
 * per feed (Karaf takes '-' as the factory separator; a '~' name is ignored by Karaf and reported by Holdfast).
 */
@ObjectClassDefinition(name = "${connectorName} feed", description = "A booking system outbox that Holdfast polls")
public @interface FeedConfig {
    String PID = ConnectorNames.FEED_PID;

    @AttributeDefinition(description = "Feed name: 1-32 lowercase letters, digits or '-'; the channel is ${connectorName}:<name>")
    String name();

    @AttributeDefinition(description = "Base URL of the booking system, http:// or https:// (e.g. http://127.0.0.1:8791)")
    String baseUrl();

    @AttributeDefinition(description = "Inventory id of the sending system, recorded as the message source; empty = the feed name")
    String sourceSystem() default "";

    @AttributeDefinition(description = "Seconds between polls (1-3600)")
    int pollIntervalSeconds() default 30;

    @AttributeDefinition(description = "Most messages taken in one poll (1-10000)")
    int maxMessagesPerPoll() default 100;

    @AttributeDefinition(description = "Seconds one HTTP request to the booking system may take (1-300)")
    int requestTimeoutSeconds() default 30;
}
