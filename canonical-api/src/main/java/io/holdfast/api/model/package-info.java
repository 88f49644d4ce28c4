/** Canonical clinical model: patients, identifiers, organisations. Immutable records, no wire-format types. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.1")
package io.holdfast.api.model;
