package io.kdbench.reports.charts;

import io.kdbench.store.AtomicFiles;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.jfree.chart.ui.Drawable;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes one drawing (a JFreeChart or a hand-drawn figure) as {@code <name>.png}, {@code <name>.svg} and
 * {@code <name>.pdf}, atomically. The PDF is vector (PDFBox through its Graphics2D bridge), one page the size of the
 * figure in points, for {@code \includegraphics}.
 */
public final class ChartFiles {
    /** PNGs are drawn at twice the layout size so they stay sharp on high-density screens. */
    static final int PNG_SCALE = 2;

    private ChartFiles() {
    }

    /** A chart to write, its file name without extension and its layout size in pixels. */
    public record Chart(String name, Drawable drawing, int width, int height) {
        public String file(ChartFormat format) {
            return name + "." + format.extension();
        }
    }

    /**
     * Writes every chart, several at a time (one per available processor): each chart is drawn by one thread, and
     * drawing them is most of a report's time. Rethrows the first failure after all have ended.
     */
    public static void writeAll(Path dir, List<Chart> charts) throws IOException {
        int threads = Math.max(1, Math.min(charts.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "kdbench-chart");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Chart chart : charts) {
                done.add(pool.submit(() -> {
                    write(dir, chart);
                    return null;
                }));
            }
            IOException first = null;
            for (int i = 0; i < done.size(); i++) {
                try {
                    done.get(i).get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof IOException io ? io : new IOException("could not draw chart '"
                                + charts.get(i).name() + "': " + e.getCause().getMessage(), e.getCause());
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing charts", e);
        } finally {
            pool.shutdown();
        }
    }

    public static void write(Path dir, Chart chart) throws IOException {
        AtomicFiles.write(dir.resolve(chart.file(ChartFormat.PNG)), png(chart));
        AtomicFiles.write(dir.resolve(chart.file(ChartFormat.SVG)), svg(chart));
        AtomicFiles.write(dir.resolve(chart.file(ChartFormat.PDF)), pdf(chart));
    }

    static byte[] pdf(Chart chart) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(chart.width(), chart.height()));
            document.addPage(page);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(document, chart.width(), chart.height());
            try {
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                chart.drawing().draw(g, new Rectangle2D.Double(0, 0, chart.width(), chart.height()));
            } finally {
                g.dispose();
            }
            PDFormXObject form = g.getXFormObject();
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawForm(form);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    static byte[] png(Chart chart) throws IOException {
        BufferedImage image = new BufferedImage(chart.width() * PNG_SCALE, chart.height() * PNG_SCALE,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(PNG_SCALE, PNG_SCALE);
            chart.drawing().draw(g, new Rectangle2D.Double(0, 0, chart.width(), chart.height()));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static byte[] svg(Chart chart) throws IOException {
        Document doc;
        try {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
                    .createDocument("http://www.w3.org/2000/svg", "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML DOM in this JVM", e);
        }
        SVGGraphics2D g = new SVGGraphics2D(doc);
        g.setSVGCanvasSize(new Dimension(chart.width(), chart.height()));
        chart.drawing().draw(g, new Rectangle2D.Double(0, 0, chart.width(), chart.height()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            g.stream(w, true);
        }
        return out.toByteArray();
    }
}
