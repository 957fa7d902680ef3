package org.batchscope.analyzer.engine.lean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.sharpness.Lanczos;
import org.junit.jupiter.api.Test;

/**
 * Exact Hessian-vector products ({@link HessianVectorPass} through dense, 3x3 convolution, ReLU, max-pool
 * and softmax cross-entropy) and the largest Hessian eigenvalue ({@link Lanczos} on them) against
 * PyTorch on the same float32 weights, data and direction. The reference values in
 * {@code curvature/hessian-reference.json} were computed once in float64 by
 * {@code src/test/python/hessian_reference.py} (Debian's python3-torch 1.13): H v by double backward,
 * the top eigenvalue from the full Hessian (built from products with unit vectors) by
 * {@code numpy.linalg.eigvalsh}, and the batch sharpness (the mean over consecutive minibatches of
 * g^T H g / |g|^2) from double backward along each minibatch's own gradient. The claim is agreement within 1e-4 relative: |Hv - Hv_torch| <=
 * 1e-4 |Hv_torch| for the vector, |lambda - lambda_torch| <= 1e-4 lambda_torch for the eigenvalue and
 * the batch sharpness. The
 * CNN's first convolution runs in two chunks of samples (12 + 4), so the chunked tangent passes are
 * covered too.
 */
class HessianReferenceTest {

    private static final double RELATIVE = 1e-4;

    private static JsonNode reference(String name) throws IOException {
        try (InputStream in = HessianReferenceTest.class.getResourceAsStream("/curvature/hessian-reference.json")) {
            return new ObjectMapper().readTree(in).get(name);
        }
    }

    private static ModelArchitecture architecture(JsonNode a) {
        List<Integer> dense = ints(a.get("dense"));
        if (a.get("kind").asText().equals("cnn")) {
            return new ModelArchitecture.SmallCnn(a.get("channels").asInt(), a.get("height").asInt(),
                    a.get("width").asInt(), ints(a.get("conv")), dense, a.get("classes").asInt());
        }
        return new ModelArchitecture.Mlp(a.get("inputs").asInt(), dense, a.get("classes").asInt());
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    private static TensorData data(JsonNode ref, ModelArchitecture model) {
        JsonNode labels = ref.get("labels");
        int[] y = new int[labels.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.get(i).asInt();
        }
        return new TensorData(floats(ref.get("features")), y, model.inputShape(), model.classes());
    }

    private static void checkProduct(String name) throws IOException {
        JsonNode ref = reference(name);
        ModelArchitecture model = architecture(ref.get("architecture"));
        float[] params = floats(ref.get("params"));
        TensorData data = data(ref, model);
        double[] v = doubles(ref.get("v"));
        double[] expected = doubles(ref.get("hv"));
        double[] hv = new double[v.length];
        LeanModel lean = new LeanModel(model, params);
        try (LeanHessian hessian = lean.hessian(params, data)) {
            hessian.multiply(v, hv);
        }
        double error = 0;
        double size = 0;
        for (int i = 0; i < v.length; i++) {
            error += (hv[i] - expected[i]) * (hv[i] - expected[i]);
            size += expected[i] * expected[i];
        }
        assertThat(Math.sqrt(size)).isPositive();
        assertThat(Math.sqrt(error)).as(name + ": |Hv - Hv_torch|").isLessThanOrEqualTo(RELATIVE * Math.sqrt(size));
        assertThat(lean.loss(params, data)).isCloseTo(ref.get("loss").asDouble(), within(1e-5));
    }

    private static void checkTopEigenvalue(String name) throws IOException {
        JsonNode ref = reference(name);
        ModelArchitecture model = architecture(ref.get("architecture"));
        float[] params = floats(ref.get("params"));
        double expected = ref.get("top_eigenvalue").asDouble();
        try (LeanHessian hessian = new LeanModel(model, params).hessian(params, data(ref, model))) {
            Lanczos.Result top = Lanczos.largestEigenvalue(hessian, 200, 1e-5, 0);
            assertThat(top.converged()).as(name + ": converged, residual " + top.residual()).isTrue();
            assertThat(top.eigenvalue()).as(name + ": top eigenvalue").isCloseTo(expected,
                    within(RELATIVE * expected));
        }
    }

    private static void checkBatchSharpness(String name) throws IOException {
        JsonNode ref = reference(name);
        ModelArchitecture model = architecture(ref.get("architecture"));
        TensorData data = data(ref, model);
        double expected = ref.get("batch_sharpness").asDouble();
        try (LeanNetwork network = new LeanNetwork(model, data.count())) {
            float[] params = floats(ref.get("params"));
            System.arraycopy(params, 0, network.parameters(), 0, params.length);
            double measured = new BatchSharpnessProbe(network, data, ref.get("batch_sharpness_batch").asInt()).measure();
            assertThat(measured).as(name + ": batch sharpness").isCloseTo(expected, within(RELATIVE * Math.abs(expected)));
        }
    }

    @Test
    void mlpBatchSharpnessMatchesPyTorch() throws IOException {
        checkBatchSharpness("mlp");
    }

    @Test
    void cnnBatchSharpnessMatchesPyTorch() throws IOException {
        checkBatchSharpness("cnn");
    }

    @Test
    void mlpHessianVectorProductMatchesPyTorch() throws IOException {
        checkProduct("mlp");
    }

    @Test
    void cnnHessianVectorProductMatchesPyTorch() throws IOException {
        checkProduct("cnn");
    }

    @Test
    void mlpTopEigenvalueMatchesPyTorch() throws IOException {
        checkTopEigenvalue("mlp");
    }

    @Test
    void cnnTopEigenvalueMatchesPyTorch() throws IOException {
        checkTopEigenvalue("cnn");
    }
}
