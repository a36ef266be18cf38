package dev.syncledger.sink.db;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/** Turns a batch of rows into the one-array-per-column shape that unnest() reads back as rows. */
final class Columns {

    private Columns() {}

    static <R, T> T[] of(List<R> rows, Function<R, T> value, IntFunction<T[]> newArray) {
        T[] column = newArray.apply(rows.size());
        for (int i = 0; i < column.length; i++) {
            column[i] = value.apply(rows.get(i));
        }
        return column;
    }
}
