package io.holdfast.api.event;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component that is volatile (e.g. when the message was generated) and so not part
 * of the content digest: a sender's retry that changes only such fields is a duplicate.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@org.osgi.annotation.versioning.ProviderType
public @interface DigestExcluded {
}
