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
 * The data plane's clock for a test class whose subject is time (MYSFITS_SANDBOX_TIME_SCALE of its moto). Other
 * classes run at failsafe's it.timeScale (10 in scripts/test): the product sees the same answers, only sooner.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SandboxTimeScale.Clock.class)
public @interface SandboxTimeScale {
    /** 1 is AWS's own speed. */
    double value();

    final class Clock implements BeforeAllCallback, AfterAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            TestSandbox.useTimeScale(context.getRequiredTestClass().getAnnotation(SandboxTimeScale.class).value());
        }

        @Override
        public void afterAll(ExtensionContext context) {
            TestSandbox.useTimeScale(TestSandbox.DEFAULT_TIME_SCALE);
        }
    }
}
