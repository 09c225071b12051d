package io.sociallistening.connect.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesFileTest {

  @Test
  void shouldHoldRulesForEveryBrandWithTheDocumentedFields() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> rules = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("src/main/resources/sample/rules.jsonl"))) {
      rules.add(mapper.readTree(line));
    }

    assertThat(rules)
        .allSatisfy(
            r -> {
              assertThat(r.fieldNames())
                  .toIterable()
                  .containsExactly("id", "brand", "query", "competitorOf");
              assertThat(r.get("id").asText()).startsWith(r.get("brand").asText() + "-");
            });
    assertThat(rules)
        .extracting(r -> r.get("brand").asText())
        .containsOnly("acme-air", "skyways", "nimbus", "brewly");
    assertThat(rules)
        .filteredOn(r -> !r.get("competitorOf").isNull())
        .extracting(r -> r.get("brand").asText() + "->" + r.get("competitorOf").asText())
        .containsExactly("skyways->acme-air");
  }
}
