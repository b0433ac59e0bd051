package dev.mysfits.core;

/** Where code that waits on AWS says what it waits for, and when the wait is over: the console, or nowhere. */
public interface WaitProgress {
    WaitProgress NONE = new WaitProgress() {
        @Override
        public void waiting(String key, String line) {
        }

        @Override
        public void ready(String key, String line) {
        }
    };

    /** Repeated while the wait lasts; the console shows it as progress (throttled off a terminal). */
    void waiting(String key, String line);

    /** Once, when the wait ended well. */
    void ready(String key, String line);
}
