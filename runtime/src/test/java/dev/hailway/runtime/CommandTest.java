package dev.hailway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CommandTest {

    @Test
    void upRunsInTheForegroundUnlessDetached() {
        assertThat(Command.parse(List.of("up"))).isEqualTo(new Command(Command.Verb.UP, false, false));
        assertThat(Command.parse(List.of("up", "--detach"))).isEqualTo(new Command(Command.Verb.UP, true, false));
        assertThat(Command.parse(List.of("up", "-d"))).isEqualTo(new Command(Command.Verb.UP, true, false));
    }

    @Test
    void upRunsFromImagesWithContainers() {
        assertThat(Command.parse(List.of("up", "--containers", "--detach"))).isEqualTo(new Command(Command.Verb.UP, true, true));
    }

    @Test
    void anUnknownOptionOfUpIsRejectedRatherThanIgnored() {
        assertThatThrownBy(() -> Command.parse(List.of("up", "--anything")))
                .hasMessage("unknown option for up: --anything");
    }

    @Test
    void downAndStatusTakeNoOptions() {
        assertThat(Command.parse(List.of("down")).verb()).isEqualTo(Command.Verb.DOWN);
        assertThat(Command.parse(List.of("status")).verb()).isEqualTo(Command.Verb.STATUS);
        assertThatThrownBy(() -> Command.parse(List.of("down", "--detach")))
                .hasMessage("unknown option for down: --detach");
    }

    @Test
    void noArgumentsShowsHelp() {
        assertThat(Command.parse(List.of()).verb()).isEqualTo(Command.Verb.HELP);
    }

    @Test
    void unknownCommandIsRejected() {
        assertThatThrownBy(() -> Command.parse(List.of("start"))).hasMessage("unknown command: start");
    }

    @Test
    void theFaultCommandsNameExactlyOneProcess() {
        assertThat(Command.parse(List.of("kill", "trips"))).isEqualTo(new Command(Command.Verb.KILL, false, false, "trips"));
        assertThat(Command.parse(List.of("pause", "kafka")).target()).isEqualTo("kafka");
        assertThat(Command.parse(List.of("resume", "kafka")).verb()).isEqualTo(Command.Verb.RESUME);
        assertThat(Command.parse(List.of("restart", "dispatch")).verb()).isEqualTo(Command.Verb.RESTART);
        assertThatThrownBy(() -> Command.parse(List.of("kill"))).hasMessageStartingWith("usage: ./hailway kill NAME");
        assertThatThrownBy(() -> Command.parse(List.of("pause", "trips", "dispatch"))).hasMessageStartingWith("usage: ./hailway pause NAME");
        assertThatThrownBy(() -> Command.parse(List.of("restart", "--all"))).hasMessageStartingWith("usage: ./hailway restart NAME");
    }
}
