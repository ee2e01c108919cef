package org.mbp.layer;

import java.util.List;

/** The space of a single matrix variable with one {@link Structure}. */
public record MatrixSpace<M>(String name, Structure structure) implements Space<M, M> {

    /**
     * The space of matrices called {@code name} with {@code structure}.
     *
     * @param <M> the backend's matrix type
     * @param name the name
     * @param structure the structure
     * @return the space of matrices called {@code name} with {@code structure}
     */
    public static <M> MatrixSpace<M> of(String name, Structure structure) {
        return new MatrixSpace<>(name, structure);
    }

    @Override
    public List<M> parts(M x) {
        return List.of(x);
    }

    @Override
    public M assemble(List<M> parts) {
        return parts.get(0);
    }

    @Override
    public List<String> names() {
        return List.of(name);
    }

    @Override
    public List<Structure> structures() {
        return List.of(structure);
    }
}
