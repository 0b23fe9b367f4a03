package io.github.rocklstm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import io.github.rocklstm.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listening-test page in headless Chromium, driven over the Chrome DevTools Protocol: it loads, its audio loads
 * and plays, a listener answers every pair, a reload keeps the answers, "Download answers (CSV)" saves a file, and
 * {@code listening-test analyse} on that file reports the expected figures.
 *
 * <p>Needs Chromium at {@code /usr/bin/chromium} (or {@code -Drocklstm.chromium=PATH}); {@code .ci/run} installs
 * Debian's package. Without it the test fails, saying so: it is not skipped.
 */
class ListeningTestBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path folder;

  @Test
  void listenerAnswersEveryPairAndExportsTheAnswers() throws Exception {
    Path chromium = Path.of(System.getProperty("rocklstm.chromium", "/usr/bin/chromium"));
    if (!Files.isExecutable(chromium)) {
      fail("the browser test needs Chromium at " + chromium + " (Debian: apt-get install -y chromium; .ci/run "
          + "installs it), or -Drocklstm.chromium=PATH");
    }
    Path out = ListeningTestCommandTest.writeTest(folder.resolve("test"));
    Map<String, Object> key = Json.parseObject(Files.readString(out.resolve("key.json")));
    String test = Json.get(key, "test", String.class);
    List<Map<String, Object>> pairs = ListeningTestCommandTest.keyPairs(key);

    List<String> requested = Collections.synchronizedList(new ArrayList<>());
    HttpServer server = serve(out.resolve("page"), requested);
    Path profile = Files.createDirectory(folder.resolve("profile"));
    Path downloads = Files.createDirectory(folder.resolve("downloads"));
    Process browser = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--autoplay-policy=no-user-gesture-required", "--remote-debugging-port=0",
        "--user-data-dir=" + profile, "about:blank")
        .redirectErrorStream(true).redirectOutput(folder.resolve("chromium.log").toFile()).start();
    try (DevTools devTools = DevTools.connect(profile, browser, folder.resolve("chromium.log"))) {
      String targetId = (String) devTools.call("Target.createTarget", Map.of("url", "about:blank"), null)
          .get("targetId");
      String session = (String) devTools.call("Target.attachToTarget",
          Map.of("targetId", targetId, "flatten", true), null).get("sessionId");
      devTools.call("Browser.setDownloadBehavior",
          Map.of("behavior", "allow", "downloadPath", downloads.toString(), "eventsEnabled", true), null);
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/index.html";
      devTools.call("Page.navigate", Map.of("url", url), session);
      devTools.waitFor(session, "document.readyState === 'complete' && document.querySelectorAll('fieldset')"
          + ".length === 3");

      // Every excerpt loads: 2 bars of 4 beats at 100 bpm and a 1 s tail, 5.8 s.
      Object durations = devTools.evaluate(session, "(async () => { const out = [];"
          + " for (const a of document.querySelectorAll('audio')) {"
          + "  if (a.readyState < 1) { await new Promise((ok, no) => {"
          + "   a.addEventListener('loadedmetadata', ok, {once: true});"
          + "   a.addEventListener('error', () => no(new Error('cannot load ' + a.src)), {once: true}); }); }"
          + "  out.push(a.duration); }"
          + " return out; })()");
      assertEquals(List.of(5.8, 5.8, 5.8, 5.8, 5.8, 5.8), roundedList(durations));
      // One excerpt plays: play() resolves, time runs, and the page notes that A of pair 1 was heard.
      Object played = devTools.evaluate(session, "(async () => { const a = document.getElementById('audio-p01-a');"
          + " await a.play(); const start = performance.now();"
          + " while (a.currentTime === 0 && performance.now() - start < 10000) {"
          + "  await new Promise(r => setTimeout(r, 50)); }"
          + " const t = a.currentTime; a.pause(); return t; })()");
      assertTrue(((Number) played).doubleValue() > 0, "audio time advances after play(): " + played);

      // Answer: the real one in pairs 1 and 2, the generated one in pair 3; real rated 4, generated 2.
      List<String> expectedRows = new ArrayList<>();
      for (int p = 0; p < pairs.size(); p++) {
        String pair = Json.get(pairs.get(p), "pair", String.class);
        String real = Json.get(pairs.get(p), "real", String.class);
        String pick = p < 2 ? real : real.equals("A") ? "B" : "A";
        String ratingA = real.equals("A") ? "4" : "2";
        String ratingB = real.equals("A") ? "2" : "4";
        devTools.evaluate(session, "(() => {"
            + " document.getElementById('choice-" + pair + "-" + pick.toLowerCase() + "').click();"
            + " for (const [side, value] of [['a', '" + ratingA + "'], ['b', '" + ratingB + "']]) {"
            + "  const s = document.getElementById('rating-" + pair + "-' + side); s.value = value;"
            + "  s.dispatchEvent(new Event('change')); }"
            + " return true; })()");
        expectedRows.add(String.join(",", test, pair, pick, ratingA, ratingB, p == 0 ? "1" : "0", "0"));
      }
      assertEquals("3 of 3 pairs answered completely.",
          devTools.evaluate(session, "document.getElementById('progress').textContent"));

      // A reload loses nothing (localStorage).
      devTools.call("Page.reload", Map.of(), session);
      devTools.waitFor(session, "document.readyState === 'complete' && document.querySelectorAll('fieldset')"
          + ".length === 3 && document.getElementById('progress').textContent.startsWith('3 of 3')");
      String pick3 = expectedRows.get(2).split(",")[2].toLowerCase();
      assertEquals(Boolean.TRUE, devTools.evaluate(session, "document.getElementById('choice-p03-" + pick3
          + "').checked && document.getElementById('rating-p01-a').value !== ''"));

      // Export: the click saves answers-<test>.csv through a Blob link.
      devTools.evaluate(session, "document.getElementById('download-csv').click(), true");
      Path csv = downloads.resolve("answers-" + test + ".csv");
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (!(Files.isRegularFile(csv) && Files.size(csv) > 0) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertTrue(Files.isRegularFile(csv), "the download did not arrive; files: " + list(downloads));
      String expected = "test,pair,choice,rating_a,rating_b,heard_a,heard_b\n" + String.join("\n", expectedRows)
          + "\n";
      assertEquals(expected, Files.readString(csv));
      Object json = devTools.evaluate(session, "listeningTest.answersJson()");
      assertEquals(test, Json.get(Json.parseObject((String) json), "test", String.class));
      devTools.call("Browser.close", Map.of(), null);
    } finally {
      browser.destroy();
      if (!browser.waitFor(10, TimeUnit.SECONDS)) {
        browser.destroyForcibly();
      }
      server.stop(0);
    }
    assertTrue(requested.contains("/index.html"), requested.toString());
    for (Map<String, Object> pair : pairs) {
      String id = Json.get(pair, "pair", String.class);
      assertTrue(requested.contains("/audio/" + id + "-a.wav") && requested.contains("/audio/" + id + "-b.wav"),
          requested.toString());
    }
    assertTrue(requested.stream().noneMatch(r -> r.contains("key")), "the page never asks for the key: " + requested);

    // 2 of 3: Wilson 95% [0.2077, 0.9385], Clopper-Pearson [Beta(2, 2) 2.5% = 0.0943, Beta(3, 1) 97.5% = 0.9916];
    // exact two-sided p: every outcome of 3 trials is at most as likely as 2 (3/8) except 1 (also 3/8), so p = 1.
    ListeningTestCommandTest.Run run = ListeningTestCommandTest.run("listening-test", "analyse",
        downloads.resolve("answers-" + test + ".csv").toString(), "--key", out.resolve("key.json").toString());
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("Real one picked: 2 of 3, accuracy 0.6667"), run.out());
    assertTrue(run.out().contains("95% CI, Wilson score:      [0.2077, 0.9385]"), run.out());
    assertTrue(run.out().contains("95% CI, Clopper-Pearson:   [0.0943, 0.9916]"), run.out());
    assertTrue(run.out().contains("two-sided: p = 1.000"), run.out());
    assertTrue(run.out().contains("Mean rating (1-5), real:      4.00 (sd 0.00, n = 3)"), run.out());
    assertTrue(run.out().contains("Mean rating (1-5), generated: 2.00 (sd 0.00, n = 3)"), run.out());
  }

  private static List<Double> roundedList(Object values) {
    List<Double> rounded = new ArrayList<>();
    for (Object value : (List<?>) values) {
      rounded.add(Math.round(((Number) value).doubleValue() * 1000) / 1000.0);
    }
    return rounded;
  }

  private static List<String> list(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }

  /** Serves {@code root} on an ephemeral port of the loopback address, noting each requested path. */
  private static HttpServer serve(Path root, List<String> requested) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      requested.add(path);
      Path file = root.resolve(path.substring(1)).normalize();
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
        return;
      }
      String type = path.endsWith(".html") ? "text/html; charset=utf-8" : path.endsWith(".wav") ? "audio/wav"
          : path.endsWith(".json") ? "application/json" : "application/octet-stream";
      byte[] body = Files.readAllBytes(file);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(body);
      }
    });
    server.start();
    return server;
  }

  /** A minimal Chrome DevTools Protocol client over the browser's WebSocket (flattened target sessions). */
  private static final class DevTools implements WebSocket.Listener, AutoCloseable {
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static DevTools connect(Path profile, Process browser, Path log) throws Exception {
      Path portFile = profile.resolve("DevToolsActivePort");
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (!(Files.isRegularFile(portFile) && Files.readAllLines(portFile).size() >= 2)) {
        if (!browser.isAlive()) {
          fail("Chromium exited with " + browser.exitValue() + ": " + Files.readString(log));
        }
        if (System.nanoTime() > deadline) {
          fail("Chromium wrote no DevToolsActivePort within " + WAIT + ": " + Files.readString(log));
        }
        Thread.sleep(50);
      }
      List<String> lines = Files.readAllLines(portFile);
      DevTools devTools = new DevTools();
      devTools.socket = HttpClient.newHttpClient().newWebSocketBuilder()
          .buildAsync(URI.create("ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip()), devTools)
          .get(WAIT.toSeconds(), TimeUnit.SECONDS);
      return devTools;
    }

    /** Sends a command (to the browser when {@code session} is null) and returns its result. */
    @SuppressWarnings("unchecked")
    Map<String, Object> call(String method, Map<String, Object> params, String session) throws Exception {
      int id = ids.incrementAndGet();
      Map<String, Object> message = new LinkedHashMap<>();
      message.put("id", id);
      message.put("method", method);
      message.put("params", params);
      if (session != null) {
        message.put("sessionId", session);
      }
      CompletableFuture<Map<String, Object>> reply = new CompletableFuture<>();
      pending.put(id, reply);
      synchronized (this) {
        socket.sendText(Json.write(message), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
      }
      Map<String, Object> answer = reply.get(WAIT.toSeconds(), TimeUnit.SECONDS);
      if (answer.get("error") != null) {
        fail(method + " failed: " + Json.write(answer.get("error")));
      }
      return (Map<String, Object>) answer.getOrDefault("result", Map.of());
    }

    /** Evaluates {@code expression} in the page (awaiting a promise) and returns its value. */
    @SuppressWarnings("unchecked")
    Object evaluate(String session, String expression) throws Exception {
      Map<String, Object> result = call("Runtime.evaluate", Map.of("expression", expression, "awaitPromise", true,
          "returnByValue", true), session);
      if (result.get("exceptionDetails") != null) {
        fail("the page threw on " + expression + ": " + Json.write(result.get("exceptionDetails")));
      }
      return ((Map<String, Object>) result.get("result")).get("value");
    }

    /** Polls {@code condition} in the page until it is true. */
    void waitFor(String session, String condition) throws Exception {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (!Boolean.TRUE.equals(evaluate(session, condition))) {
        if (System.nanoTime() > deadline) {
          fail("the page never reached " + condition);
        }
        Thread.sleep(50);
      }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        Map<String, Object> message = Json.parseObject(partial.toString());
        partial.setLength(0);
        if (message.get("id") instanceof Long id) {
          CompletableFuture<Map<String, Object>> reply = pending.remove(id.intValue());
          if (reply != null) {
            reply.complete(message);
          }
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      pending.values().forEach(f -> f.completeExceptionally(error));
    }

    @Override
    public void close() {
      if (socket != null) {
        socket.abort();
      }
    }
  }
}
