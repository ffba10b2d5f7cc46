package app.tandem;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** How the features hang together: no loops between them, and one shape for the web layer. */
@AnalyzeClasses(packages = "app.tandem", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final Pattern FEATURE_NAME = Pattern.compile("app\\.tandem\\.(\\w+)\\.");

    /** A feature's subpackages (campaign.web, family.roster) belong to it. */
    @ArchTest
    static final ArchRule featuresAreFreeOfLoops = slices().matching("app.tandem.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule controllersSitInAWebPackage = classes().that().areMetaAnnotatedWith(Controller.class)
            .should().resideInAPackage("app.tandem.*.web..");

    @ArchTest
    static final ArchRule controllersUseNoOtherFeaturesRepositories = classes()
            .that().areMetaAnnotatedWith(Controller.class)
            .should(useNoRepositoryOfAnotherFeature());

    @ArchTest
    static final ArchRule webPackagesWriteNoSql = noClasses()
            .that().resideInAPackage("..web..").or().areMetaAnnotatedWith(Controller.class)
            .should().dependOnClassesThat().areAssignableTo(JdbcClient.class)
            .orShould().dependOnClassesThat().areAssignableTo(JdbcTemplate.class)
            .orShould().dependOnClassesThat().areAssignableTo(NamedParameterJdbcTemplate.class);

    /**
     * The same loops read from the sources: the compiler copies a String constant such as a process variable's name
     * into the class that uses it, so the classes alone do not show that dependency.
     */
    @ArchTest
    static void featuresNameNoLoopInTheirSources(JavaClasses ignored) throws IOException {
        Path root = Path.of("src/main/java/app/tandem");
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = root.relativize(file);
                if (relative.getNameCount() > 1) {
                    String feature = relative.getName(0).toString();
                    Matcher named = FEATURE_NAME.matcher(Files.readString(file));
                    while (named.find()) {
                        String other = named.group(1);
                        if (!other.equals(feature) && Files.isDirectory(root.resolve(other))) {
                            uses.computeIfAbsent(feature, f -> new TreeSet<>()).add(other);
                        }
                    }
                }
            }
        }
        for (String feature : uses.keySet()) {
            assertThat(reachable(uses, feature)).as("features that %s names, directly or not", feature)
                    .doesNotContain(feature);
        }
    }

    private static Set<String> reachable(Map<String, Set<String>> uses, String from) {
        Set<String> seen = new TreeSet<>();
        Deque<String> next = new ArrayDeque<>(uses.getOrDefault(from, Set.of()));
        while (!next.isEmpty()) {
            String feature = next.pop();
            if (seen.add(feature)) {
                next.addAll(uses.getOrDefault(feature, Set.of()));
            }
        }
        return seen;
    }

    /** Tests move the engine's clock; Tandem reads it through DistrictClock alone. */
    @ArchTest
    static final ArchRule onlyTheDistrictClockReadsTheEngineClock = noClasses()
            .that().doNotHaveFullyQualifiedName("app.tandem.system.DistrictClock")
            .should().callMethod(ClockUtil.class, "getCurrentTime");

    private static ArchCondition<JavaClass> useNoRepositoryOfAnotherFeature() {
        return new ArchCondition<>("use no repository of another feature") {
            @Override
            public void check(JavaClass controller, ConditionEvents events) {
                for (Dependency dependency : controller.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (target.isAnnotatedWith(Repository.class)
                            && !feature(target).equals(feature(controller))) {
                        events.add(SimpleConditionEvent.violated(controller, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static String feature(JavaClass type) {
        String rest = type.getPackageName().substring("app.tandem.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
