/** Clinical events and their natural identity ({@link io.holdfast.api.event.EventKey}) and content digest. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.holdfast.api.event;
