package app.tandem.family.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.tandem.TandemTest;
import app.tandem.directory.ChangeLog;
import app.tandem.directory.ChangeSource;
import app.tandem.directory.ChangedField;
import app.tandem.directory.LoggedChange;
import app.tandem.directory.School;
import app.tandem.directory.StaffEditor;
import app.tandem.directory.SubjectKind;
import app.tandem.notify.Mailroom;
import app.tandem.notify.MessageKind;
import app.tandem.program.ProgramFixture;

/** An import that opts in invites each person it adds, once it is saved; one that does not invites no one. */
@TandemTest
class RosterInvitationsTest {

    @Autowired
    RosterImporter importer;
    @Autowired
    ProgramFixture programs;
    @Autowired
    Mailroom mailroom;
    @Autowired
    ChangeLog changes;

    @Test
    void shouldInviteNewStaffOnlyWhenAsked() throws Exception {
        School school = programs.newSchool();
        String invited = "ri-" + school.code();
        String notInvited = "rn-" + school.code();

        assertThat(run(school, true, invited).imported()).isTrue();
        assertThat(run(school, false, notInvited).imported()).isTrue();
        assertThat(run(school, true, invited).imported()).as("the same person again is no new person").isTrue();

        assertThat(mailroom.queuedFor(invited, MessageKind.STAFF_INVITATION)).hasSize(1);
        assertThat(mailroom.queuedFor(notInvited, MessageKind.STAFF_INVITATION)).isEmpty();
        assertThat(changes.newest(school.districtId(), SubjectKind.STAFF, 0, 50))
                .filteredOn(change -> change.field() == ChangedField.INVITATION)
                .extracting(LoggedChange::subjectKey, LoggedChange::after, LoggedChange::changedBy,
                        LoggedChange::source)
                .containsExactly(tuple(invited, "sent", "manager-" + school.code(), ChangeSource.IMPORT));
    }

    private RosterImporter.Result run(School school, boolean invite, String username) throws Exception {
        String row = "staff," + school.code() + "," + username + ",Person " + username + "," + username
                + "@example.org,,en,teachers,,,,,,,,,,";
        RosterScope scope = new RosterScope(new StaffEditor("manager-" + school.code(), school.districtId(),
                Set.of("managers"), Set.of()), Locale.ENGLISH, invite);
        return importer.importRoster(new StringReader(RosterFiles.HEADER + "\n" + row + "\n"), scope,
                (phase, done, total) -> { });
    }
}
