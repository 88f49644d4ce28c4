package io.holdfast.journal.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Retention (PID {@code io.holdfast.retention}). Everything is kept forever unless configured:
 * the periods are the Trust's records-management decision (legal hold), not Holdfast's.
 */
@ObjectClassDefinition(name = "Holdfast retention", description = "How long payload files, delivered outbox rows and journal rows are kept")
public @interface RetentionConfig {
    String PID = "io.holdfast.retention";

    @AttributeDefinition(description = "Run retention on a schedule (holdfast:retention --run works either way)")
    boolean enabled() default false;

    @AttributeDefinition(description = "Hours between scheduled runs (1-168)")
    int runEveryHours() default 24;

    @AttributeDefinition(description = "Days payload files are kept after their newest payload was stored (0 = forever, else 30-36500)")
    int payloadDays() default 0;

    @AttributeDefinition(description = "Days delivered (DONE) outbox rows are kept after delivery (0 = forever, else 7-36500)")
    int outboxDoneDays() default 0;

    @AttributeDefinition(description = "Legal-hold period: days journal rows are kept (0 = forever, else 365-36500); "
            + "pruning leaves a signed checkpoint so the remaining chain still verifies")
    int journalDays() default 0;
}
