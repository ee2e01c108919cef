package org.mbp.study;

import java.util.Map;

/** What every study holds the same way: its name, title and grid parameters. */
abstract class AbstractStudy implements Study {

    private final String name;
    private final String title;
    private final Map<String, Object> parameters;

    AbstractStudy(String name, String title, Map<String, Object> parameters) {
        this.name = name;
        this.title = title;
        this.parameters = parameters;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final Map<String, Object> parameters() {
        return parameters;
    }
}
