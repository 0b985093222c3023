package kioskvote.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Meeting.change: the one way the meeting's setup changes (an edit, a next round, the setup restored at start). */
class MeetingChangeTest {
    private static MeetingSetup setup(int summoned) {
        return new MeetingSetup(new MeetingDetails("Hội nghị người lao động", "Công ty An Bình", LocalDate.of(2026, 3, 14),
                "08:00", "Hội trường A", summoned), List.of(new CommitteeMember("Nguyễn Văn An", "Trưởng ban")), 1, List.of());
    }

    @Test
    void aChangeThatFailsLeavesTheSetupAsItWas() {
        MeetingSetup before = setup(100);
        Meeting meeting = new Meeting("hoi-nghi-2026", before);
        assertThrows(IllegalStateException.class, () -> meeting.change(current -> {
            current.withDetails(setup(90).details()); // the next setup was built, then the database write failed
            throw new IllegalStateException("the transaction rolled back");
        }));
        assertSame(before, meeting.setup());
    }

    @Test
    void aChangeReturnsItsResultAndInstallsItsSetupOrNone() {
        Meeting meeting = new Meeting("hoi-nghi-2026", setup(100));
        assertEquals("changed", meeting.change(current -> Meeting.Change.to(setup(120), "changed")));
        assertEquals(120, meeting.summoned());
        int seen = meeting.change(current -> Meeting.Change.none(current.details().summoned()));
        assertEquals(120, seen);
        assertEquals(120, meeting.summoned());
    }

    @Test
    void twoChangesTakeTurnsAndTheSecondSeesTheFirstsSetup() throws Exception {
        Meeting meeting = new Meeting("hoi-nghi-2026", setup(100));
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        Thread first = new Thread(() -> meeting.change(current -> {
            firstInside.countDown();
            await(releaseFirst); // the first change is in its database writes
            return Meeting.Change.to(current.withDetails(setup(current.details().summoned() + 1).details()), null);
        }));
        first.start();
        await(firstInside);
        CompletableFuture<Integer> secondSaw = new CompletableFuture<>();
        Thread second = new Thread(() -> meeting.change(current -> {
            secondSaw.complete(current.details().summoned());
            return Meeting.Change.to(current.withDetails(setup(current.details().summoned() + 10).details()), null);
        }));
        second.start();
        while (second.getState() != Thread.State.BLOCKED && !secondSaw.isDone()) Thread.onSpinWait(); // a condition, not a time
        assertEquals(false, secondSaw.isDone(), "the second change ran while the first was in progress");
        releaseFirst.countDown();
        first.join();
        second.join();
        assertEquals(101, secondSaw.get(), "the second change started from the first one's setup");
        assertEquals(111, meeting.summoned(), "neither change was lost");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) throw new AssertionError("never happened");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
