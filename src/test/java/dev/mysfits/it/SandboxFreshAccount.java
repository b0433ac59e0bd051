package dev.mysfits.it;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The class's moto runs as a fresh AWS account (MYSFITS_SANDBOX_FRESH_ACCOUNT=1): no ECS or Application Auto Scaling
 * service-linked role until something makes it. Other classes get an account that has them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SandboxFreshAccount.Account.class)
public @interface SandboxFreshAccount {
    final class Account implements BeforeAllCallback, AfterAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            TestSandbox.useFreshAccount(true);
        }

        @Override
        public void afterAll(ExtensionContext context) {
            TestSandbox.useFreshAccount(false);
        }
    }
}
