"""The question round: each probing question goes round the group, one timed turn per person.

Airtime accumulates into Participant.airtime_seconds and is persisted at the end
of every turn (that person's airtime only), so a crash loses at most the turn in progress.

After a new question the round can hold a silence of a few seconds before the first turn's
timer starts: the silence is what makes people open up. The turn starts when the silence
ends (`poll`), or at once when the facilitator skips it.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from studygroup.clock import MonotonicSource
from studygroup.model import Participant, Session

DEFAULT_TURN_SECONDS = 90.0
DEFAULT_SILENCE_SECONDS = 5.0


class QuestionRound:
    """Turn order over the participants; the time source needs only `monotonic()` (see clock.ManualTime)."""

    def __init__(
        self,
        session: Session,
        time_source: MonotonicSource,
        persist: Callable[[Participant], None] | None = None,
        turn_seconds: float = DEFAULT_TURN_SECONDS,
        seed: int | None = None,
        silence_seconds: float = 0.0,
    ):
        if not session.participants:
            raise ValueError("A question round needs at least one person in the group.")
        self.session, self.time, self.persist = session, time_source, persist
        self.turn_seconds, self.silence_seconds = turn_seconds, silence_seconds
        self.order: list[Participant] = list(session.participants)
        if seed is not None:
            random.Random(seed).shuffle(self.order)
        self.questions = session.scenario.probing_questions or ["What happened, and how did it feel?"]
        self.question_index, self.turn_index = 0, 0
        self._turn_started: float | None = None
        self._silence_started: float | None = None
        self.finished = False

    # --- reading --------------------------------------------------------------

    @property
    def person(self) -> Participant:
        return self.order[self.turn_index]

    @property
    def question(self) -> str:
        return self.questions[self.question_index]

    @property
    def running(self) -> bool:
        return self._turn_started is not None

    def turn_elapsed(self) -> float:
        started = self._turn_started
        return self.time.monotonic() - started if started is not None else 0.0

    def turn_remaining(self) -> float:
        """Seconds left in this person's turn; negative once they run over."""
        return self.turn_seconds - self.turn_elapsed()

    @property
    def silent(self) -> bool:
        """A silence after a new question is being held; the turn's timer has not started."""
        return self._silence_started is not None

    def silence_remaining(self) -> float:
        started = self._silence_started
        if started is None:
            return 0.0
        return max(0.0, self.silence_seconds - (self.time.monotonic() - started))

    # --- controls ---------------------------------------------------------------

    def start_turn(self) -> None:
        """Start (or carry on) this person's turn; during a silence, skip the rest of it."""
        if not self.finished and not self.running:
            self._silence_started = None
            self._turn_started = self.time.monotonic()

    def poll(self) -> bool:
        """End a silence whose seconds are up; True when that started the turn.

        The turn starts when the silence ended, not when this was asked: a late poll costs no one airtime.
        """
        started = self._silence_started
        if started is None or self.time.monotonic() - started < self.silence_seconds:
            return False
        self._silence_started = None
        self._turn_started = started + self.silence_seconds
        return True

    def pause(self) -> None:
        """Stop this turn's timer, keeping the airtime so far."""
        self._close_turn()

    def next_turn(self) -> bool:
        """End this turn and start the next person's (the next question, after its silence, after the last person).

        Returns False when the last person has answered the last question.
        """
        self._close_turn()
        self.turn_index += 1
        if self.turn_index == len(self.order):
            self.turn_index = 0
            self.question_index += 1
        if self.question_index == len(self.questions):
            self.question_index, self.finished = len(self.questions) - 1, True
            self.turn_index = len(self.order) - 1
            return False
        self._begin(new_question=self.turn_index == 0)
        return True

    def next_question(self) -> bool:
        """Skip the rest of the group: the next question starts with the first person, after the silence.

        Returns False (and finishes) when this was the last question.
        """
        self._close_turn()
        if self.question_index >= len(self.questions) - 1:
            self.finished = True
            return False
        self.question_index, self.turn_index = self.question_index + 1, 0
        self._begin(new_question=True)
        return True

    def _begin(self, new_question: bool) -> None:
        """The next turn: after a new question its silence first (when one is set), else the timer at once."""
        if new_question and self.silence_seconds > 0:
            self._silence_started = self.time.monotonic()
        else:
            self.start_turn()

    def finish(self) -> None:
        self._close_turn()
        self.finished = True

    def _close_turn(self) -> None:
        self.poll()  # a silence over but not yet polled: the turn it started counts
        self._silence_started = None
        if self.running:
            self.person.airtime_seconds += self.turn_elapsed()
            self._turn_started = None
            if self.persist:
                self.persist(self.person)
