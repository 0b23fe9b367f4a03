package io.github.rocklstm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableMap;
import io.github.rocklstm.eval.ListeningAnswer.Side;
import io.github.rocklstm.eval.ListeningJudgement.Pick;
import io.github.rocklstm.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListeningTestResultsTest {

  @TempDir Path folder;

  /** 20 judged pairs, the real one picked in 15: the figures of BinomialIntervalTest, and hand-made ratings. */
  @Test
  void fifteenOfTwenty() {
    List<ListeningJudgement> judgements = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      // Real rated 4 everywhere; generated rated 2 in the first ten pairs and 3 in the next ten.
      judgements.add(new ListeningJudgement("p" + i, i < 15 ? Pick.REAL : Pick.GENERATED, OptionalInt.of(4),
          OptionalInt.of(i < 10 ? 2 : 3)));
    }
    judgements.add(new ListeningJudgement("p20", Pick.NONE, OptionalInt.empty(), OptionalInt.of(5)));
    ListeningTestResults results = ListeningTestResults.of(judgements);
    assertEquals(20, results.judged());
    assertEquals(15, results.correct());
    assertEquals(1, results.unanswered());
    assertEquals(0.75, results.accuracy());
    assertEquals(0.531299122, results.wilson().lower(), 1e-8);
    assertEquals(0.9134285, results.clopperPearson().upper(), 1e-7);
    assertEquals(43400 / 1048576.0, results.pValue(), 1e-12);
    // Real: twenty 4s. Generated: ten 2s, ten 3s and one 5 = 55 / 21 = 2.6190476.
    assertEquals(20, results.realRatings().count());
    assertEquals(4, results.realRatings().mean());
    assertEquals(0, results.realRatings().standardDeviation());
    assertEquals(21, results.generatedRatings().count());
    assertEquals(55 / 21.0, results.generatedRatings().mean(), 1e-12);
    Metrics metrics = new ListeningTestEvaluator().evaluate(judgements);
    assertEquals(0.75, metrics.value("accuracy"));
    assertEquals(15, metrics.value("pairs.correct"));
    assertEquals("rating", metrics.get("rating.generated.mean").unit());
  }

  @Test
  void nothingJudgedHasNoAccuracy() {
    ListeningTestResults results = ListeningTestResults.of(
        List.of(new ListeningJudgement("p1", Pick.NONE, OptionalInt.of(3), OptionalInt.empty())));
    assertEquals(0, results.judged());
    assertTrue(Double.isNaN(results.accuracy()));
    assertFalse(results.metrics().contains("accuracy"));
    assertEquals(3, results.metrics().value("rating.real.mean"));
    assertFalse(results.metrics().contains("rating.generated.mean"));
  }

  @Test
  void keyJudgesAnswersAndRoundTrips() throws Exception {
    ListeningTestKey key = new ListeningTestKey("lt-1", ImmutableMap.of("p01", Side.A, "p02", Side.B, "p03", Side.B));
    Path keyFile = folder.resolve("key.json");
    Files.writeString(keyFile, Json.writePretty(key.toJson(Map.of("p01", Map.of("song", "billboard:0003")))));
    assertEquals(key, ListeningTestKey.read(keyFile));
    Path csv = folder.resolve("answers.csv");
    Files.writeString(csv, "\uFEFFtest,pair,choice,rating_a,rating_b,heard_a,heard_b\n"
        + "lt-1,p01,A,5,1,1,1\n"
        + "\n"
        + "\"lt-1\",p02,A,4,2,1,0\n"
        + "lt-1,p03,,,3,0,0\n");
    List<ListeningJudgement> judgements = key.judge(ListeningAnswer.readCsv(csv));
    assertEquals(List.of(
        new ListeningJudgement("p01", Pick.REAL, OptionalInt.of(5), OptionalInt.of(1)),
        new ListeningJudgement("p02", Pick.GENERATED, OptionalInt.of(2), OptionalInt.of(4)),
        new ListeningJudgement("p03", Pick.NONE, OptionalInt.of(3), OptionalInt.empty())), judgements);
  }

  @Test
  void malformedAnswersNameFileLineAndValue() throws Exception {
    Path csv = folder.resolve("answers.csv");
    Files.writeString(csv, "test,pair,choice,rating_a,rating_b\nlt-1,p01,C,5,1\n");
    assertEquals(csv + ":2: choice 'C' is not valid (expected A, B, or empty for no answer)", message(csv));
    Files.writeString(csv, "test,pair,choice,rating_a,rating_b\nlt-1,p01,A,5,1\nlt-1,p02,B,3,six\n");
    assertEquals(csv + ":3: rating_b 'six' is not valid (expected a whole number 1 to 5, or empty for no rating)",
        message(csv));
    Files.writeString(csv, "test,pair,choice,rating_a\nlt-1,p01,A,5\n");
    assertTrue(message(csv).startsWith(csv + ":1: the header 'test,pair,choice,rating_a' lacks the column "
        + "'rating_b'"), message(csv));
    Files.writeString(csv, "test,pair,choice,rating_a,rating_b\nlt-1,p01,A,5\n");
    assertEquals(csv + ":2: 'lt-1,p01,A,5' has 4 fields, but the header has 5", message(csv));
    Files.writeString(csv, "");
    assertTrue(message(csv).startsWith(csv + ": the file is empty"));

    ListeningTestKey key = new ListeningTestKey("lt-1", ImmutableMap.of("p01", Side.A));
    Files.writeString(csv, "test,pair,choice,rating_a,rating_b\nlt-2,p01,A,5,1\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> key.judge(ListeningAnswer.readCsv(csv)));
    assertEquals(csv + ":2: the answers are for test 'lt-2', but the key is for test 'lt-1' (give the key.json "
        + "written with this test's page)", e.getMessage());
    Path keyFile = folder.resolve("key.json");
    Files.writeString(keyFile, "{\"format\": \"rocklstm-listening-test-key\", \"version\": 1, \"test\": \"t\", "
        + "\"pairs\": [{\"pair\": \"p01\", \"real\": \"C\"}]}");
    e = assertThrows(IllegalArgumentException.class, () -> ListeningTestKey.read(keyFile));
    assertTrue(e.getMessage().startsWith(keyFile + ": not a listening-test key: pair p01: real is 'C', expected A "
        + "or B"), e.getMessage());
  }

  private static String message(Path csv) {
    return assertThrows(IllegalArgumentException.class, () -> ListeningAnswer.readCsv(csv)).getMessage();
  }
}
