package org.batchscope.analyzer.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Batch sizes read from labels, and labels that only look like one. */
class BatchSizesTest {

    @Test
    void labelsThatNameABatchSize() {
        assertThat(BatchSizes.fromLabel("bs8")).isEqualTo(8);
        assertThat(BatchSizes.fromLabel("resnet-batch64")).isEqualTo(64);
        assertThat(BatchSizes.fromLabel("run_batch_size=32_lr0.1")).isEqualTo(32);
        assertThat(BatchSizes.fromLabel("BSZ-16")).isEqualTo(16);
    }

    @Test
    void labelsThatDoNot() {
        assertThat(BatchSizes.fromLabel("vit_b16")).isNull(); // ViT-B with 16-pixel patches
        assertThat(BatchSizes.fromLabel("resnet50")).isNull();
        assertThat(BatchSizes.fromLabel("jobs8")).isNull();
    }
}
