package org.mbp.segment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The Berkeley Segmentation Dataset BSDS300 (Martin, Fowlkes, Tal &amp; Malik, ICCV 2001) as
 * unpacked on disk:
 * <pre>
 * ROOT/images/train/&lt;iid&gt;.jpg     ROOT/images/test/&lt;iid&gt;.jpg
 * ROOT/human/color/&lt;uid&gt;/&lt;iid&gt;.seg  ROOT/human/gray/&lt;uid&gt;/&lt;iid&gt;.seg
 * </pre>
 * Each image has several human segmentations, one per user folder that holds its {@code .seg};
 * by default those drawn on the colour image ({@code human/color}). Image ids are listed in
 * numeric order when they are numbers (as in BSDS300), else alphabetically. Missing folders,
 * images or segmentations and segmentations whose size differs from the image's are reported as
 * {@link SegmentationFileException}s naming the path expected.
 */
public final class BsdsDataset {

    /** The two halves of BSDS300: 200 training and 100 test images. */
    public enum Split {
        /** The training split. */
        TRAIN,
        /** The test split. */
        TEST;

        /**
         * The folder name under {@code images/}.
         *
         * @return the folder name under {@code images/}
         */
        public String folder() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which human segmentations: those drawn on the colour or on the gray-scale image. */
    public enum Annotation {
        /** Colour images. */
        COLOR,
        /** Grey-level images. */
        GRAY;

        /**
         * The folder name under {@code human/}.
         *
         * @return the folder name under {@code human/}
         */
        public String folder() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One image with its human segmentations (ground truths), sorted by user id. */
    public record Sample(String id, RgbImage image, List<HumanSegmentation> truths) {

        /**
         * Copies the list of ground truths.
         *
         * @param id the identifier
         * @param image the image
         * @param truths the ground truths
         */
        public Sample {
            truths = List.copyOf(truths);
        }

        /**
         * The ground truths' label maps.
         *
         * @return the ground truths' label maps
         */
        public List<LabelMap> truthLabels() {
            return truths.stream().map(HumanSegmentation::labels).toList();
        }
    }

    private static final Comparator<String> ID_ORDER = Comparator
            .comparing((String id) -> !id.chars().allMatch(Character::isDigit))
            .thenComparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private final Path root;

    /**
     * A dataset rooted at {@code root}; fails unless {@code root/images} and {@code root/human} exist.
     *
     * @param root the root
     */
    public BsdsDataset(Path root) {
        this.root = root;
        requireDirectory(root.resolve("images"), "images/{train,test}/<iid>.jpg");
        requireDirectory(root.resolve("human"), "human/{color,gray}/<uid>/<iid>.seg");
    }

    /**
     * The root folder.
     *
     * @return the root folder
     */
    public Path root() {
        return root;
    }

    /**
     * The ids of the images of a split: the names of {@code images/<split>/*.jpg} without extension.
     *
     * @param split the data split
     * @return the ids of the images of a split: the names of {@code images/<split>/*.jpg} without
     *         extension
     */
    public List<String> imageIds(Split split) {
        Path folder = root.resolve("images").resolve(split.folder());
        requireDirectory(folder, "images/" + split.folder() + "/<iid>.jpg");
        List<String> ids = new ArrayList<>();
        for (Path file : list(folder)) {
            String name = file.getFileName().toString();
            if (name.endsWith(".jpg") && Files.isRegularFile(file)) {
                ids.add(name.substring(0, name.length() - ".jpg".length()));
            }
        }
        ids.sort(ID_ORDER);
        return ids;
    }

    /**
     * The image {@code images/<split>/<iid>.jpg} as floats in [0, 1].
     *
     * @param split the data split
     * @param iid the image id
     * @return the image {@code images/<split>/<iid>.jpg} as floats in [0, 1]
     */
    public RgbImage image(Split split, String iid) {
        Path file = imageFile(split, iid);
        if (!Files.isRegularFile(file)) {
            throw new SegmentationFileException("BSDS300: image " + iid + " not found: expected " + file);
        }
        return RgbImage.read(file);
    }

    /**
     * The human segmentations of an image drawn on the colour image.
     *
     * @param iid the image id
     * @return the human segmentations of an image drawn on the colour image
     */
    public List<HumanSegmentation> segmentations(String iid) {
        return segmentations(iid, Annotation.COLOR);
    }

    /**
     * The human segmentations {@code human/<annotation>/<uid>/<iid>.seg} of an image, sorted by
     * user folder; at least one, all of the same size.
     *
     * @param iid the image id
     * @param annotation the annotation
     * @return the human segmentations {@code human/<annotation>/<uid>/<iid>.seg} of an image,
     *         sorted by user folder; at least one, all of the same size
     */
    public List<HumanSegmentation> segmentations(String iid, Annotation annotation) {
        requireId(iid);
        Path folder = root.resolve("human").resolve(annotation.folder());
        requireDirectory(folder, "human/" + annotation.folder() + "/<uid>/<iid>.seg");
        List<Path> users = new ArrayList<>(list(folder).stream().filter(Files::isDirectory).toList());
        users.sort(Comparator.comparing(p -> p.getFileName().toString(), ID_ORDER));
        List<HumanSegmentation> result = new ArrayList<>();
        Path firstFile = null;
        for (Path user : users) {
            Path file = user.resolve(iid + ".seg");
            if (Files.isRegularFile(file)) {
                HumanSegmentation segmentation = SegFile.read(file);
                if (firstFile != null && !segmentation.labels().sameSize(result.get(0).labels())) {
                    throw new SegmentationFileException(file + ": " + size(segmentation.labels()) + " but "
                            + firstFile + " is " + size(result.get(0).labels()));
                }
                firstFile = firstFile == null ? file : firstFile;
                result.add(segmentation);
            }
        }
        if (result.isEmpty()) {
            throw new SegmentationFileException("BSDS300: no human segmentation of image " + iid + ": expected "
                    + folder.resolve("<uid>").resolve(iid + ".seg"));
        }
        return result;
    }

    /**
     * An image with its human segmentations; fails when their size differs from the image's.
     *
     * @param split the data split
     * @param iid the image id
     * @param annotation the annotation
     * @return an image with its human segmentations; fails when their size differs from the image's
     */
    public Sample sample(Split split, String iid, Annotation annotation) {
        RgbImage image = image(split, iid);
        List<HumanSegmentation> truths = segmentations(iid, annotation);
        LabelMap first = truths.get(0).labels();
        if (first.width() != image.width() || first.height() != image.height()) {
            throw new SegmentationFileException("BSDS300: the " + annotation.folder() + " segmentations of image "
                    + iid + " are " + size(first) + " but " + imageFile(split, iid) + " is "
                    + image.width() + "×" + image.height());
        }
        return new Sample(iid, image, truths);
    }

    private Path imageFile(Split split, String iid) {
        requireId(iid);
        return root.resolve("images").resolve(split.folder()).resolve(iid + ".jpg");
    }

    private static String size(LabelMap map) {
        return map.width() + "×" + map.height();
    }

    private static void requireId(String iid) {
        if (iid == null || iid.isEmpty() || !iid.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_'
                || c == '-')) {
            throw new IllegalArgumentException("image id must be letters, digits, '_' or '-', got '" + iid + "'");
        }
    }

    private void requireDirectory(Path folder, String layout) {
        if (!Files.isDirectory(folder)) {
            throw new SegmentationFileException("BSDS300 layout not found under " + root + ": expected directory "
                    + folder + " (" + layout + ")");
        }
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.toList();
        } catch (IOException e) {
            throw new SegmentationFileException(folder + ": cannot list: " + e, e);
        }
    }
}
