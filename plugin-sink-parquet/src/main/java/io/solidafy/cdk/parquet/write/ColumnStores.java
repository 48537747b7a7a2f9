package io.solidafy.cdk.parquet.write;

import java.lang.reflect.Field;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Finds the {@link ColumnWriteStore} behind the record consumer that {@code ParquetWriter} hands
 * to a write support (one per row group), so that records shredded by {@link Shredder} go straight
 * into the column writers.
 *
 * <p>Why reflection: Parquet exposes its column writers only through MessageColumnIO's record
 * consumer, whose bookkeeping was a third of the encoder thread's work. Writing our own row-group
 * and file writer around {@code ParquetFileWriter} would avoid it at the price of re-implementing
 * row-group sizing, which ParquetWriter already does well. The field is looked up by type, and
 * the tests fail loudly should a Parquet upgrade remove it.
 */
final class ColumnStores {

    private ColumnStores() {}

    static ColumnWriteStore of(RecordConsumer consumer) {
        for (Class<?> c = consumer.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (ColumnWriteStore.class.isAssignableFrom(field.getType())) {
                    try {
                        field.setAccessible(true);
                        return (ColumnWriteStore) field.get(consumer);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        throw new IllegalStateException("cannot reach Parquet's column writers in " + c.getName(), e);
                    }
                }
            }
        }
        throw new IllegalStateException("Parquet's record consumer " + consumer.getClass().getName()
                + " holds no ColumnWriteStore; this Parquet version is not supported");
    }
}
