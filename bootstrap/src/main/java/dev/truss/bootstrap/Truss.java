package dev.truss.bootstrap;

import dev.truss.bootstrap.cli.TrussCommand;

/** The {@code truss} command. */
public final class Truss {

    private Truss() {
    }

    public static void main(String[] args) {
        System.exit(TrussCommand.run(args));
    }
}
