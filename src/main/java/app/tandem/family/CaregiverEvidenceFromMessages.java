package app.tandem.family;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.tandem.dashboard.CaregiverEvidence;
import app.tandem.dashboard.Share;

/**
 * Indicators 4e.1 to 4e.3 for the dashboard, from the family messages and the families' replies: a few grouped
 * queries for all terms in view, never one per term. Messages withheld on purpose (contact not allowed, no consent)
 * count nowhere; a family that unsubscribed counts like any other (its withheld email is planned again as a call
 * or a note home), reached once called or sent the note.
 * Communication both ways: a family's reply counts in 4e.1 (answered, or not yet), and the liaison's answer counts
 * in 4e.3 as a message in the family's language or in English.
 */
@Component
class CaregiverEvidenceFromMessages implements CaregiverEvidence {

    private static final int IDS_PER_QUERY = 900;
    /**
     * Per term, replies from caregivers on record: the term of the message they answer, else the term of their
     * school running on the day they wrote. An answer counts as sent once it is in the outbox.
     */
    static final String REPLIES = """
            select t.id as term_id, count(*) as replies, count(r.answered_at) as answered,
                   count(r.answer_outbox_id) as answers_sent,
                   coalesce(sum(case when r.answer_outbox_id is not null and r.answer_language = r.language
                                     then 1 else 0 end), 0) as in_their_language
              from family_reply r
              left join family_message m on m.id = r.family_message_id
              join school_term t on t.id = m.term_id
                                 or (m.id is null and t.school_id = r.school_id
                                     and cast(r.received_at as date) between t.starts_on and t.ends_on)
             where r.caregiver_id is not null and t.id in (:ids)
             group by t.id""";

    private final JdbcClient jdbc;

    CaregiverEvidenceFromMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, CaregiverFacts> ofTerms(Collection<Long> termIds) {
        Map<Long, Share> updated = new HashMap<>();
        Map<Long, Share> introduced = new HashMap<>();
        Map<Long, Share> late = new HashMap<>();
        Map<Long, Integer> notReached = new HashMap<>();
        Map<Long, Share> preferred = new HashMap<>();
        List<Long> ids = new ArrayList<>(termIds);
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            jdbc.sql("select term_id, cycle_no, count(distinct student_id) as students, "
                            + "count(distinct case when status = 'DELIVERED' then student_id end) as reached "
                            + "from family_message where kind = 'PROGRESS_UPDATE' and status <> 'WITHHELD' "
                            + "and term_id in (:ids) group by term_id, cycle_no")
                    .param("ids", chunk)
                    .query((rs, n) -> updated.merge(rs.getLong("term_id"),
                            new Share(rs.getInt("reached"), rs.getInt("students")), Share::plus))
                    .list();
            jdbc.sql("select m.term_id, "
                            + "count(distinct case when li.term_id is null then m.caregiver_id end) as caregivers, "
                            + "count(distinct case when li.term_id is null and m.status = 'DELIVERED' "
                            + "and m.delivered_on < t.starts_on then m.caregiver_id end) as before_start, "
                            + "count(distinct case when li.term_id is not null then m.caregiver_id end) as late, "
                            + "count(distinct case when li.term_id is not null and m.status = 'DELIVERED' "
                            + "then m.caregiver_id end) as late_reached, "
                            + "count(distinct case when m.status <> 'DELIVERED' then m.caregiver_id end) as not_reached "
                            + "from family_message m join school_term t on t.id = m.term_id "
                            + "left join late_introduction li on li.term_id = m.term_id and li.caregiver_id = m.caregiver_id "
                            + "where m.kind = 'INTRODUCTION' and m.status <> 'WITHHELD' and m.term_id in (:ids) "
                            + "group by m.term_id")
                    .param("ids", chunk)
                    .query((rs, n) -> {
                        long term = rs.getLong("term_id");
                        introduced.put(term, new Share(rs.getInt("before_start"), rs.getInt("caregivers")));
                        late.put(term, new Share(rs.getInt("late_reached"), rs.getInt("late")));
                        notReached.put(term, rs.getInt("not_reached"));
                        return term;
                    })
                    .list();
            jdbc.sql("select term_id, count(*) as delivered, "
                            + "sum(case when language = preferred_language then 1 else 0 end) as preferred "
                            + "from family_message where status = 'DELIVERED' and term_id in (:ids) group by term_id")
                    .param("ids", chunk)
                    .query((rs, n) -> preferred.put(rs.getLong("term_id"),
                            new Share(rs.getInt("preferred"), rs.getInt("delivered"))))
                    .list();
            jdbc.sql(REPLIES)
                    .param("ids", chunk)
                    .query((rs, n) -> {
                        long term = rs.getLong("term_id");
                        updated.merge(term, new Share(rs.getInt("answered"), rs.getInt("replies")), Share::plus);
                        preferred.merge(term, new Share(rs.getInt("in_their_language"), rs.getInt("answers_sent")),
                                Share::plus);
                        return term;
                    })
                    .list();
        }
        Map<Long, CaregiverFacts> facts = new HashMap<>();
        for (Long term : termIds) {
            if (updated.containsKey(term) || introduced.containsKey(term) || preferred.containsKey(term)) {
                facts.put(term, new CaregiverFacts(updated.getOrDefault(term, Share.NO_DATA),
                        introduced.getOrDefault(term, Share.NO_DATA), preferred.getOrDefault(term, Share.NO_DATA),
                        notReached.get(term), late.getOrDefault(term, Share.NO_DATA)));
            }
        }
        return facts;
    }

    @Override
    public List<UpdateCycle> cyclesOf(long termId) {
        return jdbc.sql("select cycle_no, min(delivered_on) as sent_on, "
                        + "count(distinct case when status = 'DELIVERED' then student_id end) as reached, "
                        + "count(distinct student_id) as students from family_message "
                        + "where term_id = ? and kind = 'PROGRESS_UPDATE' and status <> 'WITHHELD' "
                        + "group by cycle_no order by cycle_no")
                .param(termId)
                .query((rs, n) -> new UpdateCycle(rs.getInt("cycle_no"), rs.getObject("sent_on", LocalDate.class),
                        rs.getInt("reached"), rs.getInt("students"), null))
                .list();
    }
}
