package org.batchscope.analyzer.engine.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.batchscope.analyzer.engine.EngineFixtures;
import org.batchscope.analyzer.engine.Initialization;
import org.batchscope.analyzer.engine.ModelArchitecture;
import org.batchscope.analyzer.engine.OptimizerSpec;
import org.batchscope.analyzer.engine.ParameterInitializer;
import org.batchscope.analyzer.engine.ParameterLayout;
import org.batchscope.analyzer.engine.RunOutcome;
import org.batchscope.analyzer.engine.RunRecorder;
import org.batchscope.analyzer.engine.TensorData;
import org.batchscope.analyzer.engine.TrainingJob;
import org.batchscope.common.BadInputException;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.junit.jupiter.api.io.TempDir;

class UserModelTest {

    private static final ModelArchitecture.Mlp MLP = new ModelArchitecture.Mlp(20, List.of(16), 3);
    private final TensorData data = EngineFixtures.data(64, new int[] {20}, 3, 2);
    private final Dl4jEngine engine = new Dl4jEngine();

    @TempDir
    Path dir;

    private EngineFixtures.Recording train(ModelArchitecture model, OptimizerSpec optimizer, long steps) {
        EngineFixtures.Recording recording = new EngineFixtures.Recording();
        RunOutcome outcome = engine.train(new TrainingJob(EngineFixtures.config(model, optimizer, 8, steps, 4), data,
                data, null, null), recording);
        assertThat(outcome.status()).isEqualTo(RunOutcome.Status.COMPLETED);
        assertThat(outcome.model().parameters()).hasSize(ParameterLayout.of(MLP).size());
        return recording;
    }

    @Test
    void trainsAConfigurationJsonWithTheJobsOptimiser() throws IOException {
        Path json = dir.resolve("mlp.json");
        Files.writeString(json, Dl4jNetworkFactory.builtIn(MLP).toJson());
        EngineFixtures.Recording recording = train(new ModelArchitecture.UserDl4jModel(json.toString(),
                new int[] {20}, 3), OptimizerSpec.adam(0.01), 80);
        assertThat(recording.losses).hasSize(80);
        assertThat(recording.losses.get(79)).isLessThan(recording.losses.get(0));
        assertThat(recording.rates).containsOnly(0.01);
    }

    @Test
    void aSerializedNetworkStartsFromItsOwnParameters() throws IOException {
        // the built-in MLP's seeded start, saved as a ModelSerializer zip, trains exactly like the built-in model
        MultiLayerNetwork network = new MultiLayerNetwork(Dl4jNetworkFactory.builtIn(MLP));
        network.init();
        ParameterLayout layout = ParameterLayout.of(MLP);
        new Dl4jParameterConverter(layout, network).toNetwork(
                ParameterInitializer.initialize(layout, Initialization.XAVIER, 4));
        Path zip = dir.resolve("mlp.zip");
        ModelSerializer.writeModel(network, zip.toFile(), false);

        List<Double> user = train(new ModelArchitecture.UserDl4jModel(zip.toString(), new int[] {20}, 3),
                OptimizerSpec.nesterov(0.05, 0.9), 20).losses;
        assertThat(user).isEqualTo(train(MLP, OptimizerSpec.nesterov(0.05, 0.9), 20).losses);
    }

    @Test
    void aModelEndingInALossLayerGetsItsAccuracyFromAnInferencePass() throws IOException {
        // dense (identity) + LossLayer(softmax, MCXENT) computes what the built-in OutputLayer does, but
        // MinibatchAccuracy cannot read its logits from the training pass and runs output() instead
        MultiLayerNetwork builtIn = new MultiLayerNetwork(Dl4jNetworkFactory.builtIn(MLP));
        builtIn.init();
        ParameterLayout layout = ParameterLayout.of(MLP);
        new Dl4jParameterConverter(layout, builtIn).toNetwork(
                ParameterInitializer.initialize(layout, Initialization.XAVIER, 4));
        MultiLayerNetwork split = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT)
                .list()
                .layer(new DenseLayer.Builder().nIn(20).nOut(16).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(16).nOut(3).activation(Activation.IDENTITY).build())
                .layer(new LossLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).build())
                .build());
        split.init(builtIn.params().dup(), false);
        Path zip = dir.resolve("split.zip");
        ModelSerializer.writeModel(split, zip.toFile(), false);

        EngineFixtures.Recording user = train(new ModelArchitecture.UserDl4jModel(zip.toString(), new int[] {20}, 3),
                OptimizerSpec.sgd(0.1), 20);
        EngineFixtures.Recording reference = train(MLP, OptimizerSpec.sgd(0.1), 20);
        assertThat(user.accuracies).isEqualTo(reference.accuracies);
        for (int t = 0; t < 20; t++) {
            assertThat(user.losses.get(t)).isCloseTo(reference.losses.get(t), within(1e-5));
        }
    }

    @Test
    void aFileThatIsNoModelIsABadInputNamingIt() throws IOException {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not a model");
        assertThatThrownBy(() -> train(new ModelArchitecture.UserDl4jModel(text.toString(), new int[] {20}, 3),
                OptimizerSpec.sgd(0.1), 1))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(text.toString())
                .hasMessageContaining("MultiLayerConfiguration JSON file or a ModelSerializer zip");
        Path missing = dir.resolve("missing.zip");
        assertThatThrownBy(() -> train(new ModelArchitecture.UserDl4jModel(missing.toString(), new int[] {20}, 3),
                OptimizerSpec.sgd(0.1), 1))
                .isInstanceOf(BadInputException.class).hasMessageContaining(missing + " is not a file");
    }

    @Test
    void aModelWithAnotherNumberOfClassesIsABadInput() throws IOException {
        Path json = dir.resolve("two-classes.json");
        Files.writeString(json, Dl4jNetworkFactory.builtIn(new ModelArchitecture.Mlp(20, List.of(16), 2)).toJson());
        assertThatThrownBy(() -> engine.train(new TrainingJob(EngineFixtures.config(
                new ModelArchitecture.UserDl4jModel(json.toString(), new int[] {20}, 3), OptimizerSpec.sgd(0.1), 8, 1,
                4), data, data, null, null), RunRecorder.discarding()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(json.toString()).hasMessageContaining("expected [1, 3] for 3 classes");
    }
}
