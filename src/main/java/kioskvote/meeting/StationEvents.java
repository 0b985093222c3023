package kioskvote.meeting;

/** What live screens are told: turnout moved, or a poll changed state. Never a choice. */
public interface StationEvents {
    void turnoutChanged(String pollId);

    void pollStateChanged(String pollId);

    StationEvents NONE = new StationEvents() {
        @Override
        public void turnoutChanged(String pollId) {
        }

        @Override
        public void pollStateChanged(String pollId) {
        }
    };
}
