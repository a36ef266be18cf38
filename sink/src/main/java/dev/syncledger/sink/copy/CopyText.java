package dev.syncledger.sink.copy;

import java.io.Reader;
import java.io.StringReader;

/**
 * Rows in PostgreSQL's COPY text format: fields separated by tabs, rows ended by newlines, null as
 * {@code \N}. A backslash, tab, newline or carriage return inside a value is written as its backslash
 * escape, so any text comes back byte for byte; nothing else needs escaping in this format (quotes are
 * plain characters). Values other than text are written as their {@code toString}: UUIDs, numbers and
 * instants in the ISO form PostgreSQL reads.
 */
public final class CopyText {

    private final StringBuilder text = new StringBuilder();
    private boolean rowStarted;
    private int rows;

    public CopyText value(Object value) {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof CharSequence chars) {
            escape(chars);
        } else {
            text.append(value);
        }
        return this;
    }

    public void endRow() {
        text.append('\n');
        rowStarted = false;
        rows++;
    }

    public int rows() {
        return rows;
    }

    public Reader reader() {
        return new StringReader(text.toString());
    }

    @Override
    public String toString() {
        return text.toString();
    }

    private void escape(CharSequence chars) {
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
