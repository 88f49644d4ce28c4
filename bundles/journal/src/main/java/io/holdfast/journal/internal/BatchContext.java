package io.holdfast.journal.internal;

import java.time.Clock;
import java.util.function.UnaryOperator;

/** What every batch of the writer shares: where payloads go, how fields and details are protected, the disk guard. */
record BatchContext(PayloadStore payloads, FieldPolicy policy, UnaryOperator<String> digest, DetailCipher details,
                    DiskGuard guard, Clock clock) {
}
