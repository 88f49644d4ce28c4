package io.holdfast.credentials.internal.auth;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the OAUTH2_SIGNED_JWT and CIS2_USER providers (PID {@value #PID}). */
@ObjectClassDefinition(name = "Holdfast NHS API platform auth", description = "Token endpoint, assertion lifetime and token caching")
public @interface ApimAuthConfig {
    String PID = "io.holdfast.auth.apim";

    @AttributeDefinition(description = "Path of the token endpoint on the system endpoint's host (NHS API platform: /oauth2/token)")
    String tokenPath() default "/oauth2/token";

    @AttributeDefinition(description = "Token URL per environment whose token endpoint is not on the API's host, as"
            + " env=url[,env=url] (the sandbox's APIM simulator: dev=http://127.0.0.1:8720/oauth2/token); empty: endpoint host + tokenPath")
    String tokenUrls() default "";

    @AttributeDefinition(description = "Lifetime of a client assertion in seconds (30-300; the platform allows at most 5 minutes)")
    int assertionLifetimeSeconds() default 240;

    @AttributeDefinition(description = "Fetch a new access token this many seconds before expires_in runs out (0-600)")
    int refreshMarginSeconds() default 60;

    @AttributeDefinition(description = "Timeout of a token request in seconds (1-120)")
    int requestTimeoutSeconds() default 10;
}
