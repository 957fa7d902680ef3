package org.batchscope.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    /**
     * A stream is built without Commons RNG's factory; it must be the generator the factory builds from
     * the same two state words (what {@code stream} returned before), value for value. 3,000 streams
     * (seeds and paths of 0 to 3 coordinates, extremes included), 64 values each.
     */
    @Test
    void streamIsTheGeneratorTheFactoryBuildsFromTheSameState() {
        long[] seeds = {0, 1, -1, 42, Long.MIN_VALUE, Long.MAX_VALUE};
        UniformRandomProvider paths = RandomSource.SPLIT_MIX_64.create(7L);
        for (int i = 0; i < 500; i++) {
            long[] path = new long[i % 4];
            for (int j = 0; j < path.length; j++) {
                path[j] = i % 3 == 0 ? j - 2 : paths.nextLong();
            }
            for (long seed : seeds) {
                long key = RandomStreams.derive(seed, path);
                UniformRandomProvider factory = RandomStreams.ALGORITHM.create(
                        new long[] {RandomStreams.mix(key), RandomStreams.mix(key ^ 0x9E3779B97F4A7C15L)});
                UniformRandomProvider stream = RandomStreams.stream(seed, path);
                for (int k = 0; k < 64; k++) {
                    assertThat(stream.nextLong()).isEqualTo(factory.nextLong());
                }
            }
        }
    }
}
