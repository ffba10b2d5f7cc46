package app.tandem.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import app.tandem.system.FieldErrors;
import app.tandem.system.InvalidInputException;

/** The district's stakeholder contacts: the decision-maker map. */
@Repository
public class Contacts {

    private static final String COLUMNS = "id, district_id, full_name, organisation, stakeholder_group, role_title, "
            + "decision_maker, influence, stance, email, phone, preferred_language, preferred_channel, owner_username, "
            + "left_on, succeeded_by";

    private final JdbcClient jdbc;
    private final Checks checks;

    Contacts(JdbcClient jdbc, Checks checks) {
        this.jdbc = jdbc;
        this.checks = checks;
    }

    /** A checked contact, ready to store. */
    private record Checked(String name, String organisation, StakeholderGroup group, String role, boolean decisionMaker,
                           Influence influence, Stance stance, String email, String phone, String language,
                           Channel channel, String owner) {
    }

    /** Every problem with the entry, one per field. */
    public FieldErrors check(long districtId, ContactEntry entry) {
        FieldErrors errors = new FieldErrors();
        attempt(errors, () -> checks.required("contactName", entry.contactName(), 200));
        attempt(errors, () -> checks.required("contactOrganisation", entry.contactOrganisation(), 200));
        attempt(errors, () -> checks.choice("contactGroup", entry.contactGroup(), StakeholderGroup::byCode));
        attempt(errors, () -> checks.optional("contactRole", entry.contactRole(), 200));
        attempt(errors, () -> checks.choice("contactInfluence", entry.contactInfluence(), Influence::byCode));
        attempt(errors, () -> checks.choice("contactStance", entry.contactStance(), Stance::byCode));
        attempt(errors, () -> checks.email("contactEmail", entry.contactEmail(), false));
        attempt(errors, () -> checks.optional("contactPhone", entry.contactPhone(), 40));
        attempt(errors, () -> checks.language("contactLanguage", entry.contactLanguage()));
        attempt(errors, () -> checks.choice("contactChannel", entry.contactChannel(), Channel::byCode));
        if (entry.contactOwner() != null && !entry.contactOwner().isBlank()) {
            attempt(errors, () -> checks.staffOf("contactOwner", entry.contactOwner(), districtId));
        }
        if (errors.isEmpty() && "email".equals(entry.contactChannel())
                && (entry.contactEmail() == null || entry.contactEmail().isBlank())) {
            attempt(errors, () -> {
                throw checks.invalid("contactEmail", "campaign.invalid.emailForEmailChannel");
            });
        }
        return errors;
    }

    @Transactional
    public long add(long districtId, ContactEntry entry, String by, LocalDateTime now) {
        Checked c = checked(districtId, entry);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into stakeholder_contact (district_id, full_name, organisation, stakeholder_group, role_title, "
                        + "decision_maker, influence, stance, email, phone, preferred_language, preferred_channel, "
                        + "owner_username, changed_by, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(districtId, c.name(), c.organisation(), c.group().name(), c.role(), c.decisionMaker(),
                        c.influence().name(), c.stance().name(), c.email(), c.phone(), c.language(),
                        c.channel().name(), c.owner(), by, Timestamp.valueOf(now), Timestamp.valueOf(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    @Transactional
    public void update(long id, ContactEntry entry, String by, LocalDateTime now) {
        Contact existing = byId(id).orElseThrow();
        Checked c = checked(existing.districtId(), entry);
        jdbc.sql("update stakeholder_contact set full_name = ?, organisation = ?, stakeholder_group = ?, role_title = ?, "
                        + "decision_maker = ?, influence = ?, stance = ?, email = ?, phone = ?, preferred_language = ?, "
                        + "preferred_channel = ?, owner_username = ?, changed_by = ?, updated_at = ? where id = ?")
                .params(c.name(), c.organisation(), c.group().name(), c.role(), c.decisionMaker(), c.influence().name(),
                        c.stance().name(), c.email(), c.phone(), c.language(), c.channel().name(), c.owner(), by,
                        Timestamp.valueOf(now), id)
                .update();
    }

    /**
     * Someone new holds the contact's role: the contact is kept, with the day they left and who took over;
     * the successor starts with the same organisation, group, role, influence and owner, and a neutral stance
     * until someone rates them.
     */
    @Transactional
    public long succeed(long id, ContactEntry successor, String by, LocalDateTime now) {
        Contact before = byId(id).orElseThrow();
        ContactEntry entry = new ContactEntry(successor.contactName(), before.organisation(), before.group().code(),
                before.roleTitle(), before.decisionMaker(), before.influence().code(), Stance.NEUTRAL.code(),
                successor.contactEmail(), successor.contactPhone(), successor.contactLanguage(),
                before.channel().code(), before.ownerUsername());
        long successorId = add(before.districtId(), entry, by, now);
        jdbc.sql("update stakeholder_contact set left_on = ?, succeeded_by = ?, changed_by = ?, updated_at = ? "
                        + "where id = ?")
                .params(now.toLocalDate(), successorId, by, Timestamp.valueOf(now), id)
                .update();
        return successorId;
    }

    public Optional<Contact> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from stakeholder_contact where id = ?")
                .param(id)
                .query(this::contact)
                .optional();
    }

    /** Everyone on the map: the people who hold their roles now. */
    public List<Contact> current(long districtId) {
        return jdbc.sql("select " + COLUMNS + " from stakeholder_contact where district_id = ? and left_on is null "
                        + "order by full_name, id")
                .param(districtId)
                .query(this::contact)
                .list();
    }

    public List<Contact> former(long districtId) {
        return jdbc.sql("select " + COLUMNS + " from stakeholder_contact where district_id = ? and left_on is not null "
                        + "order by left_on desc, full_name")
                .param(districtId)
                .query(this::contact)
                .list();
    }

    public List<Contact> currentInGroups(long districtId, List<StakeholderGroup> groups) {
        if (groups.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from stakeholder_contact where district_id = :district "
                        + "and left_on is null and stakeholder_group in (:groups) order by full_name, id")
                .param("district", districtId)
                .param("groups", groups.stream().map(Enum::name).toList())
                .query(this::contact)
                .list();
    }

    /** The current contact with this address, if the district has one. */
    public Optional<Contact> currentByEmail(long districtId, String email) {
        return jdbc.sql("select " + COLUMNS + " from stakeholder_contact where district_id = ? and left_on is null "
                        + "and lower(email) = lower(?) order by id")
                .params(districtId, email)
                .query(this::contact)
                .list().stream().findFirst();
    }

    public int countCurrent(long districtId, boolean decisionMakersOnly) {
        return jdbc.sql("select count(*) from stakeholder_contact where district_id = ? and left_on is null"
                        + (decisionMakersOnly ? " and decision_maker = true" : ""))
                .param(districtId)
                .query(Integer.class)
                .single();
    }

    private Checked checked(long districtId, ContactEntry e) {
        FieldErrors errors = check(districtId, e);
        if (!errors.isEmpty()) {
            String field = errors.all().keySet().iterator().next();
            throw new InvalidInputException(field, errors.of(field));
        }
        String owner = e.contactOwner() == null || e.contactOwner().isBlank() ? null : e.contactOwner().strip();
        return new Checked(e.contactName().strip(), e.contactOrganisation().strip(),
                StakeholderGroup.byCode(e.contactGroup()).orElseThrow(), blankToNull(e.contactRole()),
                e.decides(), Influence.byCode(e.contactInfluence()).orElseThrow(),
                Stance.byCode(e.contactStance()).orElseThrow(), blankToNull(e.contactEmail()),
                blankToNull(e.contactPhone()), e.contactLanguage().strip(), Channel.byCode(e.contactChannel()).orElseThrow(),
                owner);
    }

    static void attempt(FieldErrors errors, Runnable check) {
        try {
            check.run();
        } catch (InvalidInputException problem) {
            errors.add(problem);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Contact contact(ResultSet rs, int row) throws SQLException {
        return new Contact(rs.getLong("id"), rs.getLong("district_id"), rs.getString("full_name"),
                rs.getString("organisation"), StakeholderGroup.valueOf(rs.getString("stakeholder_group")),
                rs.getString("role_title"), rs.getBoolean("decision_maker"), Influence.valueOf(rs.getString("influence")),
                Stance.valueOf(rs.getString("stance")), rs.getString("email"), rs.getString("phone"),
                rs.getString("preferred_language"), Channel.valueOf(rs.getString("preferred_channel")),
                rs.getString("owner_username"), rs.getObject("left_on", LocalDate.class),
                rs.getObject("succeeded_by", Long.class));
    }
}
