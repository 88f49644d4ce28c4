package io.holdfast.buildrules;

/** What a bundle module is, from where it lives in the repository. */
enum ModuleRole {
    /** {@code canonical-api}: what connectors compile against. */
    CANONICAL_API,
    /** {@code bundles/lib-*}: libraries (codecs) any connector may use. */
    LIBRARY,
    /** {@code bundles/*}: the kernel. */
    KERNEL,
    /** {@code connectors/*}: in-tree connectors, built as a vendor would build one. */
    CONNECTOR,
    /** {@code simulators/*}: the other side of a connector, for tests and the sandbox. */
    SIMULATOR
}
