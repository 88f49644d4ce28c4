package io.holdfast.routing.internal.outbox;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A Bloom filter of the (target, ordering key) pairs that may have an open outbox row on this
 * node: it never answers "no" for a pair that has one, so a "no" lets Intake's batch hand a new
 * ordered row to the dispatcher without asking the database (that query was 7 % of the journal
 * writer's time in the routing benchmark). It learns every pair that becomes open — rows open at
 * start, every ordered row inserted, every replayed row — and forgets nothing, so as patients
 * accumulate more answers become "maybe" and the database is asked, as before: it degrades to the
 * query, never to a wrong answer. Only valid while this node writes every outbox row (embedded
 * Derby); with several nodes (PostgreSQL) it is not used.
 */
final class OpenKeyFilter {
    private static final int BITS_LOG2 = 24;
    private static final int HASHES = 3;

    private final AtomicLongArray words = new AtomicLongArray((1 << BITS_LOG2) / 64);

    void add(String target, String orderingKey) {
        for (int bit : bits(target, orderingKey)) {
            int word = bit >>> 6;
            long mask = 1L << (bit & 63);
            long old;
            do {
                old = words.get(word);
            } while ((old & mask) == 0 && !words.compareAndSet(word, old, old | mask));
        }
    }

    /** False only if no row of this pair was ever seen open. */
    boolean mightBeOpen(String target, String orderingKey) {
        for (int bit : bits(target, orderingKey)) {
            if ((words.get(bit >>> 6) & (1L << (bit & 63))) == 0) {
                return false;
            }
        }
        return true;
    }

    /** The pair's {@value #HASHES} bit positions (double hashing over one 64-bit hash). */
    private static int[] bits(String target, String orderingKey) {
        long h = hash(target, orderingKey);
        int h1 = (int) h;
        int h2 = (int) (h >>> 32);
        int[] bits = new int[HASHES];
        for (int i = 0; i < HASHES; i++) {
            bits[i] = (h1 + i * h2) & ((1 << BITS_LOG2) - 1);
        }
        return bits;
    }

    private static long hash(String target, String orderingKey) {
        long h = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < orderingKey.length(); i++) {
            h = (h ^ orderingKey.charAt(i)) * 0x100000001B3L;
        }
        h ^= target.hashCode() * 0xC2B2AE3D27D4EB4FL;
        // finalizer (SplitMix64), so both halves are well mixed
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }
}
