package app.tandem.tasklist;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.tandem.notify.OfferedTasks;

/** Unclaimed tasks offered to some groups at some schools, from the tasklist's own table. */
@Component
class OpenTaskOffers implements OfferedTasks {

    private final JdbcClient jdbc;

    OpenTaskOffers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> taskIds(Collection<String> groups, Collection<Long> schoolIds) {
        if (groups.isEmpty() || schoolIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select distinct task_id from open_task_offer where school_id in (:schools) "
                        + "and group_id in (:groups)")
                .param("schools", schoolIds)
                .param("groups", groups)
                .query(String.class)
                .list();
    }
}
