package app.tandem.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import app.tandem.system.FieldErrors;
import app.tandem.system.InvalidInputException;

/** Communication plans: their rows while drafted, and every approval or send-back. */
@Repository
public class CommunicationPlans {

    private static final String COLUMNS = "id, campaign_id, sort_order, stakeholder_group, audience, key_message, "
            + "the_ask, owner_username, channel, language_tag, cadence, anchor_on, feedback_loop";

    private final JdbcClient jdbc;
    private final Checks checks;

    CommunicationPlans(JdbcClient jdbc, Checks checks) {
        this.jdbc = jdbc;
        this.checks = checks;
    }

    private record Checked(StakeholderGroup group, String audience, String keyMessage, String theAsk, String owner,
                           Channel channel, String language, Period cadence, LocalDate anchorOn, String feedbackLoop) {
    }

    /** Every problem with a row, one per field. */
    public FieldErrors check(Campaign campaign, PlanRowEntry entry) {
        FieldErrors errors = new FieldErrors();
        Contacts.attempt(errors, () -> checks.choice("rowGroup", entry.rowGroup(), StakeholderGroup::byCode));
        Contacts.attempt(errors, () -> checks.required("audience", entry.audience(), 300));
        Contacts.attempt(errors, () -> checks.required("keyMessage", entry.keyMessage(), 2000));
        Contacts.attempt(errors, () -> checks.required("theAsk", entry.theAsk(), 1000));
        Contacts.attempt(errors, () -> checks.staffOf("rowOwner", entry.rowOwner(), campaign.districtId()));
        Contacts.attempt(errors, () -> checks.choice("rowChannel", entry.rowChannel(), Channel::byCode));
        Contacts.attempt(errors, () -> checks.language("rowLanguage", entry.rowLanguage()));
        Contacts.attempt(errors, () -> cadence(entry.cadence()));
        Contacts.attempt(errors, () -> anchor(campaign, entry.anchorOn()));
        Contacts.attempt(errors, () -> checks.required("feedbackLoop", entry.feedbackLoop(), 1000));
        return errors;
    }

    @Transactional
    public long add(Campaign campaign, PlanRowEntry entry) {
        Checked row = checked(campaign, entry);
        int next = jdbc.sql("select coalesce(max(sort_order), 0) + 1 from plan_row where campaign_id = ?")
                .param(campaign.id()).query(Integer.class).single();
        jdbc.sql("insert into plan_row (campaign_id, sort_order, stakeholder_group, audience, key_message, the_ask, "
                        + "owner_username, channel, language_tag, cadence, anchor_on, feedback_loop) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(campaign.id(), next, row.group().name(), row.audience(), row.keyMessage(), row.theAsk(),
                        row.owner(), row.channel().name(), row.language(), row.cadence().toString(), row.anchorOn(),
                        row.feedbackLoop())
                .update();
        return jdbc.sql("select id from plan_row where campaign_id = ? and sort_order = ?")
                .params(campaign.id(), next).query(Long.class).single();
    }

    @Transactional
    public void update(Campaign campaign, long rowId, PlanRowEntry entry) {
        Checked row = checked(campaign, entry);
        jdbc.sql("update plan_row set stakeholder_group = ?, audience = ?, key_message = ?, the_ask = ?, "
                        + "owner_username = ?, channel = ?, language_tag = ?, cadence = ?, anchor_on = ?, "
                        + "feedback_loop = ? where id = ? and campaign_id = ?")
                .params(row.group().name(), row.audience(), row.keyMessage(), row.theAsk(), row.owner(),
                        row.channel().name(), row.language(), row.cadence().toString(), row.anchorOn(),
                        row.feedbackLoop(), rowId, campaign.id())
                .update();
    }

    @Transactional
    public void remove(Campaign campaign, long rowId) {
        jdbc.sql("delete from plan_row where id = ? and campaign_id = ?").params(rowId, campaign.id()).update();
    }

    public List<PlanRow> rows(long campaignId) {
        return jdbc.sql("select " + COLUMNS + " from plan_row where campaign_id = ? order by sort_order, id")
                .param(campaignId)
                .query(this::planRow)
                .list();
    }

    public Optional<PlanRow> row(long rowId) {
        return jdbc.sql("select " + COLUMNS + " from plan_row where id = ?").param(rowId).query(this::planRow).optional();
    }

    void recordReview(long campaignId, PlanStatus decision, String comment, String by, LocalDateTime at) {
        int round = jdbc.sql("select count(*) + 1 from plan_review where campaign_id = ?")
                .param(campaignId).query(Integer.class).single();
        jdbc.sql("insert into plan_review (campaign_id, round_no, decision, review_comment, decided_by, decided_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(campaignId, round, decision.name(), comment, by, Timestamp.valueOf(at))
                .update();
    }

    public List<PlanReview> reviews(long campaignId) {
        return jdbc.sql("select id, campaign_id, round_no, decision, review_comment, decided_by, decided_at "
                        + "from plan_review where campaign_id = ? order by round_no")
                .param(campaignId)
                .query((rs, n) -> new PlanReview(rs.getLong("id"), rs.getLong("campaign_id"), rs.getInt("round_no"),
                        PlanStatus.valueOf(rs.getString("decision")), rs.getString("review_comment"),
                        rs.getString("decided_by"), rs.getTimestamp("decided_at").toLocalDateTime()))
                .list();
    }

    int moveOwner(long campaignId, String from, String to) {
        return jdbc.sql("update plan_row set owner_username = ? where campaign_id = ? and owner_username = ?")
                .params(to, campaignId, from)
                .update();
    }

    private Checked checked(Campaign campaign, PlanRowEntry e) {
        FieldErrors errors = check(campaign, e);
        if (!errors.isEmpty()) {
            String field = errors.all().keySet().iterator().next();
            throw new InvalidInputException(field, errors.of(field));
        }
        return new Checked(StakeholderGroup.byCode(e.rowGroup()).orElseThrow(), e.audience().strip(),
                e.keyMessage().strip(), e.theAsk().strip(), e.rowOwner().strip(),
                Channel.byCode(e.rowChannel()).orElseThrow(), e.rowLanguage().strip(), cadence(e.cadence()),
                anchor(campaign, e.anchorOn()), e.feedbackLoop().strip());
    }

    private Period cadence(String text) {
        if (text == null || text.isBlank()) {
            throw checks.invalid("cadence", "invalid.required");
        }
        return TouchpointSchedule.parseCadence(text).orElseThrow(() -> checks.invalid("cadence",
                "campaign.invalid.cadence", text));
    }

    private LocalDate anchor(Campaign campaign, String text) {
        LocalDate anchor = checks.date("anchorOn", text, false);
        if (anchor != null && (anchor.isBefore(campaign.startsOn()) || anchor.isAfter(campaign.endsOn()))) {
            throw checks.invalid("anchorOn", "campaign.invalid.anchorOutsideCampaign", campaign.startsOn(),
                    campaign.endsOn());
        }
        return anchor;
    }

    private PlanRow planRow(ResultSet rs, int n) throws SQLException {
        return new PlanRow(rs.getLong("id"), rs.getLong("campaign_id"), rs.getInt("sort_order"),
                StakeholderGroup.valueOf(rs.getString("stakeholder_group")), rs.getString("audience"),
                rs.getString("key_message"), rs.getString("the_ask"), rs.getString("owner_username"),
                Channel.valueOf(rs.getString("channel")), rs.getString("language_tag"),
                Period.parse(rs.getString("cadence")), rs.getObject("anchor_on", LocalDate.class),
                rs.getString("feedback_loop"));
    }
}
