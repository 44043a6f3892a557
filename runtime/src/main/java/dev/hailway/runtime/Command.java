package dev.hailway.runtime;

import java.util.List;

/** A parsed {@code ./hailway} command line: {@code up [--detach]}, {@code down}, {@code status}, {@code help}. */
record Command(Verb verb, boolean detach) {

    enum Verb { UP, DOWN, STATUS, HELP }

    static final String USAGE = """
            usage: ./hailway <command>
              up [--detach]   start PostgreSQL, Kafka and every service; stay in the foreground (Ctrl-C stops all),
                              or with --detach return once everything is healthy
              down            stop a running platform (from any shell)
              status          show each process: running, healthy
              logs SERVICE    print the end of a service's log (-f to follow)
              simulate [..]   drive the running platform with simulated riders and drivers (--help for options)
              up --simulate [..]  start in the background, then simulate
            """;

    static Command parse(List<String> args) {
        if (args.isEmpty()) {
            return new Command(Verb.HELP, false);
        }
        List<String> flags = args.subList(1, args.size());
        Command command = switch (args.getFirst()) {
            case "up" -> new Command(Verb.UP, flags.contains("--detach") || flags.contains("-d"));
            case "down" -> new Command(Verb.DOWN, false);
            case "status" -> new Command(Verb.STATUS, false);
            case "help", "--help", "-h" -> new Command(Verb.HELP, false);
            default -> throw new IllegalArgumentException("unknown command: " + args.getFirst());
        };
        for (String flag : flags) {
            if (!(command.verb() == Verb.UP && (flag.equals("--detach") || flag.equals("-d")))) {
                throw new IllegalArgumentException("unknown option for " + args.getFirst() + ": " + flag);
            }
        }
        return command;
    }
}
