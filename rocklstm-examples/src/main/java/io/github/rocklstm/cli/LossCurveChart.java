package io.github.rocklstm.cli;

import com.google.common.base.Preconditions;
import io.github.rocklstm.io.AtomicFiles;
import io.github.rocklstm.model.EpochEvent;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/** Draws the per-epoch training and validation loss as a PNG (headless: java.awt without a display). */
final class LossCurveChart {

  static final int WIDTH = 800;
  static final int HEIGHT = 480;
  private static final int MARGIN = 60;

  private LossCurveChart() {}

  /** Writes the chart to {@code file} atomically (temporary file, then a move). */
  static void write(List<EpochEvent> epochs, String title, Path file) throws IOException {
    Preconditions.checkArgument(!epochs.isEmpty(), "no epochs to plot");
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = render(epochs, title);
    AtomicFiles.write(file, out -> {
      if (!ImageIO.write(image, "png", out)) {
        throw new IOException("no PNG writer in this JDK");
      }
    });
  }

  static BufferedImage render(List<EpochEvent> epochs, String title) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      double min = Double.MAX_VALUE;
      double max = -Double.MAX_VALUE;
      for (EpochEvent e : epochs) {
        for (double v : new double[] {e.trainLoss(), e.validationLoss()}) {
          if (Double.isFinite(v)) {
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
        }
      }
      if (max - min < 1e-9) {
        max = min + 1;
      }
      double pad = 0.05 * (max - min);
      min -= pad;
      max += pad;
      int plotW = WIDTH - 2 * MARGIN;
      int plotH = HEIGHT - 2 * MARGIN;
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
      g.drawString(title, MARGIN, MARGIN / 2);
      g.drawRect(MARGIN, MARGIN, plotW, plotH);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      for (int i = 0; i <= 4; i++) {
        double v = min + (max - min) * i / 4;
        int y = MARGIN + plotH - (int) Math.round(plotH * (double) i / 4);
        g.drawString(String.format(Locale.ROOT, "%.3f", v), 8, y + 4);
        g.setColor(new Color(230, 230, 230));
        g.drawLine(MARGIN + 1, y, MARGIN + plotW - 1, y);
        g.setColor(Color.BLACK);
      }
      g.drawString("epoch", MARGIN + plotW / 2, HEIGHT - 15);
      g.drawString("1", MARGIN, HEIGHT - MARGIN + 15);
      g.drawString(String.valueOf(epochs.size()), MARGIN + plotW - 10, HEIGHT - MARGIN + 15);
      g.drawString("nats/token", 8, MARGIN - 8);
      series(g, epochs, EpochEvent::trainLoss, new Color(31, 119, 180), min, max, plotW, plotH);
      series(g, epochs, EpochEvent::validationLoss, new Color(214, 39, 40), min, max, plotW, plotH);
      g.setColor(new Color(31, 119, 180));
      g.drawString("training loss", WIDTH - MARGIN - 200, MARGIN / 2);
      g.setColor(new Color(214, 39, 40));
      g.drawString("validation loss", WIDTH - MARGIN - 100, MARGIN / 2);
    } finally {
      g.dispose();
    }
    return image;
  }

  private static void series(Graphics2D g, List<EpochEvent> epochs, ToDoubleFunction<EpochEvent> value, Color color,
      double min, double max, int plotW, int plotH) {
    g.setColor(color);
    g.setStroke(new BasicStroke(2f));
    int previousX = -1;
    int previousY = -1;
    for (int i = 0; i < epochs.size(); i++) {
      double v = value.applyAsDouble(epochs.get(i));
      if (!Double.isFinite(v)) {
        previousX = -1;
        continue;
      }
      int x = MARGIN + (epochs.size() == 1 ? plotW / 2 : (int) Math.round(plotW * (double) i / (epochs.size() - 1)));
      int y = MARGIN + plotH - (int) Math.round(plotH * (v - min) / (max - min));
      g.fillOval(x - 3, y - 3, 6, 6);
      if (previousX >= 0) {
        g.drawLine(previousX, previousY, x, y);
      }
      previousX = x;
      previousY = y;
    }
  }
}
