package app.tandem.notify;

import java.util.Collection;
import java.util.List;

/**
 * Unclaimed tasks offered to some groups at some schools. The task list answers from its own table of offers; it
 * implements this here so that the digest needs nothing of the task list.
 */
public interface OfferedTasks {

    /** @return the ids of open, unclaimed tasks offered to any of the groups at any of the schools */
    List<String> taskIds(Collection<String> groups, Collection<Long> schoolIds);
}
