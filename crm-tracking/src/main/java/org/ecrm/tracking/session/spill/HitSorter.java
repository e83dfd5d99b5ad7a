package org.ecrm.tracking.session.spill;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import org.ecrm.tracking.Campaign;
import org.ecrm.tracking.session.Hit;
import org.ecrm.tracking.session.HitKind;
import org.ecrm.tracking.session.internal.HitOrder;

/**
 * An external merge sort of hits into {@link HitOrder} (hits equal in that order keep the order they were
 * added in): hits are buffered up to a memory budget, each full buffer is sorted and written to a temporary
 * run file, and the runs are merged (at most {@link #FAN_IN} at a time, in several passes if there are more).
 * Memory is bounded by the budget plus one small read buffer per merged run, whatever the number of hits.
 * Temporary files are deleted as soon as they are merged and by {@link #close()}, also after a failure.
 * Not thread-safe.
 */
public final class HitSorter implements AutoCloseable {
  /** Runs merged at once. */
  public static final int FAN_IN = 64;
  private static final int READ_BUFFER = 16 * 1024;
  private static final int WRITE_BUFFER = 64 * 1024;
  private static final HitKind[] KINDS = HitKind.values();
  private static final Comparator<Hit> HIT_ORDER =
      HitOrder.of(Hit::time, Hit::visitorId, Hit::kind, Hit::path, Hit::referrer, Hit::campaign);
  private static final Comparator<Entry> ORDER =
      Comparator.comparing((Entry e) -> e.hit, HIT_ORDER).thenComparingLong(e -> e.seq);

  private record Entry(Hit hit, long seq) {}

  private final Path dir;
  private final long budget;
  private final List<Path> runs = new ArrayList<>();
  private final List<Path> created = new ArrayList<>();
  private Entry[] buffer = new Entry[1024];
  private int size;
  private long bytes;
  private long seq;
  private long spilledHits;

  /** Sorts in {@code budgetBytes} of memory (estimated), spilling runs to {@code dir}. */
  public HitSorter(Path dir, long budgetBytes) {
    this.dir = dir;
    this.budget = budgetBytes;
  }

  /** Adds a hit. */
  public void add(Hit hit) {
    if (size == buffer.length) {
      buffer = Arrays.copyOf(buffer, size * 2);
    }
    buffer[size++] = new Entry(hit, seq++);
    bytes += estimate(hit);
    if (bytes >= budget) {
      spill();
    }
  }

  /** Hits written to run files so far. */
  public long spilledHits() {
    return spilledHits;
  }

  /** Run files written so far (including merge passes). */
  public int runFiles() {
    return created.size();
  }

  /** Hits added. */
  public long hits() {
    return seq;
  }

  private static long estimate(Hit h) {
    // object headers and references, plus the three strings (at most two bytes a char)
    return 160 + 2L * (h.visitorId().length() + h.path().length() + h.referrer().length());
  }

  private void spill() {
    Arrays.sort(buffer, 0, size, ORDER);
    Path run = newRun();
    try (DataOutputStream out = output(run)) {
      for (int i = 0; i < size; i++) {
        write(out, buffer[i]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write sort run " + run + ": " + e.getMessage(), e);
    }
    runs.add(run);
    spilledHits += size;
    Arrays.fill(buffer, 0, size, null);
    if (buffer.length > 1 << 16) {
      buffer = new Entry[1024];
    }
    size = 0;
    bytes = 0;
  }

  /** Gives every hit to {@code out} in order; the sorter is empty afterwards. */
  public void drainTo(Consumer<? super Hit> out) {
    if (runs.isEmpty()) {
      Arrays.sort(buffer, 0, size, ORDER);
      for (int i = 0; i < size; i++) {
        Hit h = buffer[i].hit;
        buffer[i] = null;
        out.accept(h);
      }
      size = 0;
      return;
    }
    if (size > 0) {
      spill();
    }
    while (runs.size() > FAN_IN) {
      List<Path> group = new ArrayList<>(runs.subList(0, FAN_IN));
      runs.subList(0, FAN_IN).clear();
      Path merged = newRun();
      try (DataOutputStream o = output(merged)) {
        merge(group, e -> {
          try {
            write(o, e);
          } catch (IOException x) {
            throw new UncheckedIOException("cannot write sort run " + merged + ": " + x.getMessage(), x);
          }
        });
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write sort run " + merged + ": " + e.getMessage(), e);
      }
      runs.add(merged);
    }
    List<Path> last = new ArrayList<>(runs);
    runs.clear();
    merge(last, e -> out.accept(e.hit));
  }

  private void merge(List<Path> group, Consumer<Entry> out) {
    List<Reader> readers = new ArrayList<>(group.size());
    try {
      PriorityQueue<Reader> heap = new PriorityQueue<>(group.size(), (a, b) -> ORDER.compare(a.head, b.head));
      for (Path p : group) {
        Reader r = new Reader(p);
        readers.add(r);
        if (r.next()) {
          heap.add(r);
        }
      }
      while (!heap.isEmpty()) {
        Reader r = heap.poll();
        out.accept(r.head);
        if (r.next()) {
          heap.add(r);
        }
      }
    } finally {
      for (Reader r : readers) {
        r.close();
      }
      for (Path p : group) {
        delete(p);
      }
    }
  }

  private Path newRun() {
    try {
      Path p = Files.createTempFile(dir, "ecrm-hits-", ".run");
      created.add(p);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a sort run file in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static DataOutputStream output(Path p) throws IOException {
    return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(p), WRITE_BUFFER));
  }

  private static void write(DataOutputStream o, Entry e) throws IOException {
    Hit h = e.hit;
    o.writeLong(h.time().getEpochSecond());
    o.writeInt(h.time().getNano());
    o.writeLong(e.seq);
    o.writeByte(h.kind().ordinal());
    text(o, h.visitorId());
    text(o, h.path());
    text(o, h.referrer());
    Campaign c = h.campaign();
    if (c.isEmpty()) {
      o.writeBoolean(false);
    } else {
      o.writeBoolean(true);
      text(o, c.source());
      text(o, c.medium());
      text(o, c.name());
      text(o, c.term());
      text(o, c.content());
    }
  }

  private static void text(DataOutputStream o, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    o.writeInt(b.length);
    o.write(b);
  }

  private static String text(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** Deletes every temporary file still present. */
  @Override
  public void close() {
    for (Path p : created) {
      delete(p);
    }
    created.clear();
    runs.clear();
    Arrays.fill(buffer, 0, size, null);
    size = 0;
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // best effort; close() tries again
    }
  }

  private static final class Reader {
    private final Path path;
    private final DataInputStream in;
    Entry head;

    Reader(Path path) {
      this.path = path;
      try {
        this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), READ_BUFFER));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read sort run " + path + ": " + e.getMessage(), e);
      }
    }

    boolean next() {
      try {
        long sec;
        try {
          sec = in.readLong();
        } catch (EOFException end) {
          head = null;
          return false;
        }
        Instant t = Instant.ofEpochSecond(sec, in.readInt());
        long seq = in.readLong();
        HitKind kind = KINDS[in.readByte()];
        String visitor = text(in);
        String path = text(in);
        String referrer = text(in);
        Campaign c = in.readBoolean() ? new Campaign(text(in), text(in), text(in), text(in), text(in)) : Campaign.NONE;
        head = new Entry(new Hit(visitor, t, kind, path, referrer, c), seq);
        return true;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read sort run " + path + ": " + e.getMessage(), e);
      }
    }

    void close() {
      try {
        in.close();
      } catch (IOException e) {
        // read-only stream
      }
    }
  }
}
