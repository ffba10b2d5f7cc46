package app.tandem.tasklist;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.tandem.directory.School;
import app.tandem.directory.Viewer;

/** The schools a person may filter their task list by: their own, or the whole district's for its readers. */
@Component
public class InboxSchools {

    private final JdbcClient jdbc;

    InboxSchools(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<School> of(Viewer worker) {
        if (worker.readsWholeDistrict()) {
            return jdbc.sql("select id, district_id, code, name from school where district_id = ? order by name")
                    .param(worker.districtId())
                    .query(School::row)
                    .list();
        }
        if (worker.schoolIds().isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id, district_id, code, name from school where id in (:ids) order by name")
                .param("ids", worker.schoolIds())
                .query(School::row)
                .list();
    }
}
