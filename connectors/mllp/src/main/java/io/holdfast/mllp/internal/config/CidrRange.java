package io.holdfast.mllp.internal.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * One entry of a listener's {@code allowFrom} list: an IPv4 or IPv6 network in CIDR notation
 * ({@code 10.20.0.0/16}, {@code fd00::/8}) or a single address (a /32 or /128). Literals only, so
 * parsing never asks DNS. An IPv4 peer never matches an IPv6 range and vice versa, except that an
 * IPv4-mapped IPv6 peer ({@code ::ffff:10.1.2.3}) is compared as the IPv4 address it carries.
 */
public record CidrRange(InetAddress network, int prefix) {

    /** Parses {@code address[/prefix]}; throws {@link IllegalArgumentException} with the reason. */
    public static CidrRange parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        String address = slash < 0 ? t : t.substring(0, slash);
        boolean v6 = address.indexOf(':') >= 0;
        if (!v6 && !isDottedQuad(address) || v6 && !address.toLowerCase(Locale.ROOT).matches("[0-9a-f:.]+")) {
            throw new IllegalArgumentException("'" + t + "' is not an IPv4 or IPv6 address literal");
        }
        InetAddress parsed;
        try {
            parsed = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + t + "' is not a valid address");
        }
        int bits = parsed.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("'" + t + "' has a prefix length outside 0-" + bits);
            }
        }
        return new CidrRange(masked(parsed, prefix), prefix);
    }

    /** Four decimal octets 0-255: anything else would make {@link InetAddress#getByName} ask DNS. */
    private static boolean isDottedQuad(String address) {
        if (!address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return false;
        }
        for (String octet : address.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    /** True if {@code peer} lies in this network. */
    public boolean contains(InetAddress peer) {
        byte[] candidate = unmapped(peer.getAddress());
        byte[] net = network.getAddress();
        if (candidate.length != net.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != net[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (candidate[full] & mask) == (net[full] & mask);
    }

    private static InetAddress masked(InetAddress address, int prefix) {
        byte[] bytes = address.getAddress();
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            bytes[i] = (byte) (bytes[i] & (0xff << (8 - keep)));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The IPv4 address inside an IPv4-mapped IPv6 address, else the bytes unchanged. */
    private static byte[] unmapped(byte[] address) {
        if (address.length != 16) {
            return address;
        }
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return address;
            }
        }
        if (address[10] != (byte) 0xff || address[11] != (byte) 0xff) {
            return address;
        }
        return new byte[] {address[12], address[13], address[14], address[15]};
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefix;
    }
}
