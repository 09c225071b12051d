package io.sociallistening.topology.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Invariants of the word lists that {@link SentimentScorer} reads. */
class SentimentLexiconFilesTest {
  private static final String COLLISION = "EN-COLLISION";

  /** One list line: word, valence, English source entry (or null), whether EN-COLLISION. */
  private record Entry(int line, String word, double valence, String source, boolean collision) {}

  @Test
  void shouldParseEveryLineOfTheLanguageListsAsWordValenceSourceAndMark() throws IOException {
    List<String> malformed = new ArrayList<>();
    for (String resource : List.of("/sentiment/pt_lexicon.txt", "/sentiment/es_lexicon.txt")) {
      List<String> lines = lines(resource);
      for (int k = 0; k < lines.size(); k++) {
        String line = lines.get(k);
        if (line.isBlank() || line.startsWith("# ")) {
          continue;
        }
        String[] fields = line.split("\t", -1);
        boolean valid =
            fields.length >= 2
                && fields.length <= 4
                && !fields[0].isEmpty()
                && isValence(fields[1])
                && (fields.length < 3 || (!fields[2].isEmpty() && !fields[2].equals(COLLISION)))
                && (fields.length < 4 || fields[3].equals(COLLISION));
        if (!valid) {
          malformed.add(resource + ":" + (k + 1) + " " + line);
        }
      }
    }

    assertThat(malformed).isEmpty();
  }

  @Test
  void shouldListEachWordOnceInLowerCaseWithItsSourcesValence() throws IOException {
    Map<String, Double> vader = valences("/sentiment/vader_lexicon.txt");
    List<String> wrong = new ArrayList<>();
    for (String resource : List.of("/sentiment/pt_lexicon.txt", "/sentiment/es_lexicon.txt")) {
      Map<String, Double> seen = new HashMap<>();
      for (Entry entry : entries(resource)) {
        String where = resource + ":" + entry.line() + " " + entry.word();
        Double earlier = seen.putIfAbsent(entry.word(), entry.valence());
        if (earlier != null && earlier != entry.valence()) {
          wrong.add(where + " listed again with another valence");
        }
        if (!entry.word().equals(entry.word().toLowerCase(Locale.ROOT))) {
          wrong.add(where + " not in lower case");
        }
        if (entry.source() != null && !vader.containsKey(entry.source())) {
          wrong.add(where + " source " + entry.source() + " not in vader_lexicon.txt");
        } else if (entry.source() != null && vader.get(entry.source()) != entry.valence()) {
          wrong.add(where + " valence differs from its source's " + vader.get(entry.source()));
        }
      }
    }

    assertThat(wrong).isEmpty();
  }

  @Test
  void shouldMarkTranslatedWordsSpelledLikeEnglishEntriesAsCollisionsInBothLists()
      throws IOException {
    Map<String, Double> english = valences("/sentiment/vader_lexicon.txt");
    english.putAll(valences("/sentiment/social_lexicon.txt"));
    Map<String, Entry> portuguese = byWord(entries("/sentiment/pt_lexicon.txt"));
    Map<String, Entry> spanish = byWord(entries("/sentiment/es_lexicon.txt"));
    TreeSet<String> unmarked = new TreeSet<>();
    for (Map<String, Entry> list : List.of(portuguese, spanish)) {
      for (Entry entry : list.values()) {
        // lines with a source column; the hand-set lines above them carry no mark
        if (entry.source() != null && !entry.collision() && english.containsKey(entry.word())) {
          unmarked.add(entry.word());
        }
      }
    }
    TreeSet<String> marksDiffer = new TreeSet<>();
    for (Entry entry : portuguese.values()) {
      Entry other = spanish.get(entry.word());
      if (other != null
          && other.collision() != entry.collision()
          && english.containsKey(entry.word())) {
        marksDiffer.add(entry.word());
      }
    }

    // an unmarked line in either list puts the word into the lexicon of text of unknown language,
    // over the English entry
    assertThat(unmarked).isEmpty();
    assertThat(marksDiffer).isEmpty();
  }

  @Test
  void shouldHaveNoLexiconEntryShapedLikeLaughterBesidesTheLaughterWords() throws IOException {
    List<String> shaped = new ArrayList<>();
    for (String resource :
        List.of(
            "/sentiment/vader_lexicon.txt",
            "/sentiment/social_lexicon.txt",
            "/sentiment/pt_lexicon.txt",
            "/sentiment/es_lexicon.txt")) {
      for (String word : valences(resource).keySet()) {
        char[] chars = word.toCharArray();
        if (ValenceRules.isLaughter(chars, 0, chars.length)
            && !ValenceRules.LAUGHTER.contains(word)) {
          shaped.add(word);
        }
      }
    }

    // the rules keep only the laughter words outside negation, by a set lookup
    assertThat(shaped).isEmpty();
  }

  private static boolean isValence(String field) {
    try {
      double value = Double.parseDouble(field);
      return value >= -4 && value <= 4;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static Map<String, Entry> byWord(List<Entry> entries) {
    Map<String, Entry> map = new HashMap<>();
    for (Entry entry : entries) {
      map.put(entry.word(), entry);
    }
    return map;
  }

  /** Word to valence, later lines winning, as the scorer reads the file. */
  private static Map<String, Double> valences(String resource) throws IOException {
    Map<String, Double> map = new HashMap<>();
    for (String line : lines(resource)) {
      if (!line.isBlank() && !line.startsWith("# ")) {
        String[] fields = line.split("\t");
        map.put(fields[0], Double.parseDouble(fields[1]));
      }
    }
    return map;
  }

  private static List<Entry> entries(String resource) throws IOException {
    List<Entry> entries = new ArrayList<>();
    List<String> lines = lines(resource);
    for (int k = 0; k < lines.size(); k++) {
      String line = lines.get(k);
      if (line.isBlank() || line.startsWith("# ")) {
        continue;
      }
      String[] fields = line.split("\t");
      entries.add(
          new Entry(
              k + 1,
              fields[0],
              Double.parseDouble(fields[1]),
              fields.length > 2 ? fields[2] : null,
              fields.length > 3 && fields[3].equals(COLLISION)));
    }
    return entries;
  }

  private static List<String> lines(String resource) throws IOException {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                SentimentLexiconFilesTest.class.getResourceAsStream(resource),
                StandardCharsets.UTF_8))) {
      return reader.lines().toList();
    }
  }
}
