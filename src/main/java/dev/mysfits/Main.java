package dev.mysfits;

import dev.mysfits.cli.Cli;
import dev.mysfits.cli.MysfitsCommand;

public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        MysfitsCommand root = new MysfitsCommand();
        System.exit(Cli.execute(root, Cli.create(root), args));
    }
}
