package app.tandem.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PlaybookRecords {

    private static final String COLUMNS = "id, campaign_id, step, done_on, outcome, items, details, follow_up, reached, "
            + "recorded_by";

    private final JdbcClient jdbc;

    PlaybookRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(long campaignId, PlaybookStep step, LocalDate doneOn, String outcome, Collection<String> items,
                String details, String followUp, Integer reached, String by, LocalDateTime at) {
        jdbc.sql("delete from playbook_record where campaign_id = ? and step = ?").params(campaignId, step.name())
                .update();
        jdbc.sql("insert into playbook_record (campaign_id, step, done_on, outcome, items, details, follow_up, reached, "
                        + "recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(campaignId, step.name(), doneOn, outcome, items == null ? null : String.join(",", items),
                        details, followUp, reached, by, Timestamp.valueOf(at))
                .update();
    }

    public Map<PlaybookStep, PlaybookRecord> ofCampaign(long campaignId) {
        return jdbc.sql("select " + COLUMNS + " from playbook_record where campaign_id = ?")
                .param(campaignId)
                .query(this::record)
                .list().stream()
                .collect(Collectors.toMap(PlaybookRecord::step, Function.identity()));
    }

    private PlaybookRecord record(ResultSet rs, int n) throws SQLException {
        String items = rs.getString("items");
        return new PlaybookRecord(rs.getLong("id"), rs.getLong("campaign_id"), PlaybookStep.valueOf(rs.getString("step")),
                rs.getObject("done_on", LocalDate.class), rs.getString("outcome"),
                items == null || items.isEmpty() ? List.of() : Arrays.asList(items.split(",")), rs.getString("details"),
                rs.getString("follow_up"), rs.getObject("reached", Integer.class), rs.getString("recorded_by"));
    }
}
