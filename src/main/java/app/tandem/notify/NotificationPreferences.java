package app.tandem.notify;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Each person's task notification choices; no row means the defaults. */
@Repository
public class NotificationPreferences {

    private final JdbcClient jdbc;

    NotificationPreferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public TaskPreferences of(String username) {
        return jdbc.sql("select task_assigned, task_offered from notification_preference where username = ?")
                .param(username)
                .query((rs, n) -> new TaskPreferences(Delivery.valueOf(rs.getString(1)), Delivery.valueOf(rs.getString(2))))
                .optional()
                .orElse(TaskPreferences.DEFAULTS);
    }

    /** Everyone who chose something other than the defaults. */
    /** Whether anyone wants an email at once when a task is offered to their group (the default is the digest). */
    boolean anyoneWantsOfferedTasksAtOnce() {
        boolean defaultIsAtOnce = TaskPreferences.DEFAULTS.offered() == Delivery.IMMEDIATE;
        return defaultIsAtOnce || jdbc.sql("select count(*) from notification_preference where task_offered = ?")
                .param(Delivery.IMMEDIATE.name()).query(Long.class).single() > 0;
    }

    Map<String, TaskPreferences> allChosen() {
        return jdbc.sql("select username, task_assigned, task_offered from notification_preference")
                .query((rs, n) -> Map.entry(rs.getString(1), new TaskPreferences(Delivery.valueOf(rs.getString(2)),
                        Delivery.valueOf(rs.getString(3)))))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Transactional
    public void save(String username, TaskPreferences preferences) {
        int updated = jdbc.sql("update notification_preference set task_assigned = ?, task_offered = ? where username = ?")
                .params(preferences.assigned().name(), preferences.offered().name(), username)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into notification_preference (username, task_assigned, task_offered) values (?, ?, ?)")
                    .params(username, preferences.assigned().name(), preferences.offered().name())
                    .update();
        }
    }
}
