package app.tandem.directory.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import app.tandem.directory.District;
import app.tandem.directory.Role;
import app.tandem.directory.School;
import app.tandem.directory.Schools;
import app.tandem.directory.StaffDirectory;
import app.tandem.directory.StaffMember;

/** A fresh district for each test, with a program manager and a coordinator on its staff. */
@Component
class AdminFixture {

    private static final AtomicInteger DISTRICTS = new AtomicInteger();

    private final Schools schools;
    private final StaffDirectory staff;

    AdminFixture(Schools schools, StaffDirectory staff) {
        this.schools = schools;
        this.staff = staff;
    }

    record Setup(District district, School school, String manager, String coordinator) {
    }

    Setup district() {
        String tag = "adm" + DISTRICTS.incrementAndGet() + "-" + System.nanoTime();
        District district = schools.addDistrict(tag, "District " + tag, ZoneId.of("America/Chicago"));
        School school = schools.add(district.id(), tag + "-maple", "Maple " + tag);
        String manager = "m-" + tag;
        String coordinator = "c-" + tag;
        staff.add(new StaffMember(manager, district.id(), "Manager " + tag, manager + "@example.org", "en"),
                "a-long-enough-secret", Set.of(Role.MANAGER), List.of());
        staff.add(new StaffMember(coordinator, district.id(), "Coordinator " + tag, coordinator + "@example.org", "en"),
                "a-long-enough-secret", Set.of(Role.COORDINATOR), List.of(school.id()));
        return new Setup(district, school, manager, coordinator);
    }

    static RequestPostProcessor as(String username, Role role) {
        return SecurityMockMvcRequestPostProcessors.user(username)
                .authorities(new SimpleGrantedAuthority("ROLE_" + role.groupId()));
    }
}
