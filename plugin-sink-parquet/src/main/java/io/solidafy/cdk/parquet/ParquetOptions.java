package io.solidafy.cdk.parquet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.solidafy.cdk.parquet.write.WriterSettings;
import io.solidafy.cdk.spi.ConnectorException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The {@code --sink-option key=value} settings of the Parquet format, validated.
 *
 * <p>Defaults are sized for a 256 MiB heap: each open stream buffers at most one row group
 * ({@code row_group_size}, 32 MiB) plus up to {@code infer_records} records while it infers a
 * schema (capped at 8 MiB of estimated JSON).
 *
 * @param writer              encoding settings
 * @param checkpointPartSize  at a source checkpoint, publish the current part once it holds this
 *                            many bytes (0: at every checkpoint)
 * @param inferRecords        records buffered to infer the schema before a part is opened
 * @param inferBytes          estimated bytes of JSON buffered at most while inferring
 * @param maxStructFields     objects with more fields are stored as JSON text
 */
public record ParquetOptions(WriterSettings writer, long checkpointPartSize, int inferRecords, long inferBytes,
        int maxStructFields) {

    static final List<String> NAMES = List.of("compression", "compression_level", "row_group_size", "page_size",
            "checkpoint_part_size", "infer_records", "max_struct_fields");

    private static final long MIB = 1024 * 1024;
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?");

    /** The defaults. */
    public static ParquetOptions defaults() {
        return new ParquetOptions(new WriterSettings(CompressionCodecName.ZSTD, 3, 32 * MIB, (int) MIB), 64 * MIB, 1000,
                8 * MIB, 500);
    }

    /** Parses the sink options; unknown keys and bad values are rejected with one sentence. */
    public static ParquetOptions parse(ObjectNode options) {
        ParquetOptions d = defaults();
        CompressionCodecName codec = d.writer().codec();
        int level = d.writer().zstdLevel();
        long rowGroup = d.writer().rowGroupSize();
        long page = d.writer().pageSize();
        long checkpoint = d.checkpointPartSize();
        long infer = d.inferRecords();
        long maxFields = d.maxStructFields();
        for (Map.Entry<String, JsonNode> e : options.properties()) {
            String key = e.getKey().trim().toLowerCase(Locale.ROOT).replace('-', '_');
            String value = e.getValue().asText().trim();
            switch (key) {
                case "compression" -> codec = codec(value);
                case "compression_level" -> level = (int) number(key, value, 1, 22);
                case "row_group_size" -> rowGroup = size(key, value, 64 * 1024, 1024 * MIB);
                case "page_size" -> page = size(key, value, 1024, 64 * MIB);
                case "checkpoint_part_size" -> checkpoint = size(key, value, 0, Long.MAX_VALUE);
                case "infer_records" -> infer = number(key, value, 1, 100_000);
                case "max_struct_fields" -> maxFields = number(key, value, 1, 100_000);
                default -> throw new ConnectorException("Unknown --sink-option '" + e.getKey() + "' for --format parquet; use one of "
                        + String.join(", ", NAMES) + ".");
            }
        }
        return new ParquetOptions(new WriterSettings(codec, level, rowGroup, (int) page), checkpoint, (int) infer, d.inferBytes(),
                (int) maxFields);
    }

    private static CompressionCodecName codec(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "zstd" -> CompressionCodecName.ZSTD;
            case "snappy" -> CompressionCodecName.SNAPPY;
            case "none", "uncompressed" -> CompressionCodecName.UNCOMPRESSED;
            default -> throw new ConnectorException("--sink-option compression=" + value + " is not supported; use zstd, snappy or none.");
        };
    }

    private static long number(String key, String value, long min, long max) {
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConnectorException("--sink-option " + key + "=" + value + " must be a whole number from " + min + " to " + max + ".");
    }

    /** Sizes accept a unit: 512k, 32m, 32MiB, 1g (binary multiples). */
    private static long size(String key, String value, long min, long max) {
        Matcher m = SIZE.matcher(value.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            try {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "b" : m.group(2);
                long bytes = switch (unit.charAt(0)) {
                    case 'k' -> Math.multiplyExact(n, 1024L);
                    case 'm' -> Math.multiplyExact(n, MIB);
                    case 'g' -> Math.multiplyExact(n, 1024 * MIB);
                    default -> n;
                };
                if (bytes >= min && bytes <= max) {
                    return bytes;
                }
            } catch (ArithmeticException | NumberFormatException e) {
                // reported below
            }
        }
        throw new ConnectorException("--sink-option " + key + "=" + value + " must be a size in bytes (e.g. 1048576, 512k, 32m) from "
                + min + " to " + max + " bytes.");
    }
}
