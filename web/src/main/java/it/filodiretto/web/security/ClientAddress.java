package it.filodiretto.web.security;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client's address behind the reverse proxies the city configured ({@code filodiretto.security.trusted-proxies}:
 * addresses or CIDR ranges). When the connection comes from a trusted proxy, {@code X-Forwarded-For} is read
 * from the right, skipping trusted proxies: the first untrusted hop is the client (what a client writes on the
 * left of the header itself is never believed). From any other peer the header is ignored. Pure: no container.
 */
public final class ClientAddress {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private final List<Range> trusted;

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int bits = network.length * 8;
            BigInteger mask = prefix == 0 ? BigInteger.ZERO
                    : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(bits - prefix).shiftLeft(bits - prefix);
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }

    /** @param trustedProxies comma-separated addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code ::1}); blank: none */
    public ClientAddress(String trustedProxies) {
        List<Range> ranges = new ArrayList<>();
        if (trustedProxies != null) {
            for (String entry : trustedProxies.split(",")) {
                String value = entry.strip();
                if (value.isEmpty()) {
                    continue;
                }
                int slash = value.indexOf('/');
                byte[] network = parse(slash < 0 ? value : value.substring(0, slash))
                        .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR range: " + value));
                int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(value.substring(slash + 1));
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("bad prefix length: " + value);
                }
                ranges.add(new Range(network, prefix));
            }
        }
        this.trusted = List.copyOf(ranges);
    }

    /** The client address for a connection from {@code peer} carrying these {@code X-Forwarded-For} headers. */
    public String resolve(String peer, List<String> forwardedFor) {
        if (trusted.isEmpty() || !isTrusted(peer) || forwardedFor == null || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            Arrays.stream(header.split(",")).map(String::strip).filter(h -> !h.isEmpty()).forEach(hops::add);
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (parse(hop).isEmpty()) {
                return client; // garbage (or a name) in the header: stop at the last hop that can be trusted
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** Convenience for a servlet request. */
    public String of(jakarta.servlet.http.HttpServletRequest request) {
        Enumeration<String> headers = request.getHeaders("X-Forwarded-For");
        return resolve(request.getRemoteAddr(), headers == null ? List.of() : java.util.Collections.list(headers));
    }

    private boolean isTrusted(String address) {
        Optional<byte[]> bytes = parse(address);
        return bytes.isPresent() && trusted.stream().anyMatch(r -> r.contains(bytes.get()));
    }

    /** Parses an IP literal only (never a DNS lookup); IPv4-mapped IPv6 counts as IPv4. */
    static Optional<byte[]> parse(String literal) {
        if (literal == null) {
            return Optional.empty();
        }
        String value = literal.strip();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        int zone = value.indexOf('%');
        if (zone >= 0 && value.indexOf(':') >= 0) {
            value = value.substring(0, zone); // an IPv6 scope (the container reports ::1 as 0:0:0:0:0:0:0:1%0)
        }
        if (value.isEmpty() || !LITERAL.matcher(value).matches()
                || value.indexOf(':') < 0 && value.chars().filter(c -> c == '.').count() != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(value).getAddress());
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }
}
