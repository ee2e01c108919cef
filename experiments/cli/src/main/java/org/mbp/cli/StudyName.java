package org.mbp.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.mbp.study.Studies;

/**
 * A study's name on the command line: one of {@link Studies#NAMES}, or the one word a command takes
 * for a set of studies ({@code all} for {@code mbp study}, {@code none} for {@code mbp report
 * --studies}). An unknown name is refused with the names known.
 */
final class StudyName {

    /** {@code mbp study all}: every study in turn. */
    static final String ALL = "all";
    /** {@code mbp report --studies none}: the verification only. */
    static final String NONE = "none";

    private StudyName() {
    }

    /** The studies a name given to {@code mbp study} stands for. */
    static List<String> studied(String name) {
        return name.equals(ALL) ? Studies.NAMES : List.of(name);
    }

    /** The studies {@code mbp report --studies} names: all when not given, none for {@code none}. */
    static List<String> reported(List<String> names) {
        return names == null ? Studies.NAMES : names.equals(List.of(NONE)) ? List.of() : names;
    }

    /**
     * {@code name}, when it is a study's or {@code word}.
     *
     * @throws IllegalArgumentException naming the known names otherwise
     */
    private static String known(String name, String word) {
        if (Studies.NAMES.contains(name) || name.equals(word)) {
            return name;
        }
        throw new IllegalArgumentException("unknown study '" + name + "' (known: " + String.join(", ", Studies.NAMES)
                + ", or " + word + ")");
    }

    /** A study's name or {@code all}. */
    static final class OrAll extends LibraryConverter<String> {
        OrAll() {
            super(name -> known(name, ALL));
        }
    }

    /** A study's name or {@code none}. */
    static final class OrNone extends LibraryConverter<String> {
        OrNone() {
            super(name -> known(name, NONE));
        }
    }

    /** The study names, for completion and help. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Studies.NAMES.iterator();
        }
    }

    /** The study names and {@code all}, for completion and help. */
    static final class NamesOrAll implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> names = new ArrayList<>(Studies.NAMES);
            names.add(ALL);
            return names.iterator();
        }
    }
}
