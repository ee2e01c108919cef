package org.mbp.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mbp.scene.Scene;
import org.mbp.segment.BsdsDataset;
import org.mbp.segment.LabelMap;
import org.mbp.segment.RgbImage;

/**
 * BSDS300 photographs as {@link Scene}s for DeepNCuts: each image (481×321, portrait ones
 * transposed to landscape) and its human segmentations are resampled to a square of
 * {@code size} pixels — the image by averaging the source pixels whose centres fall in each target
 * pixel, the segmentations by the label at the target pixel's centre (nearest neighbour). The
 * aspect ratio is not kept (3:2 becomes 1:1), which the covering of the resampled maps does not
 * mind. The human segmentations are ordered finest first: annotation 0, the training target, has
 * the most segments.
 */
public final class BsdsScenes {

    private BsdsScenes() {
    }

    /**
     * Every image of a split, resampled to {@code size}×{@code size}.
     *
     * @param dataset the dataset
     * @param split the data split
     * @param size the size
     * @return every image of a split, resampled to {@code size}×{@code size}
     */
    public static List<Scene> load(BsdsDataset dataset, BsdsDataset.Split split, int size) {
        List<Scene> scenes = new ArrayList<>();
        List<String> ids = dataset.imageIds(split);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException(dataset.root() + ": no images in images/" + split.folder());
        }
        for (String id : ids) {
            BsdsDataset.Sample sample = dataset.sample(split, id, BsdsDataset.Annotation.COLOR);
            boolean portrait = sample.image().height() > sample.image().width();
            List<int[]> annotations = new ArrayList<>();
            sample.truthLabels().stream().sorted(Comparator.comparingInt(LabelMap::segmentCount).reversed())
                    .forEach(t -> annotations.add(new LabelMap(size, size, labels(t, portrait, size)).relabelled()
                            .labels()));
            scenes.add(new Scene(size, size, rgb(sample.image(), portrait, size), annotations.get(0), annotations,
                    Long.parseLong(id.replaceAll("\\D", "0")), Scene.Kind.PHOTOGRAPH));
        }
        return scenes;
    }

    private static float[] rgb(RgbImage image, boolean portrait, int size) {
        int w = portrait ? image.height() : image.width();
        int h = portrait ? image.width() : image.height();
        double[] sum = new double[3 * size * size];
        int[] count = new int[size * size];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int target = (y * size / h) * size + x * size / w;
                count[target]++;
                for (int c = 0; c < 3; c++) {
                    sum[3 * target + c] += portrait ? image.get(y, x, c) : image.get(x, y, c);
                }
            }
        }
        float[] rgb = new float[sum.length];
        for (int i = 0; i < count.length; i++) {
            if (count[i] == 0) {
                throw new IllegalArgumentException("a " + image.width() + "×" + image.height()
                        + " image is smaller than the --size " + size + " it should be resampled to");
            }
            for (int c = 0; c < 3; c++) {
                rgb[3 * i + c] = (float) (sum[3 * i + c] / count[i]);
            }
        }
        return rgb;
    }

    private static int[] labels(LabelMap map, boolean portrait, int size) {
        int w = portrait ? map.height() : map.width();
        int h = portrait ? map.width() : map.height();
        int[] out = new int[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int sx = (int) ((x + 0.5) * w / size);
                int sy = (int) ((y + 0.5) * h / size);
                out[y * size + x] = portrait ? map.label(sy, sx) : map.label(sx, sy);
            }
        }
        return out;
    }
}
