package io.sociallistening.topology.crisis;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.TreeMap;

/**
 * One brand's crisis state as kept in the store: the detector's state, the end of the last closed
 * bucket, and the buckets still open (keyed by start). Serialised with a version byte so that it
 * can evolve.
 */
final class BrandCrisisState {
  private static final byte VERSION = 1;

  CrisisState detector;
  long closedUntil;
  final TreeMap<Long, OpenBucket> open;

  BrandCrisisState(CrisisState detector, long closedUntil, TreeMap<Long, OpenBucket> open) {
    this.detector = detector;
    this.closedUntil = closedUntil;
    this.open = open;
  }

  static BrandCrisisState initial() {
    return new BrandCrisisState(CrisisState.initial(), Long.MIN_VALUE, new TreeMap<>());
  }

  byte[] toBytes() {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(VERSION);
      byte[] detectorBytes = detector.toBytes();
      out.writeInt(detectorBytes.length);
      out.write(detectorBytes);
      out.writeLong(closedUntil);
      out.writeInt(open.size());
      for (OpenBucket bucket : open.values()) {
        bucket.write(out);
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BrandCrisisState fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new IllegalStateException("Unknown crisis state version " + version);
      }
      byte[] detectorBytes = new byte[in.readInt()];
      in.readFully(detectorBytes);
      CrisisState detector = CrisisState.fromBytes(detectorBytes);
      long closedUntil = in.readLong();
      int n = in.readInt();
      TreeMap<Long, OpenBucket> open = new TreeMap<>();
      for (int i = 0; i < n; i++) {
        OpenBucket bucket = OpenBucket.read(in);
        open.put(bucket.start, bucket);
      }
      return new BrandCrisisState(detector, closedUntil, open);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
