package it.filodiretto.web.security;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressTest {

    private final ClientAddress behindProxy = new ClientAddress("10.0.0.0/8, 127.0.0.1, ::1");

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertThat(new ClientAddress("").resolve("10.0.0.2", List.of("198.51.100.7"))).isEqualTo("10.0.0.2");
    }

    @Test
    void fromATrustedProxyTheRightMostUntrustedHopIsTheClient() {
        assertThat(behindProxy.resolve("10.0.0.2", List.of("198.51.100.7"))).isEqualTo("198.51.100.7");
        // what the client wrote itself (on the left) is not believed
        assertThat(behindProxy.resolve("10.0.0.2", List.of("1.2.3.4, 198.51.100.7, 10.0.0.9"))).isEqualTo("198.51.100.7");
        assertThat(behindProxy.resolve("127.0.0.1", List.of("1.2.3.4", "203.0.113.5"))).isEqualTo("203.0.113.5");
        assertThat(behindProxy.resolve("::1", List.of("2001:db8::7"))).isEqualTo("2001:db8::7");
        assertThat(behindProxy.resolve("0:0:0:0:0:0:0:1%0", List.of("198.51.100.7"))).as("with a scope id").isEqualTo("198.51.100.7");
    }

    @Test
    void fromAnUntrustedPeerTheHeaderIsIgnored() {
        assertThat(behindProxy.resolve("198.51.100.7", List.of("10.0.0.5"))).isEqualTo("198.51.100.7");
    }

    @Test
    void allHopsTrustedGivesTheLeftMostAndGarbageStopsTheWalk() {
        assertThat(behindProxy.resolve("10.0.0.2", List.of("10.0.0.3, 10.0.0.4"))).isEqualTo("10.0.0.3");
        assertThat(behindProxy.resolve("10.0.0.2", List.of("evil.example, 10.0.0.4"))).isEqualTo("10.0.0.4");
        assertThat(behindProxy.resolve("10.0.0.2", List.of())).isEqualTo("10.0.0.2");
    }

    @Test
    void aBadConfigurationIsRefusedAtStart() {
        assertThatThrownBy(() -> new ClientAddress("proxy.example")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddress("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
    }
}
