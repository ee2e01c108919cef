package org.mbp.layer;

import java.util.List;

/** The space of a {@link Pair}, with a name and structure for each member. */
public record PairSpace<M>(String firstName, Structure firstStructure, String secondName,
        Structure secondStructure) implements Space<M, Pair<M>> {

    @Override
    public List<M> parts(Pair<M> x) {
        return List.of(x.first(), x.second());
    }

    @Override
    public Pair<M> assemble(List<M> parts) {
        return new Pair<>(parts.get(0), parts.get(1));
    }

    @Override
    public List<String> names() {
        return List.of(firstName, secondName);
    }

    @Override
    public List<Structure> structures() {
        return List.of(firstStructure, secondStructure);
    }
}
