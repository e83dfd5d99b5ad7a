package org.ecrm.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ecrm.core.spi.Storage;
import org.junit.jupiter.api.Test;

/**
 * The storage SPI as the docs describe it: README.md's "Storage SPI and the contract kit" and
 * crm-core/SPI.md name every store of {@link Storage} and every contract class of the kit, and the counts
 * written there match. Fails naming what to add or remove.
 */
class SpiDocsTest {
  private static final Pattern STORE = Pattern.compile("`(\\w+Store)`");
  private static final Pattern CONTRACT = Pattern.compile("`(\\w+Contract)`");

  /** The store interfaces a {@link Storage} hands out. */
  static Set<String> realStores() {
    Set<String> stores = new TreeSet<>();
    for (Method m : Storage.class.getMethods()) {
      Class<?> t = m.getReturnType();
      if (t.isInterface() && t.getPackage() == Storage.class.getPackage() && t.getSimpleName().endsWith("Store")) {
        stores.add(t.getSimpleName());
      }
    }
    return stores;
  }

  /** The public abstract {@code *Contract} classes of the contract kit (crm-core's test-jar). */
  static Set<String> realContracts() throws IOException, ClassNotFoundException {
    Set<String> contracts = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("src/test/java/org/ecrm/core/testkit"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        if (name.endsWith("Contract.java")) {
          String simple = name.substring(0, name.length() - ".java".length());
          Class<?> c = Class.forName("org.ecrm.core.testkit." + simple);
          if (Modifier.isPublic(c.getModifiers()) && Modifier.isAbstract(c.getModifiers())) {
            contracts.add(simple);
          }
        }
      }
    }
    return contracts;
  }

  private static String readmeSection() throws IOException {
    String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
    int start = readme.indexOf("### Storage SPI and the contract kit");
    assertThat(start).as("README.md has a section '### Storage SPI and the contract kit'").isNotNegative();
    int end = readme.indexOf("\n##", start + 10);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  private static Set<String> named(Pattern p, String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static int number(String text, String regex, String what) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("README.md's storage SPI section states the number of %s as '%s'", what, regex).isTrue();
    return Integer.parseInt(m.group(1));
  }

  @Test
  void readmeNamesAndCountsEveryStore() throws IOException {
    String section = readmeSection();
    Set<String> real = realStores();
    assertThat(real).hasSizeGreaterThanOrEqualTo(13);
    assertThat(named(STORE, section)).as("stores named in README.md 'Storage SPI and the contract kit'")
        .containsAll(real);
    assertThat(number(section, "its (\\d+) stores", "stores"))
        .as("README.md: 'its N stores' must be the number of stores of Storage %s", real).isEqualTo(real.size());
  }

  @Test
  void readmeNamesAndCountsEveryContract() throws Exception {
    String section = readmeSection();
    Set<String> real = realContracts();
    assertThat(real).hasSizeGreaterThanOrEqualTo(16);
    assertThat(named(CONTRACT, section)).as("contract classes named in README.md 'Storage SPI and the contract kit'")
        .containsExactlyInAnyOrderElementsOf(real);
    assertThat(number(section, "(\\d+) contract classes", "contract classes"))
        .as("README.md: 'N contract classes' must be the number of contract classes %s", real).isEqualTo(real.size());
  }

  @Test
  void spiMdNamesEveryStoreAndContract() throws Exception {
    String spi = Files.readString(Path.of("SPI.md"), StandardCharsets.UTF_8);
    assertThat(named(STORE, spi)).as("stores named in crm-core/SPI.md").containsAll(realStores());
    assertThat(named(CONTRACT, spi)).as("contract classes in crm-core/SPI.md's table").containsAll(realContracts());
  }
}
