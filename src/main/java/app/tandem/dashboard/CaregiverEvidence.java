package app.tandem.dashboard;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The family work's evidence for indicators 4e.1 to 4e.3, which the family feature provides as a Spring
 * bean. Until one exists the dashboard uses {@link #NONE} and shows "No data yet" for all three.
 */
public interface CaregiverEvidence {

    /**
     * @return per term id, the facts of each term that has any; a term left out has no data yet
     */
    Map<Long, CaregiverFacts> ofTerms(Collection<Long> termIds);

    /** @return the caregiver update cycles of one term, oldest first; empty when none was sent */
    List<UpdateCycle> cyclesOf(long termId);

    /**
     * One term's caregiver evidence. Each share is {@link Share#NO_DATA} when nothing is counted yet.
     *
     * @param updatedEachCycle     4e.1: students (counted once per cycle) whose caregivers got that cycle's update
     * @param reachedBeforeStart   4e.2: caregivers introduced on time and reached with the program introduction
     *                             before the term started
     * @param introducedLate       beside 4e.2, never in it: caregivers introduced late because their child
     *                             enrolled after the introductions went out, and how many were reached
     * @param inPreferredLanguage  4e.3: messages to caregivers sent in the caregiver's preferred language
     * @param notYetReached        caregivers the program has not reached yet, or null when unknown
     */
    record CaregiverFacts(Share updatedEachCycle, Share reachedBeforeStart, Share inPreferredLanguage,
                          Integer notYetReached, Share introducedLate) {

        public CaregiverFacts(Share updatedEachCycle, Share reachedBeforeStart, Share inPreferredLanguage,
                              Integer notYetReached) {
            this(updatedEachCycle, reachedBeforeStart, inPreferredLanguage, notYetReached, Share.NO_DATA);
        }
    }

    /**
     * @param cycle            1, 2, ... within the term
     * @param sentOn           the day the cycle's updates went out (the first of them), or null if none yet
     * @param studentsUpdated  students whose caregivers got this cycle's update
     * @param students         students in the program that cycle
     * @param link             where the cycle's record opens, or null
     */
    record UpdateCycle(int cycle, LocalDate sentOn, int studentsUpdated, int students, String link) {
    }

    /** No family evidence exists yet. */
    CaregiverEvidence NONE = new CaregiverEvidence() {
        @Override
        public Map<Long, CaregiverFacts> ofTerms(Collection<Long> termIds) {
            return Map.of();
        }

        @Override
        public List<UpdateCycle> cyclesOf(long termId) {
            return List.of();
        }
    };
}
