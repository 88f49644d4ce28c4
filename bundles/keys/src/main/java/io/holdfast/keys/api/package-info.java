/** Kernel-internal key API: purpose keys held in the master keystore, keyed digests, AEAD helpers, sealed text columns (1.2). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.holdfast.keys.api;
