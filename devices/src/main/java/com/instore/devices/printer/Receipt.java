package com.instore.devices.printer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to print, printer-neutral: lines of text with a style, QR codes, barcodes, paper feed, cut. Immutable; built with
 * {@link #builder()}. The simulated printer decodes ESC/POS back into this same model.
 */
public record Receipt(List<Element> elements) {
    public Receipt {
        elements = List.copyOf(elements);
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("a receipt needs at least one element");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** One piece of a receipt. */
    public sealed interface Element permits Text, Qr, Barcode, Feed, Cut {
    }

    public enum Align { LEFT, CENTER, RIGHT }

    /** QR error correction: L 7 %, M 15 %, Q 25 %, H 30 % of the code may be damaged. */
    public enum ErrorCorrection { L, M, Q, H }

    /** A line of text (no line breaks inside); double = double width and height. */
    public record Text(String text, boolean bold, boolean doubleSize, Align align) implements Element {
        public Text {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(align, "align");
            if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("one line per Text: " + text);
            }
        }
    }

    /** A QR code, printed by the printer itself (ESC/POS {@code GS ( k}); module size in dots, 1 to 16. */
    public record Qr(String payload, ErrorCorrection errorCorrection, int moduleSize) implements Element {
        public Qr {
            if (payload == null || payload.isEmpty() || payload.length() > 7000) {
                throw new IllegalArgumentException("a QR payload has 1 to 7000 characters");
            }
            Objects.requireNonNull(errorCorrection, "errorCorrection");
            if (moduleSize < 1 || moduleSize > 16) {
                throw new IllegalArgumentException("QR module size is 1 to 16 dots: " + moduleSize);
            }
        }
    }

    /** A CODE128 barcode (ASCII 32-126), with its text printed below it. */
    public record Barcode(String data) implements Element {
        public Barcode {
            if (data == null || data.isEmpty() || data.length() > 60 || !data.chars().allMatch(c -> c >= 32 && c < 127)) {
                throw new IllegalArgumentException("a CODE128 barcode holds 1 to 60 printable ASCII characters: " + data);
            }
        }
    }

    /** Blank lines. */
    public record Feed(int lines) implements Element {
        public Feed {
            if (lines < 1 || lines > 255) {
                throw new IllegalArgumentException("feed 1 to 255 lines: " + lines);
            }
        }
    }

    /** Feeds the paper past the cutter and cuts it (partial cut, as receipt printers do by default). */
    public record Cut() implements Element {
    }

    /** Collects elements in order. Not thread-safe. */
    public static final class Builder {
        private final List<Element> elements = new ArrayList<>();
        private Align align = Align.LEFT;

        /** Alignment of the text lines added from now on. */
        public Builder align(Align align) {
            this.align = Objects.requireNonNull(align, "align");
            return this;
        }

        public Builder text(String line) {
            return add(new Text(line, false, false, align));
        }

        public Builder bold(String line) {
            return add(new Text(line, true, false, align));
        }

        public Builder large(String line) {
            return add(new Text(line, true, true, align));
        }

        public Builder line(String line, boolean bold, boolean doubleSize) {
            return add(new Text(line, bold, doubleSize, align));
        }

        /** A QR code with error correction M and 6-dot modules (about 3 cm for a coupon link at 203 dpi). */
        public Builder qr(String payload) {
            return add(new Qr(payload, ErrorCorrection.M, 6));
        }

        public Builder qr(String payload, ErrorCorrection errorCorrection, int moduleSize) {
            return add(new Qr(payload, errorCorrection, moduleSize));
        }

        public Builder barcode(String data) {
            return add(new Barcode(data));
        }

        public Builder feed(int lines) {
            return add(new Feed(lines));
        }

        public Builder cut() {
            return add(new Cut());
        }

        public Builder add(Element element) {
            elements.add(Objects.requireNonNull(element, "element"));
            return this;
        }

        public Receipt build() {
            return new Receipt(elements);
        }
    }
}
