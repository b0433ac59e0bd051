package dev.mysfits.it;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the AWS API calls the CLI makes in tests. Registered for every SDK client on the test classpath only,
 * through the SDK's global interceptor file, so the product carries no counting code.
 */
public final class ApiCallCounter implements ExecutionInterceptor {
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String name = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        CALLS.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
    }

    public static void reset() {
        CALLS.clear();
    }

    public static int total() {
        return CALLS.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Calls by "Service.Operation", sorted. */
    public static Map<String, Integer> byOperation() {
        Map<String, Integer> sorted = new TreeMap<>();
        CALLS.forEach((k, v) -> sorted.put(k, v.get()));
        return sorted;
    }
}
