package app.tandem.bench;

/**
 * One figure of the report.
 *
 * @param target   the target as people state it ("≥ 0.7", "< 50 ms"), or "" when there is none
 * @param met      whether the figure meets its target; null when there is no target
 */
record Result(String scenario, String database, String metric, String unit, double median, double spreadLow,
              double spreadHigh, int repetitions, String baseline, Double ratio, String target, Boolean met) {
}
