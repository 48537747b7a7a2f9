package io.solidafy.cdk.parquet.write;

import java.util.Arrays;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Records already shredded into Parquet's record-consumer calls, in flat arrays: a compact form
 * to hand from the thread that reads the source to the thread that encodes Parquet.
 *
 * <p>Why: handing over the Jackson trees themselves makes the encoder thread pull every node,
 * string and map entry from the other core's cache, which cost more than the encoding saved.
 * A tape is a handful of contiguous arrays. The producer records with {@link #recorder()} (the
 * same {@link Column} code that writes records directly), the consumer {@link #replay}s one
 * record at a time. One tape is written by one thread, then read by one other thread.
 */
public final class RecordTape {

    private static final byte START_MESSAGE = 1;
    private static final byte END_MESSAGE = 2;
    private static final byte START_FIELD = 3;
    private static final byte END_FIELD = 4;
    private static final byte START_GROUP = 5;
    private static final byte END_GROUP = 6;
    private static final byte INTEGER = 7;
    private static final byte LONG = 8;
    private static final byte BOOLEAN = 9;
    private static final byte BINARY = 10;
    private static final byte FLOAT = 11;
    private static final byte DOUBLE = 12;

    private byte[] ops;
    private int opCount;
    /** Field indexes, values, and (offset << 32 | length) of binaries. */
    private long[] args;
    private int argCount;
    private String[] names;
    private int nameCount;
    private byte[] data;
    private int dataCount;
    /** Per record: where its ops, args and names start. */
    private int[] recordStarts = new int[3 * 16];
    private int records;

    private final Recorder recorder = new Recorder();

    /** @param sizeHint bytes of payload expected, to avoid regrowing */
    public RecordTape(int sizeHint) {
        ops = new byte[Math.max(256, sizeHint / 4)];
        args = new long[Math.max(128, sizeHint / 16)];
        names = new String[Math.max(64, sizeHint / 16)];
        data = new byte[Math.max(1024, sizeHint)];
    }

    /** Starts the next record; returns the consumer that records it. */
    public RecordConsumer recorder() {
        if (3 * (records + 1) + 3 > recordStarts.length) {
            recordStarts = Arrays.copyOf(recordStarts, recordStarts.length * 2);
        }
        recordStarts[3 * records] = opCount;
        recordStarts[3 * records + 1] = argCount;
        recordStarts[3 * records + 2] = nameCount;
        records++;
        recordStarts[3 * records] = opCount;
        return recorder;
    }

    /** Ends the record begun by the last {@link #recorder()} call. */
    public void endRecord() {
        recordStarts[3 * records] = opCount;
        recordStarts[3 * records + 1] = argCount;
        recordStarts[3 * records + 2] = nameCount;
    }

    /** Drops the record begun by the last {@link #recorder()} call (it did not fit). */
    public void abandonRecord() {
        records--;
        opCount = recordStarts[3 * records];
        argCount = recordStarts[3 * records + 1];
        nameCount = recordStarts[3 * records + 2];
        // its payload bytes are left unreferenced; the offset of the next binary is taken from dataCount
    }

    /** Records on this tape. */
    public int records() {
        return records;
    }

    /** Payload bytes held, to bound a tape's size. */
    public int bytes() {
        return dataCount + opCount + 8 * argCount;
    }

    /** Plays record {@code index} into {@code out}. */
    public void replay(int index, RecordConsumer out) {
        int op = recordStarts[3 * index];
        int arg = recordStarts[3 * index + 1];
        int name = recordStarts[3 * index + 2];
        int end = recordStarts[3 * (index + 1)];
        for (; op < end; op++) {
            switch (ops[op]) {
                case START_MESSAGE -> out.startMessage();
                case END_MESSAGE -> out.endMessage();
                case START_FIELD -> out.startField(names[name++], (int) args[arg++]);
                case END_FIELD -> out.endField(names[name++], (int) args[arg++]);
                case START_GROUP -> out.startGroup();
                case END_GROUP -> out.endGroup();
                case INTEGER -> out.addInteger((int) args[arg++]);
                case LONG -> out.addLong(args[arg++]);
                case BOOLEAN -> out.addBoolean(args[arg++] != 0);
                case FLOAT -> out.addFloat(Float.intBitsToFloat((int) args[arg++]));
                case DOUBLE -> out.addDouble(Double.longBitsToDouble(args[arg++]));
                case BINARY -> {
                    long at = args[arg++];
                    // "reused": Parquet copies what it keeps (dictionary, statistics), so the tape can be dropped.
                    out.addBinary(Binary.fromReusedByteArray(data, (int) (at >>> 32), (int) at));
                }
                default -> throw new IllegalStateException("corrupt record tape");
            }
        }
    }

    private void op(byte op) {
        if (opCount == ops.length) {
            ops = Arrays.copyOf(ops, ops.length * 2);
        }
        ops[opCount++] = op;
    }

    private void arg(long value) {
        if (argCount == args.length) {
            args = Arrays.copyOf(args, args.length * 2);
        }
        args[argCount++] = value;
    }

    private void name(String name) {
        if (nameCount == names.length) {
            names = Arrays.copyOf(names, names.length * 2);
        }
        names[nameCount++] = name;
    }

    /** Appends calls to the tape. */
    final class Recorder extends RecordConsumer {

        /** Like {@code addBinary(Binary.fromString(value))} without the intermediate byte array for ASCII text. */
        void addString(String value) {
            int length = value.length();
            if (dataCount + length > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, dataCount + length));
            }
            for (int i = 0; i < length; i++) {
                char c = value.charAt(i);
                if (c >= 0x80) {
                    addBinary(Binary.fromString(value)); // nothing was committed yet: dataCount is unchanged
                    return;
                }
                data[dataCount + i] = (byte) c;
            }
            op(BINARY);
            arg(((long) dataCount << 32) | length);
            dataCount += length;
        }

        @Override
        public void startMessage() {
            op(START_MESSAGE);
        }

        @Override
        public void endMessage() {
            op(END_MESSAGE);
        }

        @Override
        public void startField(String field, int index) {
            op(START_FIELD);
            name(field);
            arg(index);
        }

        @Override
        public void endField(String field, int index) {
            op(END_FIELD);
            name(field);
            arg(index);
        }

        @Override
        public void startGroup() {
            op(START_GROUP);
        }

        @Override
        public void endGroup() {
            op(END_GROUP);
        }

        @Override
        public void addInteger(int value) {
            op(INTEGER);
            arg(value);
        }

        @Override
        public void addLong(long value) {
            op(LONG);
            arg(value);
        }

        @Override
        public void addBoolean(boolean value) {
            op(BOOLEAN);
            arg(value ? 1 : 0);
        }

        @Override
        public void addBinary(Binary value) {
            int length = value.length();
            if (dataCount + length > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, dataCount + length));
            }
            value.toByteBuffer().get(data, dataCount, length);
            op(BINARY);
            arg(((long) dataCount << 32) | length);
            dataCount += length;
        }

        @Override
        public void addFloat(float value) {
            op(FLOAT);
            arg(Float.floatToRawIntBits(value));
        }

        @Override
        public void addDouble(double value) {
            op(DOUBLE);
            arg(Double.doubleToRawLongBits(value));
        }
    }
}
