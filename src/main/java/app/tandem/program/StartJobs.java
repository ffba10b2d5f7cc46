package app.tandem.program;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.tandem.system.DistrictClock;

/** Bulk starts and their results, kept in the database for every node of a cluster. */
@Repository
class StartJobs {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final DistrictClock clock;

    StartJobs(JdbcClient jdbc, JdbcTemplate batch, DistrictClock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    void create(String id, long districtId, String programYear, String owner, int total) {
        Timestamp now = Timestamp.from(clock.now());
        jdbc.sql("insert into program_start_job (id, district_id, program_year, started_by, started_at, heartbeat_at, "
                        + "total) values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, districtId, programYear, owner, now, now, total)
                .update();
    }

    /** Results from {@code firstSeq} on, in one batch, and the job's node is still at work. */
    void add(String id, int firstSeq, List<StartJob.Result> results) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            StartJob.Result result = results.get(i);
            rows.add(new Object[] {id, firstSeq + i, result.termId(), result.schoolName(), result.termName(),
                    result.outcome().name(), result.reason()});
        }
        batch.batchUpdate("insert into program_start_result (job_id, seq, term_id, school_name, term_name, outcome, "
                + "reason) values (?, ?, ?, ?, ?, ?, ?)", rows);
        batch.update("update program_start_job set heartbeat_at = ? where id = ?", Timestamp.from(clock.now()), id);
    }

    void finish(String id, boolean failed) {
        Timestamp now = Timestamp.from(clock.now());
        jdbc.sql("update program_start_job set finished_at = ?, heartbeat_at = ?, failed = ? where id = ?")
                .params(now, now, failed, id)
                .update();
    }

    /** The job, to the person who started it only. */
    Optional<StartJob> find(String id, String owner) {
        List<StartJob.Result> results = jdbc.sql("select term_id, school_name, term_name, outcome, reason "
                        + "from program_start_result where job_id = ? order by seq")
                .param(id)
                .query((rs, n) -> new StartJob.Result(rs.getLong(1), rs.getString(2), rs.getString(3),
                        StartJob.Outcome.valueOf(rs.getString(4)), rs.getString(5)))
                .list();
        return jdbc.sql("select district_id, program_year, total, finished_at, failed, heartbeat_at "
                        + "from program_start_job where id = ? and started_by = ?")
                .params(id, owner)
                .query((rs, n) -> new StartJob(id, owner, rs.getLong(1), rs.getString(2), rs.getInt(3), results,
                        rs.getTimestamp(4) != null, rs.getBoolean(5), rs.getTimestamp(6).toInstant(), clock.now()))
                .optional();
    }
}
