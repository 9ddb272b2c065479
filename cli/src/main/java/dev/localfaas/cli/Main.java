package dev.localfaas.cli;

/** The {@code faas} executable: the only place that calls {@link System#exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = Faas.run(args, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }
}
