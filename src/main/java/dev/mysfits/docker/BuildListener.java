package dev.mysfits.docker;

/** What a build reports while it runs. */
public interface BuildListener {
    void stepStarted(BuildStep step);

    /** The step's layer came from the build cache. */
    void stepCached(BuildStep step);

    /** A line the step's command printed. */
    void output(String line);

    BuildListener NONE = new BuildListener() {
        @Override
        public void stepStarted(BuildStep step) {
        }

        @Override
        public void stepCached(BuildStep step) {
        }

        @Override
        public void output(String line) {
        }
    };
}
