package org.batchscope.reports.sweep;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.batchscope.reports.charts.ContactSheet;
import org.batchscope.reports.results.Numbers;
import org.batchscope.reports.results.ResultDataset;
import org.batchscope.reports.results.SweepResults;

/**
 * Chart 8: each generated image dataset's contact sheet, its {@code preview.png}. The dataset folder
 * is the summary's {@code source} as given to the analyzer (relative to the working directory), or,
 * when that has moved, the folder of the same name under {@code <results>/datasets/}.
 */
final class ContactSheetSection implements ReportSection {

    /** The generator's contact sheet in a dataset folder. */
    static final String PREVIEW = "preview.png";

    @Override
    public String title() {
        return "The dataset";
    }

    @Override
    public SectionOutcome build(SweepResults results) {
        List<ResultDataset> withPreview = new ArrayList<>();
        List<BufferedImage> images = new ArrayList<>();
        for (ResultDataset dataset : results.datasets()) {
            Path preview = preview(results.folder(), dataset);
            if (preview != null) {
                try {
                    BufferedImage image = ImageIO.read(preview.toFile());
                    if (image != null) {
                        withPreview.add(dataset);
                        images.add(image);
                    }
                } catch (IOException e) {
                    // an unreadable preview is skipped like a missing one
                }
            }
        }
        if (withPreview.isEmpty()) {
            return SectionOutcome.skipped("No contact sheet: no dataset folder has a " + PREVIEW
                    + " (tables and users' own datasets have none).");
        }
        List<CaptionedFigure> figures = new ArrayList<>();
        for (int i = 0; i < withPreview.size(); i++) {
            ResultDataset d = withPreview.get(i);
            String label = d.ratio() == null ? d.source() : "r = " + Numbers.compact(d.ratio());
            figures.add(new CaptionedFigure(FigureNames.numbered(
                    ContactSheet.figure("Contact sheet, " + label, images.get(i)), i, withPreview.size()),
                    "Sample images of the dataset (" + d.source() + "), as the generator's preview shows them: the"
                            + " class feature (eye colour) against the structured background, whose energy relative to"
                            + " the feature is the noise ratio r."));
        }
        return SectionOutcome.of(figures);
    }

    private static Path preview(Path resultsFolder, ResultDataset dataset) {
        Path source = Path.of(dataset.source());
        for (Path folder : List.of(source, resultsFolder.resolve("datasets").resolve(source.getFileName().toString()))) {
            if (Files.isRegularFile(folder.resolve(PREVIEW))) {
                return folder.resolve(PREVIEW);
            }
        }
        return null;
    }
}
