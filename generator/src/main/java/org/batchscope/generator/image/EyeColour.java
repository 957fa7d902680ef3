package org.batchscope.generator.image;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The eye colours a class can be defined by. The class's folder name is the colour's lowercase name.
 * Values are sRGB, chosen so that every pair is clearly distinct at full colour distance.
 */
public enum EyeColour {
    BLUE(40, 110, 235),
    AMBER(235, 150, 20),
    GREEN(40, 170, 60),
    BROWN(115, 65, 25),
    GREY(150, 155, 165),
    VIOLET(150, 60, 210),
    RED(215, 35, 40);

    private final int red;
    private final int green;
    private final int blue;

    EyeColour(int red, int green, int blue) {
        this.red = red;
        this.green = green;
        this.blue = blue;
    }

    /** @return the colour as {@code {r, g, b}} in [0, 255] */
    public float[] rgb() {
        return new float[] {red, green, blue};
    }

    /** @return the name users write and the class folder name, for example {@code amber} */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the colour called {@code name}, or null when there is none */
    public static EyeColour byName(String name) {
        for (EyeColour colour : values()) {
            if (colour.cliName().equalsIgnoreCase(name)) {
                return colour;
            }
        }
        return null;
    }

    /** @return the allowed names, comma-separated, for messages */
    public static String allowedNames() {
        return Arrays.stream(values()).map(EyeColour::cliName).collect(Collectors.joining(", "));
    }
}
