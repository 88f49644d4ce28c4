package io.holdfast.journal.internal;

/**
 * Where the journal reports conditions an operator must see: the component maps them to
 * {@code Health} and kernel {@code Alerts}; tests record them. Texts carry paths, sizes and codes
 * only, never message content.
 */
public interface JournalConditions {

    /** A condition the journal works around (a watermark write failed): health DEGRADED, alert WARNING. */
    void degraded(Condition condition, String text);

    /** A condition under which the journal refuses new input (disk nearly full): health DOWN, alert CRITICAL. */
    void down(Condition condition, String text);

    /** The condition is over. */
    void cleared(Condition condition, String text);

    /** The conditions, each with its health component and alert key. */
    enum Condition {
        WATERMARK("journal.watermark", "journal:watermark"),
        DISK("journal.disk", "disk:data-folder");

        private final String healthName;
        private final String alertKey;

        Condition(String healthName, String alertKey) {
            this.healthName = healthName;
            this.alertKey = alertKey;
        }

        public String healthName() {
            return healthName;
        }

        public String alertKey() {
            return alertKey;
        }
    }

    /** Reports nothing (tools and benchmarks outside OSGi). */
    JournalConditions NONE = new JournalConditions() {
        @Override
        public void degraded(Condition condition, String text) {
        }

        @Override
        public void down(Condition condition, String text) {
        }

        @Override
        public void cleared(Condition condition, String text) {
        }
    };
}
