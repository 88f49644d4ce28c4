/** Typed Holdfast errors with stable error codes. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.1")
package io.holdfast.api.error;
