package app.tandem.campaign;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The long-term planning reviews, one per campaign; read by the self-assessment for what the district does next. */
@Repository
public class YearReviews {

    private final JdbcClient jdbc;

    YearReviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(YearReview review) {
        jdbc.sql("delete from year_review where campaign_id = ?").param(review.campaignId()).update();
        jdbc.sql("insert into year_review (campaign_id, keep_doing, change_next, fund_next, next_year, reviewed_by, "
                        + "reviewed_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(review.campaignId(), review.keepDoing(), review.changeNext(), review.fundNext(),
                        review.nextYear().name(), review.reviewedBy(), Timestamp.valueOf(review.reviewedAt()))
                .update();
    }

    public Optional<YearReview> of(long campaignId) {
        return jdbc.sql("select campaign_id, keep_doing, change_next, fund_next, next_year, reviewed_by, reviewed_at "
                        + "from year_review where campaign_id = ?")
                .param(campaignId)
                .query((rs, n) -> new YearReview(rs.getLong("campaign_id"), rs.getString("keep_doing"),
                        rs.getString("change_next"), rs.getString("fund_next"), NextYear.valueOf(rs.getString("next_year")),
                        rs.getString("reviewed_by"), rs.getTimestamp("reviewed_at").toLocalDateTime()))
                .optional();
    }
}
