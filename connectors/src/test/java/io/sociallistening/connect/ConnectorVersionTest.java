package io.sociallistening.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.apache.kafka.connect.source.SourceConnector;
import org.junit.jupiter.api.Test;

class ConnectorVersionTest {

  @Test
  void shouldReportTheVersionOfTheModulePom() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"));

    assertThat(ConnectorVersion.get()).isEqualTo("0.1.0-SNAPSHOT");
    assertThat(pom).contains("<version>" + ConnectorVersion.get() + "</version>");
  }

  @Test
  void shouldListBothConnectorsAsServices() {
    assertThat(ServiceLoader.load(SourceConnector.class).stream().map(p -> p.type().getName()))
        .contains(
            "io.sociallistening.connect.replay.ReplaySourceConnector",
            "io.sociallistening.connect.synthetic.SyntheticSourceConnector");
    assertThat(ServiceLoader.load(SourceConnector.class))
        .allSatisfy(c -> assertThat(c.version()).isEqualTo(ConnectorVersion.get()));
  }
}
