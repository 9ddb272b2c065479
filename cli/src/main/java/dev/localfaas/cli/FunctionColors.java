package dev.localfaas.cli;

/**
 * ANSI colours for function names on a terminal: each name always gets the same one (from its hash, so a function
 * keeps its colour across runs and reloads). Red is left out of the palette: it marks errors.
 */
final class FunctionColors {

    static final String RESET = "\u001b[0m";
    static final String RED = "\u001b[31m";
    static final String YELLOW = "\u001b[33m";
    private static final int[] PALETTE = {36, 32, 35, 34, 33, 96, 92, 95, 94, 93};

    private FunctionColors() {
    }

    static String of(String function) {
        return "\u001b[" + PALETTE[Math.floorMod(function.hashCode(), PALETTE.length)] + "m";
    }

    /**
     * Whether to colour: on a terminal only (the JVM has a console: stdout and stdin are not redirected), unless
     * {@code NO_COLOR} is set to anything but the empty string (https://no-color.org), {@code TERM} is {@code dumb},
     * or {@code --no-color} was given.
     */
    static boolean wanted(boolean noColorOption, boolean terminal, java.util.Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        return !noColorOption && terminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
    }
}
