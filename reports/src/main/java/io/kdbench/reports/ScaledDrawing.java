package io.kdbench.reports;

import org.jfree.chart.ui.Drawable;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;

/** A drawing with a fixed layout size, scaled as a whole to the area it is given (vector output stays sharp). */
record ScaledDrawing(Drawable drawing, int width, int height) implements Drawable {
    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        AffineTransform saved = g.getTransform();
        g.translate(area.getX(), area.getY());
        g.scale(area.getWidth() / width, area.getHeight() / height);
        drawing.draw(g, new Rectangle2D.Double(0, 0, width, height));
        g.setTransform(saved);
    }

    /** Its height at a given width, keeping the aspect ratio. */
    int heightAt(int w) {
        return (int) Math.round(height * (double) w / width);
    }
}
