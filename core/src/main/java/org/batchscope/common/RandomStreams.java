package org.batchscope.common;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent, reproducible random streams. Every stream is keyed by the master seed and a path of
 * integers (for example split index and sample index), so sample {@code i} of a split is the same
 * whatever the number of samples or threads. The algorithm is {@link #ALGORITHM}; its name is what
 * manifests record as {@code rng}.
 *
 * <p>Key derivation: {@code k_0 = mix(seed)}, {@code k_{j+1} = mix(k_j XOR mix(path_j + j * GOLDEN))}
 * with the SplitMix64 finaliser {@code mix}; the 128-bit generator state is {@code (mix(k), mix(k ^ GOLDEN))}.
 *
 * <p>A stream is the generator constructed directly from that state, which is what
 * {@code ALGORITHM.create(new long[] {s0, s1})} builds (Commons RNG hands a {@code long[]} seed of the
 * generator's native size to the same constructor unchanged; {@code RandomStreamsTest} compares the two) without its
 * reflective constructor call and seed conversion. The table generator opens one stream per row, so that
 * path was part of its per-row cost and of the code the JIT compiles in a fresh JVM.
 */
public final class RandomStreams {

    /** The generator every stream uses: XoRoShiRo128++ (Blackman and Vigna), from Commons RNG. */
    public static final RandomSource ALGORITHM = RandomSource.XO_RO_SHI_RO_128_PP;

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private RandomStreams() {
    }

    /**
     * @param masterSeed the user's seed
     * @param path       the stream's coordinates, for example {@code (splitIndex, sampleIndex)}
     * @return a generator whose sequence depends only on {@code masterSeed} and {@code path}
     */
    public static UniformRandomProvider stream(long masterSeed, long... path) {
        long key = derive(masterSeed, path);
        return new XoRoShiRo128PlusPlus(mix(key), mix(key ^ GOLDEN));
    }

    /** @return a 64-bit key derived like {@link #stream}, for seeding child computations */
    public static long derive(long masterSeed, long... path) {
        long key = mix(masterSeed);
        for (int j = 0; j < path.length; j++) {
            key = mix(key ^ mix(path[j] + (j + 1) * GOLDEN));
        }
        return key;
    }

    /** SplitMix64 finaliser (Steele, Lea, Flood 2014): a bijective 64-bit mixer. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
