package app.tandem.dashboard;

import java.time.LocalDate;

/** Where one school's program stands for one term, as the process last wrote it. */
public record Standing(long termId, long schoolId, String processInstanceId, Phase phase, NextStep next,
                Integer nextNumber, LocalDate nextOn) {
}
