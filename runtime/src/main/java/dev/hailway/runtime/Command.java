package dev.hailway.runtime;

import java.util.List;

/**
 * A parsed {@code ./hailway} command line as the launcher sees it: {@code up [--detach] [--containers]}, {@code down},
 * {@code status}, {@code help}. The script handles {@code images}, {@code logs}, {@code simulate}, {@code chaos} and
 * {@code up --simulate} itself.
 */
record Command(Verb verb, boolean detach, boolean containers, String target) {

    enum Verb { UP, DOWN, STATUS, ENV, HELP, RESTART, KILL, PAUSE, RESUME }

    Command(Verb verb, boolean detach, boolean containers) {
        this(verb, detach, containers, "");
    }

    static final String USAGE = """
            usage: ./hailway <command>
              up [--detach] [--containers]
                              start PostgreSQL, Kafka and every service; stay in the foreground (Ctrl-C stops all),
                              or with --detach return once everything is healthy; --containers runs them from the
                              images of ./hailway images, with podman
              down            stop a running platform (from any shell)
              status          show each process: running, healthy
              logs SERVICE [-f]  print the end of a service's log (-f to follow)
              images [NAME..] build the image of every service, Kafka and PostgreSQL (or only those named)
              restart NAME    stop a service of the running platform and start it again (waits until healthy)
              kill NAME       SIGKILL one process (a service, kafka or postgres), as a crash would; restart starts it
              pause NAME      freeze one process (SIGSTOP): it holds its connections and answers nothing
              resume NAME     let a paused process go on (SIGCONT)
              env             write the env files of the containers (.hailway/containers), for compose.yaml
              simulate [..]   drive the running platform with simulated riders and drivers (--help for options)
              up --simulate [..]  start in the background, then simulate
              chaos [..]      a simulated rush while processes are killed and paused, then a check of the history
                              and the books; non-zero on any violation (--help for options)
            """;

    static Command parse(List<String> args) {
        if (args.isEmpty()) {
            return new Command(Verb.HELP, false, false);
        }
        List<String> flags = args.subList(1, args.size());
        Verb verb = switch (args.getFirst()) {
            case "up" -> Verb.UP;
            case "down" -> Verb.DOWN;
            case "status" -> Verb.STATUS;
            case "env" -> Verb.ENV;
            case "help", "--help", "-h" -> Verb.HELP;
            case "restart" -> Verb.RESTART;
            case "kill" -> Verb.KILL;
            case "pause" -> Verb.PAUSE;
            case "resume" -> Verb.RESUME;
            default -> throw new IllegalArgumentException("unknown command: " + args.getFirst());
        };
        if (verb == Verb.RESTART || verb == Verb.KILL || verb == Verb.PAUSE || verb == Verb.RESUME) {
            if (flags.size() != 1 || flags.getFirst().startsWith("-")) {
                throw new IllegalArgumentException("usage: ./hailway " + args.getFirst() + " NAME (one service, kafka or postgres)");
            }
            return new Command(verb, false, false, flags.getFirst());
        }
        boolean detach = false;
        boolean containers = false;
        for (String flag : flags) {
            if (verb == Verb.UP && (flag.equals("--detach") || flag.equals("-d"))) {
                detach = true;
            } else if (verb == Verb.UP && flag.equals("--containers")) {
                containers = true;
            } else {
                throw new IllegalArgumentException("unknown option for " + args.getFirst() + ": " + flag);
            }
        }
        return new Command(verb, detach, containers);
    }
}
