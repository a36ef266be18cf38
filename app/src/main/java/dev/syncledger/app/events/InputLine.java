package dev.syncledger.app.events;

/** One line of an events file by its 1-based number: its text, or why it has none that can be read. */
public sealed interface InputLine {

    long number();

    record Text(long number, String text) implements InputLine {}

    record Unreadable(long number, String problem) implements InputLine {}
}
