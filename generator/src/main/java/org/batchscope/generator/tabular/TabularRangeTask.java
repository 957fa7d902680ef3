package org.batchscope.generator.tabular;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.batchscope.common.Json;
import org.batchscope.common.NpyFormat;
import org.batchscope.generator.ranges.RangeTask;
import org.batchscope.generator.spec.TabularSpec;

/**
 * Computes the rows [start, end) of one split and encodes them as the split's files will hold them
 * (CSV text, float32 and int32 npy bodies); the driver appends the bytes in row order. It carries the
 * spec as JSON, so it runs on any machine; the model is rebuilt there once per task object. In this
 * process (threads) it uses the driver's model as it is, which is the same model without reading the spec
 * back through Jackson and drawing the constants again.
 */
final class TabularRangeTask implements RangeTask<TabularRangeTask.Encoded> {

    private static final long serialVersionUID = 1L;

    /** A chunk with its encoded bytes (null for a format the spec does not write). */
    record Encoded(RowChunk chunk, byte[] csv, byte[] x, byte[] y) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final byte[] specJson;
    private final Split split;
    private transient volatile TabularModel model;
    private transient volatile LabelFlips flips;

    /** @param model the driver's model; the task carries its spec, and keeps the model for this process */
    TabularRangeTask(TabularModel model, Split split) {
        this.specJson = Json.toBytes(model.spec());
        this.split = split;
        this.flips = new LabelFlips(model.spec().seed(), model.spec().flipY());
        this.model = model;
    }

    @Override
    public Encoded apply(long start, long end) {
        if (model == null) {
            TabularSpec spec;
            try {
                spec = Json.mapper().readValue(specJson, TabularSpec.class);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the table spec of a task", e);
            }
            flips = new LabelFlips(spec.seed(), spec.flipY());
            model = new TabularModel(spec);
        }
        TabularSpec spec = model.spec();
        RowChunk chunk = RowChunk.generate(model, flips, split, start, (int) (end - start));
        boolean csv = spec.formats().contains("csv");
        boolean npy = spec.formats().contains("npy");
        return new Encoded(chunk, csv ? CsvRows.encode(chunk) : null,
                npy ? NpyFormat.float32(chunk.x()) : null, npy ? NpyFormat.int32(chunk.y()) : null);
    }
}
