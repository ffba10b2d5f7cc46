package app.tandem.program;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.tandem.system.DistrictClock;

/** Bulk starts and their results, kept in the database for every node of a cluster. */
@Repository
class StartJobs {

    private final JdbcClient jdbc;
    private final DistrictClock clock;

    StartJobs(JdbcClient jdbc, DistrictClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void create(String id, long districtId, String programYear, String owner, int total) {
        Timestamp now = Timestamp.from(clock.now());
        jdbc.sql("insert into program_start_job (id, district_id, program_year, started_by, started_at, heartbeat_at, "
                        + "total) values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, districtId, programYear, owner, now, now, total)
                .update();
    }

    void add(String id, int seq, StartJob.Result result) {
        jdbc.sql("insert into program_start_result (job_id, seq, term_id, school_name, term_name, outcome, reason) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, seq, result.termId(), result.schoolName(), result.termName(), result.outcome().name(),
                        result.reason())
                .update();
        jdbc.sql("update program_start_job set heartbeat_at = ? where id = ?")
                .params(Timestamp.from(clock.now()), id)
                .update();
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
