package dev.hailway.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void portHeldByAnotherProgramIsReportedWithWhoNeedsIt() throws Exception {
        try (var taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> Ports.requireFree(Map.of(taken.getLocalPort(), "gateway")))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessage("port " + taken.getLocalPort() + " is already in use (needed by gateway)");
        }
    }

    @Test
    void portHeldOnlyOnLoopbackCountsAsTaken() throws Exception {
        try (var taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThat(Ports.isFree(taken.getLocalPort())).isFalse();
        }
    }

    @Test
    void firstTakenPortInOrderIsTheOneReported() throws Exception {
        try (var first = new ServerSocket(0); var second = new ServerSocket(0)) {
            Map<Integer, String> needed = new LinkedHashMap<>();
            needed.put(second.getLocalPort(), "identity");
            needed.put(first.getLocalPort(), "gateway");

            assertThatThrownBy(() -> Ports.requireFree(needed)).hasMessageContaining("(needed by identity)");
        }
    }

    @Test
    void releasedPortIsFree() throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThat(Ports.isFree(port)).isTrue();
    }
}
