package io.holdfast.examples.pathology.internal.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Metatype of one polled lab ({@code etc/io.holdfast.examples.pathology.lab-<name>.cfg}; Karaf's file
 * installer splits factory file names on {@code -}, never on {@code ~}). Values are validated by
 * {@link LabSettings} from the raw properties, so a typo fails activation instead of becoming a default.
 * Durations are ISO-8601 ({@code PT30S}).
 */
@ObjectClassDefinition(name = "Holdfast example: pathology lab", description = "One pathology lab whose CSV results feed is polled")
public @interface LabConfig {
    @AttributeDefinition(description = "Inventory id of the lab: endpoint (https://...), auth pattern and vault credential come from there")
    String system();

    @AttributeDefinition(description = "Path of the results feed under the system's endpoint")
    String resultsPath() default "/results";

    @AttributeDefinition(description = "Time between polls (PT1S - PT24H)")
    String pollInterval() default "PT60S";

    @AttributeDefinition(description = "Rows asked for per request (limit), 1-1000; a full page is followed by the next at once")
    int pageSize() default 100;

    @AttributeDefinition(description = "Largest response body read, in bytes (1 KiB - 64 MiB); a larger one is abandoned and asked for in smaller pages")
    int maxResponseBytes() default 1048576;

    @AttributeDefinition(description = "Time allowed to connect and for the whole response (PT1S - PT10M)")
    String requestTimeout() default "PT30S";

    @AttributeDefinition(description = "Tries per poll for a lab that is down, busy (429) or failing (5xx), 1-10")
    int maxAttempts() default 3;

    @AttributeDefinition(description = "Wait before the second try, doubled each further try (PT0.01S - PT10M)")
    String retryBackoff() default "PT2S";

    @AttributeDefinition(description = "Longest wait between tries, also the most a Retry-After is honoured (PT0.01S - PT1H)")
    String retryBackoffMax() default "PT60S";

    @AttributeDefinition(description = "Cursor of the first poll when none is stored; empty = the lab's oldest result")
    String initialCursor() default "";

    @AttributeDefinition(description = "Assigning authority of accession numbers, part of every result key (default: the system id); never change it once results have flowed")
    String accessionAuthority() default "";

    @AttributeDefinition(description = "Time zone of feed timestamps without an offset")
    String timeZone() default "Europe/London";
}
