package dev.mysfits;

import dev.mysfits.cli.Cli;
import dev.mysfits.cli.MysfitsCommand;

import java.util.concurrent.atomic.AtomicBoolean;

public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        MysfitsCommand root = new MysfitsCommand();
        AtomicBoolean finished = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!finished.get()) {
                root.reportInterrupted();
            }
        }, "interrupted"));
        int code = Cli.execute(root, Cli.create(root), args);
        finished.set(true);
        System.exit(code);
    }
}
