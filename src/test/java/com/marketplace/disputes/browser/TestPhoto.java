package com.marketplace.disputes.browser;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** A JPEG "photo" of a USB-C cable with a crushed plug, drawn for the buyer to upload. */
final class TestPhoto {

  static final int WIDTH = 800;
  static final int HEIGHT = 600;

  private TestPhoto() {
  }

  static Path write(Path file) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(new GradientPaint(0, 0, new Color(196, 160, 118), WIDTH, HEIGHT,
        new Color(150, 112, 76)));
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(new Color(0, 0, 0, 40));
    for (int y = 20; y < HEIGHT; y += 46) {
      g.drawLine(0, y, WIDTH, y + 12);
    }
    g.setStroke(new BasicStroke(22, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.setColor(new Color(60, 60, 60, 90));
    g.draw(new CubicCurve2D.Double(-20, 520, 220, 250, 330, 640, 470, 318));
    g.setColor(new Color(245, 245, 242));
    g.draw(new CubicCurve2D.Double(-30, 505, 210, 235, 320, 625, 460, 305));
    g.rotate(Math.toRadians(-28), 540, 270);
    g.setColor(new Color(70, 70, 75));
    g.fill(new RoundRectangle2D.Double(450, 240, 190, 70, 26, 26));
    g.setColor(new Color(185, 188, 194));
    g.fill(new RoundRectangle2D.Double(630, 252, 90, 46, 14, 14));
    g.setColor(new Color(40, 40, 40));
    g.setStroke(new BasicStroke(4));
    g.drawLine(655, 252, 672, 278);
    g.drawLine(672, 278, 662, 298);
    g.drawLine(690, 252, 702, 270);
    g.drawLine(702, 270, 718, 262);
    g.dispose();
    try {
      ImageIO.write(image, "jpg", file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
