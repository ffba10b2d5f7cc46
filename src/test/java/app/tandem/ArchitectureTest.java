package app.tandem;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
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
    static final ArchRule controllersWriteNoSql = noClasses().that().areMetaAnnotatedWith(Controller.class)
            .should().dependOnClassesThat()
            .areAssignableTo(JdbcClient.class)
            .orShould().dependOnClassesThat().areAssignableTo(JdbcTemplate.class)
            .orShould().dependOnClassesThat().areAssignableTo(NamedParameterJdbcTemplate.class);

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
