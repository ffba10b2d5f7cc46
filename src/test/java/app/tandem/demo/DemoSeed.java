package app.tandem.demo;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.tandem.directory.Schools;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.Terms;
import app.tandem.family.roster.RosterImporter;
import app.tandem.program.SchoolProgramLauncher;
import app.tandem.system.DistrictClock;
import app.tandem.system.TandemProperties;

/**
 * Seeds the demo district into the shared test database, exactly as a first start of Tandem does
 * (the test profile switches the start-up seeding off). Seeding twice adds nothing.
 */
@Component
public class DemoSeed {

    private final DemoDistrict district;

    public DemoSeed(Schools schools, Terms terms, StaffDirectory staff, SchoolProgramLauncher launcher,
                    DemoTimeline timeline, ProcessEngineConfigurationImpl engineConfiguration,
                    DistrictClock clock, TandemProperties properties, TransactionTemplate transaction,
                    RosterImporter roster, IdentityService identity, app.tandem.family.Families families) {
        this.district = new DemoDistrict(schools, terms, staff, launcher, timeline, engineConfiguration,
                clock, properties, transaction, roster, identity, families);
    }

    public void seed() {
        district.run(null);
    }
}
