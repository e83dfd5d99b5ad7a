package org.ecrm.tracking;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * IP anonymisation applied before anything is stored: the last 1 or 2 octets of an IPv4 address and the
 * last 80 bits (or another count) of an IPv6 address are zeroed, as Matomo and Google Analytics do.
 * A string that is not an IP address literal is replaced by {@code "0.0.0.0"} when masking is on (it is
 * never stored as is). Immutable and thread-safe.
 *
 * @param ipv4Octets trailing IPv4 octets to zero: 0 (off), 1 or 2
 * @param ipv6Bits trailing IPv6 bits to zero: 0 (off) to 128
 */
public record IpMasking(int ipv4Octets, int ipv6Bits) {
  /** No masking. */
  public static final IpMasking NONE = new IpMasking(0, 0);
  /** The usual setting: one IPv4 octet, 80 IPv6 bits. */
  public static final IpMasking DEFAULT = new IpMasking(1, 80);

  /**
   * Checks the ranges.
   *
   * @throws IllegalArgumentException naming the bad count
   */
  public IpMasking {
    if (ipv4Octets < 0 || ipv4Octets > 2) {
      throw new IllegalArgumentException("ipv4Octets must be 0, 1 or 2: " + ipv4Octets);
    }
    if (ipv6Bits < 0 || ipv6Bits > 128) {
      throw new IllegalArgumentException("ipv6Bits must be between 0 and 128: " + ipv6Bits);
    }
  }

  /** True if this masks nothing. */
  public boolean isNone() {
    return ipv4Octets == 0 && ipv6Bits == 0;
  }

  /** The masked address (IPv6 in compressed lower-case form). */
  public String mask(String ip) {
    if (isNone()) {
      return ip;
    }
    String s = ip.strip();
    if (s.indexOf(':') < 0) {
      return maskV4(s);
    }
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    int pct = s.indexOf('%');
    if (pct >= 0) {
      s = s.substring(0, pct);
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
        return "0.0.0.0";
      }
    }
    try {
      byte[] b = InetAddress.getByName(s).getAddress(); // a literal: no DNS lookup
      if (b.length == 4) {
        return maskV4(InetAddress.getByAddress(b).getHostAddress());
      }
      for (int bit = 128 - ipv6Bits; bit < 128; bit++) {
        b[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
      }
      return compress(b);
    } catch (UnknownHostException e) {
      return "0.0.0.0";
    }
  }

  private String maskV4(String s) {
    String[] p = s.split("\\.", -1);
    if (p.length != 4) {
      return "0.0.0.0";
    }
    for (String x : p) {
      if (x.isEmpty() || x.length() > 3 || !x.chars().allMatch(Character::isDigit) || Integer.parseInt(x) > 255) {
        return "0.0.0.0";
      }
    }
    if (ipv4Octets == 0) {
      return s;
    }
    return ipv4Octets == 1 ? p[0] + "." + p[1] + "." + p[2] + ".0" : p[0] + "." + p[1] + ".0.0";
  }

  private static String compress(byte[] b) {
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      if (g[i] == 0) {
        int j = i;
        while (j < 8 && g[j] == 0) {
          j++;
        }
        if (j - i > bestLen) {
          bestStart = i;
          bestLen = j - i;
        }
        i = j;
      } else {
        i++;
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}
