package io.sociallistening.app.instance;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whether another Kafka Streams instance of the same application on this host holds the state
 * directory: Kafka Streams locks {@code <state.dir>/<application.id>/.lock} for as long as it runs,
 * and refuses to start on a directory locked by another. Checked before the instance touches the
 * cluster, so a second instance started with the first one's {@code state.dir} stops at once with a
 * message naming the setting.
 */
final class StateDirCheck {
  private StateDirCheck() {}

  /** Throws if the application's state directory under {@code stateDir} is locked. */
  static void ensureFree(String stateDir, String applicationId) {
    Path lockFile = Path.of(stateDir, applicationId, ".lock");
    if (!Files.exists(lockFile)) {
      return;
    }
    boolean free;
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      free = lock != null;
      if (lock != null) {
        lock.release();
      }
    } catch (OverlappingFileLockException e) {
      free = false;
    } catch (IOException e) {
      // not readable here: Kafka Streams reports what is wrong with the directory
      return;
    }
    if (!free) {
      throw new IllegalStateException(
          InstanceConfig.STATE_DIR
              + " "
              + stateDir
              + " is in use by another instance of application "
              + applicationId
              + " on this host: give each instance its own "
              + InstanceConfig.STATE_DIR);
    }
  }
}
