package app.tandem.assessment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param inPlaceFrom the share of evidence (whole percent) from which an indicator is proposed "in place"
 * @param partlyFrom  from which it is "partly in place"; below it, "not in place"
 */
@ConfigurationProperties("tandem.assessment")
record AssessmentSettings(int inPlaceFrom, int partlyFrom) {

    Thresholds thresholds() {
        return new Thresholds(inPlaceFrom, partlyFrom);
    }
}
