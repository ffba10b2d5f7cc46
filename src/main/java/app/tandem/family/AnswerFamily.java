package app.tandem.family;

/** The names the answer-family model and the Java code share. */
public final class AnswerFamily {

    public static final String PROCESS_KEY = "answer-family";

    public static final String REPLY_RECEIVED = "replyReceived";
    public static final String IS_THE_SENDER_KNOWN = "isTheSenderKnown";
    public static final String ANSWER_FAMILY = "answerFamily";
    public static final String IS_THERE_AN_ANSWER = "isThereAnAnswer";
    public static final String SEND_ANSWER = "sendAnswer";
    public static final String FAMILY_ANSWERED = "familyAnswered";
    public static final String NO_ANSWER_NEEDED = "noAnswerNeeded";
    public static final String SORT_OUT_REPLY = "sortOutReply";
    public static final String REPLY_SORTED_OUT = "replySortedOut";

    /** Process variables: ids and booleans only; the mail's text stays in family_reply. */
    public static final class Var {
        public static final String REPLY_ID = "replyId";
        public static final String SENDER_KNOWN = "senderKnown";
        public static final String ANSWER_TO_SEND = "answerToSend";

        private Var() {
        }
    }

    private AnswerFamily() {
    }

    public static String idempotencyKey(long replyId) {
        return "family-answer:" + replyId;
    }

    public static java.util.Optional<Long> replyIdOf(String idempotencyKey) {
        if (idempotencyKey == null || !idempotencyKey.startsWith("family-answer:")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Long.parseLong(idempotencyKey.substring("family-answer:".length())));
    }
}
