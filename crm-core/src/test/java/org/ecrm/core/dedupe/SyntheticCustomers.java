package org.ecrm.core.dedupe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.PostalAddress;

/**
 * A seeded generator of customers with planted duplicates, for the precision/recall test and the
 * benchmark. A planted duplicate copies an original and then, independently: gets a one-character typo
 * in the given or family name (70 %) or a case/accent change (10 %); keeps the e-mail written with other
 * case and white space (40 %) or gets a new one; keeps the phone written in another format (50 %) or
 * gets none; keeps the postal code with another street (90 %) or moves. Some duplicates therefore share
 * no key with their original and cannot be found by any rule — recall below 1 is expected.
 */
final class SyntheticCustomers {
  static final List<String> GIVEN = List.of("Anna", "Ben", "Carla", "David", "Emma", "Felix", "Greta", "Hans",
      "Ida", "Jonas", "Klara", "Lukas", "Marie", "Noah", "Olga", "Paul", "Quirin", "Rosa", "Simon", "Tina",
      "Ulrich", "Vera", "Walter", "Xenia", "Yusuf", "Zoe", "Adam", "Berta", "Chris", "Doris", "Elias", "Frieda",
      "Georg", "Helga", "Igor", "Julia", "Karl", "Lena", "Max", "Nina", "Oskar", "Petra", "Ralf", "Sara",
      "Tom", "Ute", "Viktor", "Wilma", "José", "Zeynep", "Ahmed", "Bianca", "Carlos", "Dana", "Erik", "Fatima",
      "Gustav", "Hanna", "Ivan", "Jana", "Kevin", "Laura", "Moritz", "Nora", "Otto", "Pia", "Rainer", "Sophie",
      "Thomas", "Uwe", "Valentin", "Wolfgang", "Yvonne", "Zacharias", "Alina", "Bernd", "Clara", "Dieter");
  static final List<String> FAMILY = List.of("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer",
      "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf",
      "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange",
      "Schmitt", "Werner", "Schmitz", "Krause", "Meier", "Lehmann", "Schmid", "Schulze", "Maier", "Köhler",
      "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller",
      "Weiß", "Jung", "Hahn", "Schubert", "Vogel", "Friedrich", "Keller", "Günther", "Frank", "Berger",
      "Winkler", "Roth", "Beck", "Lorenz", "Baumann", "Franke", "Albrecht", "Schuster", "Simon", "Ludwig",
      "Böhm", "Winter", "Kraus", "Martin", "Schumacher", "Krämer", "Vogt", "Stein", "Jäger", "Otto", "Sommer",
      "Groß", "Seidel", "Heinrich", "Brandt", "Haas", "Schreiber", "Graf", "Schulte", "Dietrich", "Ziegler",
      "Kuhn", "Kühn", "Pohl", "Engel", "Horn", "Busch", "Bergmann", "Thomas", "Voigt", "Sauer", "Arnold",
      "Wolff", "Pfeiffer", "Lovelace", "Okafor", "Nguyen", "Kowalski", "Rossi", "García", "Yilmaz", "Novak");
  private static final List<String> DOMAINS = List.of("example.com", "mail.example.org", "web.example.de",
      "post.example.net");
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  record Data(List<Customer> customers, Set<String> truePairs) {}

  private SyntheticCustomers() {}

  /** {@code n} customers of which {@code round(n × dupShare)} are planted duplicates of distinct originals. */
  static Data generate(int n, double dupShare, long seed) {
    Random rnd = new Random(seed);
    int dups = (int) Math.round(n * dupShare);
    int originals = n - dups;
    int postcodes = Math.max(1, n / 5);
    List<Customer> customers = new ArrayList<>(n);
    List<String[]> raw = new ArrayList<>(originals); // given, family, email, phone digits, postcode
    for (int i = 0; i < originals; i++) {
      String given = GIVEN.get(rnd.nextInt(GIVEN.size()));
      String family = FAMILY.get(rnd.nextInt(FAMILY.size()));
      String email = ascii(given) + "." + ascii(family) + i + "@" + DOMAINS.get(rnd.nextInt(DOMAINS.size()));
      String phone = String.valueOf(100_000_000L + i * 7_919L % 900_000_000L);
      String postcode = String.format(Locale.ROOT, "%05d", 10_000 + rnd.nextInt(postcodes));
      raw.add(new String[] {given, family, email, phone, postcode});
      customers.add(Customer.builder().id(id(i)).name(given, family).email(email)
          .phone("+49 " + phone.substring(0, 2) + " " + phone.substring(2))
          .address(PostalAddress.of("Street " + rnd.nextInt(200), postcode, "City", "DE"))
          .createdAt(T).updatedAt(T).build());
    }
    List<Integer> pick = new ArrayList<>();
    for (int i = 0; i < originals; i++) {
      pick.add(i);
    }
    Collections.shuffle(pick, rnd);
    Set<String> truth = new HashSet<>();
    for (int d = 0; d < dups; d++) {
      int o = pick.get(d);
      String[] r = raw.get(o);
      String given = r[0];
      String family = r[1];
      double p = rnd.nextDouble();
      if (p < 0.7) {
        if (rnd.nextBoolean()) {
          given = typo(given, rnd);
        } else {
          family = typo(family, rnd);
        }
      } else if (p < 0.8) {
        given = given.toUpperCase(Locale.ROOT);
        family = ascii(family);
      }
      Customer.Builder b = Customer.builder().id(id(originals + d)).name(given, family).createdAt(T).updatedAt(T);
      if (rnd.nextDouble() < 0.4) {
        b.email("  " + (rnd.nextBoolean() ? r[2].toUpperCase(Locale.ROOT) : capitalise(r[2])) + " ");
      } else {
        b.email(ascii(given).replace(" ", "") + "." + (originals + d) + "@new.example.com");
      }
      if (rnd.nextDouble() < 0.5) {
        String ph = r[3];
        b.phone(rnd.nextBoolean() ? "0049 (" + ph.substring(0, 2) + ") " + ph.substring(2, 5) + "-" + ph.substring(5)
            : "+49-" + ph.substring(0, 2) + "-" + ph.substring(2));
      }
      String postcode = rnd.nextDouble() < 0.9 ? r[4]
          : String.format(Locale.ROOT, "%05d", 10_000 + rnd.nextInt(postcodes));
      b.address(PostalAddress.of("Other street " + rnd.nextInt(200), postcode, "City", "DE"));
      customers.add(b.build());
      truth.add(id(o) + "|" + id(originals + d));
    }
    return new Data(customers, truth);
  }

  static String id(int i) {
    return String.format(Locale.ROOT, "c%07d", i);
  }

  private static String ascii(String s) {
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .replace("ß", "ss").toLowerCase(Locale.ROOT);
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** One random edit: delete, insert, substitute or swap two neighbours (never the first character). */
  private static String typo(String s, Random rnd) {
    if (s.length() < 3) {
      return s + "e";
    }
    int i = 1 + rnd.nextInt(s.length() - 2);
    char c = (char) ('a' + rnd.nextInt(26));
    return switch (rnd.nextInt(4)) {
      case 0 -> s.substring(0, i) + s.substring(i + 1);
      case 1 -> s.substring(0, i) + c + s.substring(i);
      case 2 -> s.substring(0, i) + c + s.substring(i + 1);
      default -> s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
    };
  }

  /** Precision and recall of {@code found} against the planted pairs. */
  static double[] precisionRecall(List<DuplicateCandidate> found, Set<String> truth) {
    long tp = found.stream().filter(c -> truth.contains(c.first() + "|" + c.second())).count();
    return new double[] {found.isEmpty() ? 1.0 : (double) tp / found.size(), (double) tp / truth.size()};
  }
}
