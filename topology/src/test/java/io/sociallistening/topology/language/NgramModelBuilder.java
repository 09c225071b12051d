package io.sociallistening.topology.language;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Writes {@code language/ngram_model.txt} from the character n-gram models of lingua 1.2.2
 * (Apache-2.0; {@code com.github.pemistahl:lingua:1.2.2} on Maven Central): for every unigram,
 * bigram and trigram of the seven languages, its natural log-probability in each language, in
 * tenths, rounded. Run from the repository root (not a unit test):
 *
 * <pre>
 * mvn -o -q -pl topology test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test -Dspotless.check.skip=true
 * mvn -q dependency:get -Dartifact=com.github.pemistahl:lingua:1.2.2 -Dtransitive=false
 * java -cp topology/target/test-classes:topology/target/classes:$(cat topology/target/cp.txt) \
 *     io.sociallistening.topology.language.NgramModelBuilder \
 *     ~/.m2/repository/com/github/pemistahl/lingua/1.2.2/lingua-1.2.2.jar \
 *     topology/src/main/resources/language/ngram_model.txt
 * </pre>
 */
public final class NgramModelBuilder {
  private static final List<String> LANGUAGES = List.of("en", "pt", "es", "de", "fr", "it", "nl");
  private static final List<String> ORDERS = List.of("unigrams", "bigrams", "trigrams");

  private NgramModelBuilder() {}

  public static void main(String[] args) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, Integer[]> model = new TreeMap<>();
    try (ZipFile jar = new ZipFile(args[0])) {
      for (int l = 0; l < LANGUAGES.size(); l++) {
        for (String order : ORDERS) {
          ZipEntry entry =
              jar.getEntry("language-models/" + LANGUAGES.get(l) + "/" + order + ".json");
          JsonNode ngrams;
          try (InputStream in = jar.getInputStream(entry)) {
            ngrams = json.readTree(in).get("ngrams");
          }
          Iterator<Map.Entry<String, JsonNode>> fields = ngrams.fields();
          while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String[] fraction = field.getKey().split("/");
            double probability = Double.parseDouble(fraction[0]) / Double.parseDouble(fraction[1]);
            int tenths = (int) Math.round(-10 * Math.log(probability));
            for (String ngram : field.getValue().asText().split(" ")) {
              model.computeIfAbsent(ngram, k -> new Integer[LANGUAGES.size()])[l] = tenths;
            }
          }
        }
      }
    }
    try (Writer out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
      out.write("# Character n-gram model for LanguageDetector: see ngram_model.LICENSE.txt\n");
      out.write("# ngram TAB -10 x ln(probability) in " + String.join(" ", LANGUAGES));
      out.write(" ('-' where the language has no such n-gram)\n");
      for (Map.Entry<String, Integer[]> entry : model.entrySet()) {
        StringBuilder line = new StringBuilder(entry.getKey()).append('\t');
        Integer[] values = entry.getValue();
        for (int l = 0; l < values.length; l++) {
          line.append(l == 0 ? "" : " ").append(values[l] == null ? "-" : values[l].toString());
        }
        out.write(line.append('\n').toString());
      }
    }
  }
}
