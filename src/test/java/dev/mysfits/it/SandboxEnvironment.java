package dev.mysfits.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.Map;

/**
 * Environment variables for the class's own moto, for a test class whose subject is an account unlike the usual one
 * (e.g. {@code @SandboxEnvironment("MYSFITS_SANDBOX_DEFAULT_VPC=off")}: no default VPC). The moto is started with them
 * before the class and without them after it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SandboxEnvironment.Variables.class)
public @interface SandboxEnvironment {
    /** NAME=value pairs. */
    String[] value();

    final class Variables implements BeforeAllCallback, AfterAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            Map<String, String> environment = new HashMap<>();
            for (String pair : context.getRequiredTestClass().getAnnotation(SandboxEnvironment.class).value()) {
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException("@SandboxEnvironment takes NAME=value, not " + pair);
                }
                environment.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
            TestSandbox.useSandboxEnvironment(environment);
        }

        @Override
        public void afterAll(ExtensionContext context) {
            TestSandbox.useSandboxEnvironment(Map.of());
        }
    }
}
