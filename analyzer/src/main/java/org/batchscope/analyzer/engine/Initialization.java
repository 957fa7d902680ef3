package org.batchscope.analyzer.engine;

/**
 * Weight initialisation (biases start at 0). fanIn and fanOut: dense [in][out] gives (in, out); a
 * 3x3 convolution [out][in][3][3] gives (in * 9, out * 9).
 */
public enum Initialization {
    /** Glorot/Xavier uniform: U(-a, a), a = sqrt(6 / (fanIn + fanOut)). */
    XAVIER,
    /** He/Kaiming normal: N(0, 2 / fanIn). */
    HE
}
