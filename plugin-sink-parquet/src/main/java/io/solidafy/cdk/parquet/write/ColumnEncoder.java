package io.solidafy.cdk.parquet.write;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageWriter;
import org.apache.parquet.column.statistics.SizeStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Encodes one leaf column of one row group into version 1 data pages, handed to Parquet's page
 * writer (which compresses them and keeps the column and offset indexes): the job of Parquet's
 * column writers, in place of them. Those pass every value through a chain of value writers, a
 * fallback wrapper, a value collector and incremental level encoders; here a page's values are
 * buffered as dictionary ids or PLAIN bytes with their levels in plain arrays and encoded once, when
 * the page is cut.
 *
 * <p>The pages are the ones Parquet writes. Dictionary encoding ({@code PLAIN_DICTIONARY}) for
 * 64-bit and byte-string columns unless the part opened them plain ({@link DictionaryAdvisor}); it
 * falls back to PLAIN when the dictionary outgrows the dictionary page size (later pages only), or
 * when on the first page the dictionary and ids are not smaller than the PLAIN values (the whole
 * chunk). Levels are RLE/bit-packed with a length prefix. Both limits are checked between batches
 * of records ({@link #endBatch}), so a page ends at a record boundary once it holds the page size or
 * the page row limit, over by at most one batch. Page statistics: min, max (a dictionary column compares
 * only each value's first occurrence in the page) and nulls; size statistics: level histograms and
 * byte-string lengths. Used by one thread.
 */
final class ColumnEncoder implements LeafWriter {

    /** Rows per page at most (Parquet's own writer's default), so that page indexes can skip finely. */
    static final int PAGE_ROWS = 20_000;

    private final PrimitiveType type;
    private final PageWriter pages;
    private final int maxR;
    private final int maxD;
    private final int pageSize;

    /** The chunk's dictionary, or null for a plain column. */
    private final ValueDictionary dictionary;
    /** True once values go as PLAIN: from the start, or since the dictionary fell back. */
    private boolean plain;
    /** True once a page was written with dictionary ids: the dictionary page must be written. */
    private boolean dictionaryUsed;
    private boolean firstPage = true;

    // the open page
    private int[] reps = new int[128];
    private int[] defs = new int[128];
    private int count;
    private int rows;
    private int nulls;
    private int[] ids = new int[128];
    private int idCount;
    /** The PLAIN values (and the booleans' bits), when not writing ids. */
    private final PageBytes values = new PageBytes(256);
    private int bits;
    private int bitCount;
    /** The size the page's values would have PLAIN (the first page's dictionary test). */
    private long plainSize;
    private long byteArrayBytes;
    private Statistics<?> statistics;
    /** Per dictionary id: the number of the last page it was seen on, so a page compares each value once. */
    private int[] seenOnPage = new int[256];
    private int pageNumber = 1;
    /**
     * Byte strings' page min and max, compared unsigned (Parquet's order for strings and JSON), in
     * buffers reused from value to value (-1: none yet): in an ascending column every value is a
     * new max, and a copy of each cost an allocation per value.
     */
    private byte[] min = new byte[16];
    private byte[] max = new byte[16];
    private int minLength = -1;
    private int maxLength = -1;

    /** Where pages are assembled: one buffer shared by the row group's columns, which write one page at a time. */
    private final PageBytes page;

    ColumnEncoder(ColumnDescriptor column, PageWriter pages, PageBytes page, int pageSize, boolean dictionaryEncoding) {
        this.type = column.getPrimitiveType();
        this.pages = pages;
        this.page = page;
        this.maxR = column.getMaxRepetitionLevel();
        this.maxD = column.getMaxDefinitionLevel();
        this.pageSize = pageSize;
        PrimitiveTypeName kind = type.getPrimitiveTypeName();
        boolean dictionaryType = kind == PrimitiveTypeName.BINARY || kind == PrimitiveTypeName.INT64 || kind == PrimitiveTypeName.DOUBLE;
        this.dictionary = dictionaryEncoding && dictionaryType
                ? (kind == PrimitiveTypeName.BINARY ? ValueDictionary.ofBinary() : ValueDictionary.ofLongs())
                : null;
        this.plain = dictionary == null;
        this.statistics = Statistics.createStats(type);
    }

    @Override
    public void writeNull(int r, int d) {
        level(r, d);
        nulls++;
    }

    @Override
    public void write(long value, int r, int d) {
        level(r, d);
        if (write64(value)) {
            statistics.updateStats(value);
        }
    }

    @Override
    public void write(double value, int r, int d) {
        level(r, d);
        if (write64(Double.doubleToLongBits(value))) {
            statistics.updateStats(value);
        }
    }

    /**
     * A long's or double's 64 bits, PLAIN or as a dictionary id; true when the page statistics must
     * see the value (every PLAIN value, a dictionary value the first time on the page).
     */
    private boolean write64(long bits) {
        if (plain) {
            values.writeLongLE(bits);
            return true;
        }
        int id = dictionary.id(bits);
        addId(id);
        plainSize += 8;
        return firstOnPage(id);
    }

    @Override
    public void write(boolean value, int r, int d) {
        level(r, d);
        if (value) {
            bits |= 1 << bitCount;
        }
        if (++bitCount == 8) {
            values.writeByte(bits);
            bits = 0;
            bitCount = 0;
        }
        statistics.updateStats(value);
    }

    @Override
    public void write(byte[] data, int offset, int length, int r, int d) {
        level(r, d);
        byteArrayBytes += length;
        if (plain) {
            values.writeIntLE(length);
            values.write(data, offset, length);
            minMax(data, offset, length);
            return;
        }
        int id = dictionary.id(data, offset, length);
        addId(id);
        if (firstOnPage(id)) {
            minMax(dictionary.bytes(), dictionary.start(id), length);
        }
        plainSize += 4 + length;
    }

    /** Bytes this column holds in memory: the open page, the pages written for the row group and the dictionary. */
    long bufferedSize() {
        return openPageBytes() + pages.getMemSize() + (dictionary == null ? 0 : dictionary.byteSize());
    }

    /** Memory the open page holds: levels and ids as ints, and the PLAIN bytes. A page is cut when it reaches the page size. */
    private long openPageBytes() {
        return 8L * count + 4L * idCount + values.size();
    }

    /**
     * Called between batches of records, a record boundary: a dictionary that outgrew the
     * dictionary page size gives way to PLAIN pages (earlier pages keep their ids), and a page that
     * reached the page size or row limit is written. Checking here rather than per value keeps
     * these rare paths out of the per-value code, which the JIT then compiles once, small.
     */
    void endBatch() throws IOException {
        if (!plain && dictionary.byteSize() > pageSize) { // the dictionary page's limit is the page size
            fallBack();
        }
        if (count > 0 && (rows >= PAGE_ROWS || openPageBytes() >= pageSize)) {
            writePage();
        }
    }

    /** Writes the last page and the dictionary page: the column chunk is complete. */
    void finish() throws IOException {
        if (count > 0) {
            writePage();
        }
        if (dictionaryUsed) {
            pages.writeDictionaryPage(new DictionaryPage(BytesInput.from(dictionary.page()), dictionary.size(), Encoding.PLAIN_DICTIONARY));
        }
    }

    private void level(int r, int d) {
        if (r == 0) {
            rows++;
        }
        if (count == defs.length) {
            reps = maxR > 0 ? Arrays.copyOf(reps, count * 2) : reps;
            defs = Arrays.copyOf(defs, count * 2);
        }
        if (maxR > 0) {
            reps[count] = r; // a column outside any list has only level 0: nothing to keep
        }
        defs[count] = d;
        count++;
    }

    private void addId(int id) {
        if (idCount == ids.length) {
            ids = Arrays.copyOf(ids, idCount * 2);
        }
        ids[idCount++] = id;
    }

    private boolean firstOnPage(int id) {
        if (id >= seenOnPage.length) {
            seenOnPage = Arrays.copyOf(seenOnPage, Math.max(id + 1, seenOnPage.length * 2));
        }
        if (seenOnPage[id] == pageNumber) {
            return false;
        }
        seenOnPage[id] = pageNumber;
        return true;
    }

    private void minMax(byte[] data, int offset, int length) {
        if (minLength < 0 || Arrays.compareUnsigned(data, offset, offset + length, min, 0, minLength) < 0) {
            min = copy(data, offset, length, min);
            minLength = length;
        }
        if (maxLength < 0 || Arrays.compareUnsigned(data, offset, offset + length, max, 0, maxLength) > 0) {
            max = copy(data, offset, length, max);
            maxLength = length;
        }
    }

    /** {@code data[offset..offset+length)} into {@code buffer} from its start, grown if too short. */
    private static byte[] copy(byte[] data, int offset, int length, byte[] buffer) {
        byte[] into = buffer.length >= length ? buffer : new byte[Math.max(length, buffer.length * 2)];
        System.arraycopy(data, offset, into, 0, length);
        return into;
    }

    /** Rewrites the open page's ids as PLAIN values; every later value of the chunk is written PLAIN. */
    private void fallBack() {
        plain = true;
        values.clear();
        byte[] bytes = dictionary.bytes();
        boolean binary = type.getPrimitiveTypeName() == PrimitiveTypeName.BINARY;
        for (int i = 0; i < idCount; i++) {
            int id = ids[i];
            if (binary) {
                int start = dictionary.start(id);
                values.write(bytes, start - 4, dictionary.length(id) + 4);
            } else {
                values.writeLongLE(dictionary.bits(id));
            }
        }
        idCount = 0;
    }

    private void writePage() throws IOException {
        page.clear();
        if (maxR > 0) {
            levels(reps, maxR);
        }
        if (maxD > 0) {
            levels(defs, maxD);
        }
        Encoding encoding = Encoding.PLAIN;
        if (!plain && idCount > 0) {
            int width = HybridEncoder.bitWidth(dictionary.size() - 1);
            if (firstPage && ((long) idCount * width + 7) / 8 + dictionary.byteSize() >= plainSize) {
                fallBack(); // a dictionary that does not pay on the first page is dropped for the chunk
            } else {
                page.writeByte(width);
                HybridEncoder.encode(ids, idCount, width, page);
                encoding = Encoding.PLAIN_DICTIONARY;
                dictionaryUsed = true;
            }
        }
        if (encoding == Encoding.PLAIN) {
            if (bitCount > 0) {
                values.writeByte(bits);
            }
            page.write(values.array(), 0, values.size());
        }
        if (minLength >= 0) { // reused buffers: the statistics copy them
            statistics.updateStats(Binary.fromReusedByteArray(min, 0, minLength));
            statistics.updateStats(Binary.fromReusedByteArray(max, 0, maxLength));
        }
        statistics.incrementNumNulls(nulls);
        pages.writePage(BytesInput.from(page.array(), 0, page.size()), count, rows, statistics, sizeStatistics(), null,
                maxR > 0 ? Encoding.RLE : Encoding.BIT_PACKED, maxD > 0 ? Encoding.RLE : Encoding.BIT_PACKED, encoding);
        firstPage = false;
        pageNumber++;
        statistics = Statistics.createStats(type);
        count = rows = nulls = idCount = bits = bitCount = 0;
        plainSize = byteArrayBytes = 0;
        values.clear();
        minLength = maxLength = -1;
    }

    /** Level histograms (kept by Parquet only above level 0, or 1 for definitions) and the byte strings' total length. */
    private SizeStatistics sizeStatistics() {
        return new SizeStatistics(type, type.getPrimitiveTypeName() == PrimitiveTypeName.BINARY ? byteArrayBytes : 0,
                maxR > 0 ? histogram(reps, maxR) : new ArrayList<>(), maxD > 1 ? histogram(defs, maxD) : new ArrayList<>());
    }

    private List<Long> histogram(int[] levels, int max) {
        long[] counts = new long[max + 1];
        for (int i = 0; i < count; i++) {
            counts[levels[i]]++;
        }
        List<Long> histogram = new ArrayList<>(max + 1);
        for (long c : counts) {
            histogram.add(c);
        }
        return histogram;
    }

    /** A level stream: its length (4 bytes) and the levels RLE/bit-packed. */
    private void levels(int[] levels, int max) {
        int at = page.size();
        page.writeIntLE(0);
        HybridEncoder.encode(levels, count, HybridEncoder.bitWidth(max), page);
        page.setIntLE(at, page.size() - at - 4);
    }
}
