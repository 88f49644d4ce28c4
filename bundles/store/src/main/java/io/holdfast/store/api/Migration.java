package io.holdfast.store.api;

import java.util.List;
import java.util.Objects;

/**
 * One schema step of a module: applied once, in version order, in its own transaction, and
 * recorded in {@code holdfast_schema}. Statements use {@link Dialect} placeholders.
 */
public record Migration(int version, String description, List<String> statements) {
    public Migration {
        if (version < 1) {
            throw new IllegalArgumentException("migration versions start at 1");
        }
        Objects.requireNonNull(description, "description");
        statements = List.copyOf(statements);
    }

    public static Migration of(int version, String description, String... statements) {
        return new Migration(version, description, List.of(statements));
    }
}
