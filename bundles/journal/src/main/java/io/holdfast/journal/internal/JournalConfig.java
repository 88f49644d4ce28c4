package io.holdfast.journal.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the journal (PID {@code io.holdfast.journal}). */
@ObjectClassDefinition(name = "Holdfast journal", description = "Audit journal, single writer and encrypted payload store")
public @interface JournalConfig {
    String PID = "io.holdfast.journal";

    @AttributeDefinition(description = "Directory for payload files and the journal watermark; empty = ${karaf.data}/holdfast")
    String dataDirectory() default "";

    @AttributeDefinition(description = "Most tasks committed in one transaction (1-10000)")
    int maxBatch() default 256;

    @AttributeDefinition(description = "Tasks that may wait for the writer before input is refused (100-1000000)")
    int queueCapacity() default 10000;

    @AttributeDefinition(description = "Payloads up to this many bytes share segment files; larger ones get their own file (1024-16777216)")
    int smallPayloadLimit() default 262144;

    @AttributeDefinition(description = "Size of each preallocated payload segment file in bytes (1048576-1073741824)")
    int payloadSegmentBytes() default 33554432;

    @AttributeDefinition(description = "Canonical paths whose values may be journaled in clear (all others are keyed digests)")
    String[] fieldsInClear() default {};

    @AttributeDefinition(description = "Disk guard: refuse new input when the data folder's file system has fewer free bytes "
            + "than this (0 = no byte threshold). Default 1 GiB")
    long minFreeBytes() default 1L << 30;

    @AttributeDefinition(description = "Disk guard: refuse new input when less than this percentage of the file system is free "
            + "(0-50, 0 = no percentage threshold); the larger of the two thresholds applies")
    int minFreePercent() default 2;
}
