package dev.hailway.dispatch.matching;

import java.time.Instant;
import java.util.Objects;

/** What matching does next for a trip that has no offer out. */
public sealed interface Decision {

    /** Offer the trip to this driver. */
    record MakeOffer(Candidate candidate) implements Decision {
        public MakeOffer {
            Objects.requireNonNull(candidate, "candidate");
        }
    }

    /** Nobody to ask right now: look again at {@code at}. */
    record TryAgain(Instant at) implements Decision {
        public TryAgain {
            Objects.requireNonNull(at, "at");
        }
    }

    /** Stop: no driver will be found for this trip. */
    record GiveUp(String why) implements Decision {
        public GiveUp {
            Objects.requireNonNull(why, "why");
        }
    }
}
