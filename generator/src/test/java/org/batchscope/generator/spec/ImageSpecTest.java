package org.batchscope.generator.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.batchscope.common.BadInputException;
import org.batchscope.common.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSpecTest {

    @TempDir
    Path dir;

    @Test
    void defaultsAreResolved() {
        ImageSpec spec = ImageSpec.defaults();
        assertThat(spec.ratio()).isEqualTo(1.0);
        assertThat(spec.size()).isEqualTo(64);
        assertThat(spec.classes()).containsExactly("blue", "amber");
        assertThat(spec.classBalance()).containsExactly(1.0, 1.0);
        assertThat(spec.backgrounds()).containsExactly("park", "stripes", "checkerboard", "fractal", "wallpaper");
        assertThat(List.of(spec.train(), spec.val(), spec.test())).containsExactly(1000L, 200L, 200L);
    }

    @Test
    void yamlSpecWithKebabAndSnakeKeysRoundTrips() throws Exception {
        Path file = dir.resolve("spec.yaml");
        Files.writeString(file, "ratio: 3\nval-rho: 0.5\nlabel_noise: 0.1\nclasses: [green, Violet]\nsize: 32\n"
                + "backgrounds: [park, stripes]\n");
        ImageSpec spec = Json.readSpec(file, ImageSpec.class);
        assertThat(spec.ratio()).isEqualTo(3.0);
        assertThat(spec.valRho()).isEqualTo(0.5);
        assertThat(spec.labelNoise()).isEqualTo(0.1);
        assertThat(spec.classes()).containsExactly("green", "violet");
        Path json = dir.resolve("spec.json");
        Json.write(json, spec);
        assertThat(Json.readSpec(json, ImageSpec.class)).isEqualTo(spec);
    }

    @Test
    void badValuesNameTheFieldAndTheAllowedRange() {
        assertMessage(Map.of("ratio", -1), "ratio must be a number in (0, 1000] (got -1.0)");
        assertMessage(Map.of("ratio", 0), "ratio must be a number in (0, 1000] (got 0.0)");
        assertMessage(Map.of("size", 8), "size must be an integer in [16, 512] (got 8)");
        assertMessage(Map.of("size", 1024), "size must be an integer in [16, 512] (got 1024)");
        assertMessage(Map.of("classes", List.of("blue")), "classes must be a list of 2 to 7 eye colours (got [blue])");
        assertMessage(Map.of("classes", List.of("blue", "pink")),
                "classes must be eye colours from blue, amber, green, brown, grey, violet, red (got pink)");
        assertMessage(Map.of("rho", 1.5), "rho must be a number in [0, 1] (got 1.5)");
        assertMessage(Map.of("backgrounds", List.of("park", "lava")),
                "backgrounds must be families from park, stripes, checkerboard, fractal, wallpaper (got lava)");
        assertMessage(Map.of("train", -5), "train must be an integer in [0, 100000000] (got -5)");
        Map<String, Object> rhoWithOneFamily = new HashMap<>();
        rhoWithOneFamily.put("rho", 0.5);
        rhoWithOneFamily.put("backgrounds", List.of("park"));
        rhoWithOneFamily.put("counterfactuals", false);
        assertMessage(rhoWithOneFamily, "backgrounds must be at least one family per class (2) when rho > 0 (got [park])");
    }

    @Test
    void newClassesWithoutABalanceGetAUniformBalance() {
        ImageSpec three = ImageSpec.defaults().with(Map.of("classes", List.of("blue", "amber", "green")));
        assertThat(three.classes()).containsExactly("blue", "amber", "green");
        assertThat(three.classBalance()).containsExactly(1.0, 1.0, 1.0);
        ImageSpec weighted = ImageSpec.defaults().with(Map.of("class_balance", List.of(1.0, 3.0)));
        assertThat(weighted.with(Map.of("classes", List.of("Blue", "amber"))).classBalance()).containsExactly(1.0, 3.0);
        assertThat(weighted.with(Map.of("classes", List.of("green", "red"))).classBalance()).containsExactly(1.0, 1.0);
        assertThat(weighted.with(Map.of("classes", List.of("green", "red", "grey"), "class_balance",
                List.of(1.0, 2.0, 3.0))).classBalance()).containsExactly(1.0, 2.0, 3.0);
    }

    @Test
    void unknownKeyInAFileIsOneLine() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "ratio: 3\nratioo: 4\n");
        assertThatThrownBy(() -> Json.readSpec(file, ImageSpec.class)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ": unknown key 'ratioo'");
        Files.writeString(file, "size: 2\n");
        assertThatThrownBy(() -> Json.readSpec(file, ImageSpec.class)).isInstanceOf(BadInputException.class)
                .hasMessage(file + ": size must be an integer in [16, 512] (got 2)");
    }

    private static void assertMessage(Map<String, ?> overrides, String message) {
        assertThatThrownBy(() -> ImageSpec.defaults().with(overrides)).isInstanceOf(BadInputException.class)
                .hasMessage(message);
    }
}
