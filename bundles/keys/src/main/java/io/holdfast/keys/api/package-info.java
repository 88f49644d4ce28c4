/** Kernel-internal key API: purpose keys held in the master keystore, keyed digests, AEAD helpers. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.holdfast.keys.api;
