package org.mbp.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The module graph of docs/ARCHITECTURE.md, checked on the compiled main classes of every module
 * (this module sees them all): the modules form the stated DAG, only the command line knows
 * picocli, only {@code cuda} knows JCuda, no module but the device check reaches the GPU module (the
 * others find it only through {@link java.util.ServiceLoader}), and the packages have no cycle.
 */
class ArchitectureTest {

    /** Each module's folder and its packages (below org.mbp), in dependency order. */
    private static final Map<String, Module> MODULES = new LinkedHashMap<>();

    private record Module(String folder, List<String> packages) {
    }

    static {
        MODULES.put("toolkit", new Module("toolkit", List.of("accuracy", "backend", "device", "function", "gradient",
                "io", "json", "layer", "ncuts", "nn", "precise", "spectra", "spectral", "verify")));
        MODULES.put("reports", new Module("reports", List.of("reports")));
        MODULES.put("cuda", new Module("cuda", List.of("cuda")));
        MODULES.put("run", new Module("experiments/run", List.of("run")));
        MODULES.put("studies", new Module("experiments/studies", List.of("study", "gradcheck")));
        MODULES.put("training", new Module("experiments/training", List.of("train", "scene", "segment", "data")));
        MODULES.put("device-check", new Module("experiments/device-check", List.of("devicecheck")));
        MODULES.put("cli", new Module("experiments/cli", List.of("cli")));
    }

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mbp");

    private static String[] packages(String module) {
        return MODULES.get(module).packages().stream().map(p -> "org.mbp." + p + "..").toArray(String[]::new);
    }

    @Test
    void everyClassLivesInTheModuleItsPackageNames() {
        List<String> misplaced = new ArrayList<>();
        TreeSet<String> modulesSeen = new TreeSet<>();
        for (JavaClass c : MAIN) {
            String module = moduleOf(c.getPackageName());
            String location = c.getSource().map(s -> s.getUri().toString()).orElse("");
            if (module == null || !location.contains("/" + MODULES.get(module).folder() + "/target/")) {
                misplaced.add(c.getName() + " (" + module + ") at " + location);
            } else {
                modulesSeen.add(module);
            }
        }
        assertEquals(List.of(), misplaced);
        assertEquals(new TreeSet<>(MODULES.keySet()), modulesSeen, "a module's classes were not found");
    }

    @Test
    void modulesDependDownwardsOnly() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String module : MODULES.keySet()) {
            layers = layers.layer(module).definedBy(packages(module));
        }
        layers.whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("device-check").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("studies").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("training").mayOnlyBeAccessedByLayers("device-check", "cli")
                .whereLayer("run").mayOnlyBeAccessedByLayers("studies", "training", "device-check", "cli")
                .whereLayer("cuda").mayOnlyBeAccessedByLayers("device-check")
                .whereLayer("reports").mayNotAccessAnyLayer()
                .whereLayer("toolkit").mayNotAccessAnyLayer()
                .whereLayer("run").mayOnlyAccessLayers("toolkit", "reports")
                .whereLayer("cuda").mayOnlyAccessLayers("toolkit")
                .check(MAIN);
    }

    @Test
    void onlyTheCommandLineKnowsPicocli() {
        noClasses().that().resideOutsideOfPackage("org.mbp.cli..").should().dependOnClassesThat()
                .resideInAPackage("picocli..").check(MAIN);
    }

    @Test
    void onlyTheGpuModuleKnowsJcuda() {
        noClasses().that().resideOutsideOfPackage("org.mbp.cuda..").should().dependOnClassesThat()
                .resideInAPackage("jcuda..").check(MAIN);
    }

    @Test
    void packagesDependWithoutCycles() {
        slices().matching("org.mbp.(*)..").namingSlices("$1").should().beFreeOfCycles().check(MAIN);
        assertTrue(MAIN.size() > 300, "only " + MAIN.size() + " main classes imported");
    }

    private static String moduleOf(String packageName) {
        for (Map.Entry<String, Module> e : MODULES.entrySet()) {
            for (String p : e.getValue().packages()) {
                String full = "org.mbp." + p;
                if (packageName.equals(full) || packageName.startsWith(full + ".")) {
                    return e.getKey();
                }
            }
        }
        return null;
    }
}
