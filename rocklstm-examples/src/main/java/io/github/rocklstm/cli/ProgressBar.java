package io.github.rocklstm.cli;

import io.github.rocklstm.model.EpochEvent;
import io.github.rocklstm.model.StepEvent;
import io.github.rocklstm.model.TrainingListener;
import io.github.rocklstm.model.TrainingSummary;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows training progress: on a terminal, one line redrawn in place with the epoch, a bar, the loss, tokens per
 * second and the time left; elsewhere (a log file, CI) a plain line at most every {@code interval}. Every epoch ends
 * with a line that stays: train and validation loss, validation perplexity and whether it improved.
 */
final class ProgressBar implements TrainingListener {

  private static final int WIDTH = 24;
  private final PrintWriter out;
  private final boolean redraw;
  private final long intervalNanos;
  private long lastPrint;
  private boolean lineOpen;

  ProgressBar(PrintWriter out, boolean redraw, Duration interval) {
    this.out = out;
    this.redraw = redraw;
    this.intervalNanos = interval.toNanos();
  }

  /** A bar on {@code out}: redrawn in place when a terminal is attached, a line every 10 s otherwise. */
  static ProgressBar forTerminal(PrintWriter out) {
    return new ProgressBar(out, System.console() != null, Duration.ofSeconds(10));
  }

  @Override
  public void onStep(StepEvent e) {
    long now = System.nanoTime();
    boolean last = e.step() == e.stepsInEpoch();
    if (!last && now - lastPrint < (redraw ? 100_000_000L : intervalNanos)) {
      return;
    }
    lastPrint = now;
    int filled = (int) Math.round(WIDTH * (double) e.step() / e.stepsInEpoch());
    String line = String.format(Locale.ROOT, "epoch %d [%s%s] %d/%d  loss %.3f  %,.0f tok/s  ETA %s",
        e.epoch(), "#".repeat(filled), "-".repeat(WIDTH - filled), e.step(), e.stepsInEpoch(), e.loss(),
        e.tokensPerSecond(), format(e.remaining()));
    if (redraw) {
      out.print("\r" + line + "   ");
      lineOpen = true;
    } else {
      out.println(line);
    }
    out.flush();
  }

  @Override
  public void onEpoch(EpochEvent e, TrainingSummary summary) {
    if (lineOpen) {
      out.println();
      lineOpen = false;
    }
    out.println(String.format(Locale.ROOT,
        "epoch %d done in %s: train loss %.4f, validation loss %.4f nats/token (perplexity %.3f)%s, lr %.2e",
        e.epoch(), format(e.duration()), e.trainLoss(), e.validationLoss(), e.validationPerplexity(),
        e.improved() ? ", best so far" : "", e.learningRate()));
    out.flush();
  }

  static String format(Duration d) {
    long s = Math.max(0, d.toSeconds());
    return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
        : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
  }
}
