package dev.mysfits.registry;

/**
 * A registry login from GetAuthorizationToken: valid for hours, fetched per push and never cached on disk.
 * toString() hides the password so it cannot leak through a log line or an exception message.
 *
 * @param username  "AWS" for ECR
 * @param password  the token; a secret
 * @param endpoint  the registry's address, e.g. https://123456789012.dkr.ecr.us-east-1.amazonaws.com
 */
public record RegistryCredentials(String username, String password, String endpoint) {

    /** The registry host without scheme, as Docker names it: 123456789012.dkr.ecr.us-east-1.amazonaws.com. */
    public String host() {
        String host = endpoint.replaceFirst("^[a-zA-Z]+://", "");
        int slash = host.indexOf('/');
        return slash < 0 ? host : host.substring(0, slash);
    }

    @Override
    public String toString() {
        return "RegistryCredentials[username=" + username + ", password=<hidden>, endpoint=" + endpoint + "]";
    }
}
