package app.tandem.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import app.tandem.system.Messages;

/**
 * Who tutors at a school in a term: one provider (an organisation, by name) and its tutor leads. A tutor lead is a
 * staff account in the tutors group at the term's school, so the term's meetings invite them and record them as
 * attendees the one way they do every colleague. Every change is in the audit log, under the term.
 */
@Repository
public class TutoringProviders {

    private final JdbcClient jdbc;
    private final StaffDirectory staff;
    private final ChangeLog changes;
    private final Messages messages;

    TutoringProviders(JdbcClient jdbc, StaffDirectory staff, ChangeLog changes, Messages messages) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.changes = changes;
        this.messages = messages;
    }

    public Optional<TutoringProvider> ofTerm(long termId) {
        return jdbc.sql("select id, name from tutoring_provider where term_id = ?")
                .param(termId)
                .query((rs, n) -> new TutoringProvider(termId, rs.getString(2), leadsOf(rs.getLong(1))))
                .optional();
    }

    /** The term's tutor leads who are still active at the school; none when the term has no provider. */
    public List<String> tutorLeads(long termId, long schoolId) {
        return ofTerm(termId).map(provider -> staff.keepThoseAtSchool(schoolId, provider.tutorLeads()))
                .orElse(List.of());
    }

    /** The school's staff in the tutors group: whom a provider's tutor leads are chosen from. */
    public List<StaffMember> tutorsAt(long schoolId) {
        List<StaffMember> colleagues = staff.atSchool(schoolId);
        var groups = staff.groupsOf(colleagues.stream().map(StaffMember::username).toList());
        return colleagues.stream()
                .filter(member -> groups.getOrDefault(member.username(), java.util.Set.of())
                        .contains(Role.TUTOR.groupId()))
                .toList();
    }

    /**
     * Names the term's provider and its tutor leads, each a tutor at the term's school.
     *
     * @throws app.tandem.system.InvalidInputException for a missing or too long name, or a lead who is not a tutor
     *                                                 at the school
     */
    @Transactional
    public void save(School school, Term term, String name, Collection<String> leads, String changedBy,
                     ChangeSource source) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw messages.invalid("providerName", "invalid.required");
        }
        if (trimmed.length() > 200) {
            throw messages.invalid("providerName", "invalid.tooLong", 200);
        }
        List<String> tutors = tutorsAt(school.id()).stream().map(StaffMember::username).toList();
        for (String lead : leads) {
            if (!tutors.contains(lead)) {
                throw messages.invalid("tutorLeads", "invalid.notTutorOfSchool", lead);
            }
        }
        Optional<TutoringProvider> before = ofTerm(term.id());
        long id;
        if (before.isPresent()) {
            jdbc.sql("update tutoring_provider set name = ? where term_id = ?").params(trimmed, term.id()).update();
            id = idOf(term.id());
            jdbc.sql("delete from tutor_lead where provider_id = ?").param(id).update();
        } else {
            jdbc.sql("insert into tutoring_provider (term_id, name) values (?, ?)").params(term.id(), trimmed).update();
            id = idOf(term.id());
        }
        for (String lead : new TreeSet<>(leads)) {
            jdbc.sql("insert into tutor_lead (provider_id, username) values (?, ?)").params(id, lead).update();
        }
        ChangeSubject subject = ChangeSubject.term(school, term);
        String nameBefore = before.map(TutoringProvider::name).orElse(null);
        if (!trimmed.equals(nameBefore)) {
            changes.log(subject, ChangedField.TUTORING_PROVIDER, nameBefore, trimmed, changedBy, source);
        }
        String leadsBefore = before.map(p -> String.join(", ", new TreeSet<>(p.tutorLeads()))).orElse("");
        String leadsAfter = String.join(", ", new TreeSet<>(leads));
        if (!leadsAfter.equals(leadsBefore)) {
            changes.log(subject, ChangedField.TUTOR_LEADS, leadsBefore.isEmpty() ? null : leadsBefore,
                    leadsAfter.isEmpty() ? null : leadsAfter, changedBy, source);
        }
    }

    private long idOf(long termId) {
        return jdbc.sql("select id from tutoring_provider where term_id = ?").param(termId).query(Long.class).single();
    }

    private List<String> leadsOf(long providerId) {
        return new ArrayList<>(jdbc.sql("select username from tutor_lead where provider_id = ? order by username")
                .param(providerId)
                .query(String.class)
                .list());
    }
}
