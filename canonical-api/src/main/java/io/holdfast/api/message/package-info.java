/** Transport-level message metadata: envelope, payload, field trail, decode results. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.holdfast.api.message;
