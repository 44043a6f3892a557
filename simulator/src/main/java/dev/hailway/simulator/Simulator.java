package dev.hailway.simulator;

import dev.hailway.simulator.figures.Summary;

/** Command-line entry: {@code java -jar simulator.jar [options]}; the exit code says whether the platform held up. */
public final class Simulator {

    private Simulator() {
    }

    public static void main(String[] args) {
        if (SimulationOptions.wantsHelp(args)) {
            System.out.print(SimulationOptions.USAGE);
            return;
        }
        SimulationOptions options;
        try {
            options = SimulationOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("See --help.");
            System.exit(2);
            return;
        }
        Summary summary = Simulation.run(options, System.out);
        System.exit(summary.exitCode());
    }
}
