package org.batchscope.generator.image.background;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The background families by the names users write in specs and on the command line. */
public enum BackgroundFamily {
    /** Sky gradient, textured grass, trees, and a path or a bench. */
    PARK(new ParkBackground()),
    /** Hard stripes of two colours at a random angle and period. */
    STRIPES(new StripesBackground()),
    /** A rotated checkerboard of two colours. */
    CHECKERBOARD(new CheckerboardBackground()),
    /** Fractal (multi-octave) value noise mapped onto a two-colour ramp. */
    FRACTAL(new FractalNoiseBackground()),
    /** A motif (dots, diamonds, crosses or flowers) repeated on a brick-offset grid. */
    WALLPAPER(new WallpaperBackground());

    private final Background painter;

    BackgroundFamily(Background painter) {
        this.painter = painter;
    }

    /** @return the painter of this family */
    public Background painter() {
        return painter;
    }

    /** @return the name users write, for example {@code checkerboard} */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the family called {@code name}, or null when there is none */
    public static BackgroundFamily byName(String name) {
        for (BackgroundFamily family : values()) {
            if (family.cliName().equalsIgnoreCase(name)) {
                return family;
            }
        }
        return null;
    }

    /** @return the allowed names, comma-separated, for messages */
    public static String allowedNames() {
        return Arrays.stream(values()).map(BackgroundFamily::cliName).collect(Collectors.joining(", "));
    }
}
