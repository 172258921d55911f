"""`FacilitatorSession`: a guided class session over a plan, with no screen of its own.

The projector screen and the terminal facilitator both drive this one object
and draw its `view()`: the plan's opening, each passage, the question before
the vote (`ask`), a vote tally filled from a show of hands, a timer, then the
record with the question to discuss, the other options' records on request
("What if I had…"), and a closing for the debrief. The class's pick (the most votes; a tie needs the
facilitator) or the facilitator's override drives the story through the same
`Player` every front end uses; taking the votes is `session_votes.py`'s.
Every action is written to the session log before the method returns, so a
crash loses nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from game.classroom.lesson_clock import LessonClock
from game.classroom.phases import Phase
from game.classroom.plans import Plan, Reveal
from game.classroom.session_log import SessionLog, plan_header
from game.classroom.session_votes import VoteTaking
from game.classroom.tally import Tally
from game.engine import Outcome, Player, Story
from game.model import Record

#: Going through passages to the next decision stops after this many, whatever the scene.
_MAX_SKIP = 500
#: The phases in which the story has moved on from a decision that can still be taken back.
_AFTER_A_CHOICE = (Phase.CHOSEN, Phase.REVEALED)


@dataclass(frozen=True)
class Decision:
    """A choice the class made (or the facilitator made for it) in the current scene."""

    step: int  # index in the player's history
    node_id: str
    choice_id: str
    choice_text: str
    record: Record | None
    tally: dict[str, int]
    by: str  # "class" or "facilitator"
    seconds: float
    scene_id: str = ""


class FacilitatorSession(VoteTaking):
    """A plan played scene by scene, each decision put to the class (its votes: `VoteTaking`)."""

    def __init__(
        self,
        plan: Plan,
        story: Story,
        log: SessionLog,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not plan.scenes:
            raise ValueError("the plan has no scenes")
        self.plan = plan
        self.story = story
        self.log = log
        self.clock = LessonClock(clock)
        self.scene_index = 0
        self.player: Player = story.new_player(plan.scenes[0].scene_id)
        self.phase = Phase.INTRODUCTION
        self.message = ""
        self.votes = Tally()
        self.decisions: list[Decision] = []  # this scene's, in order
        self.earlier_decisions: list[Decision] = []  # the scenes already played
        self.last_outcome: Outcome | None = None
        self.tied: tuple[str, ...] = ()
        self.records_shown = False  # the closing page lists every choice's record (R)
        self.others_shown = False  # the revealed record's other options' records (W)
        self.clock.start_part(plan.introduction_minutes)

    log_header = staticmethod(plan_header)

    # -- what is on screen ------------------------------------------------------
    @property
    def scene_id(self) -> str:
        return self.player.scene.id

    @property
    def paused(self) -> bool:
        """Paused: the timers stop, the screen is blanked, nothing else can be done."""
        return self.clock.paused

    @property
    def ask(self) -> str:
        """The decision's question, put to the class before the vote (it asks, never tells)."""
        return self.player.node.ask

    @property
    def prompts(self) -> tuple[str, ...]:
        """The plan's own prompts for this decision, shown during the vote. The scene's
        `discuss` waits for the record (`FacilitatorView.revealed.discuss`)."""
        return self.plan.prompts_for(self.scene_id, self.player.node.id)

    @property
    def decision_seconds(self) -> float:
        """Time spent on the current decision, pauses left out."""
        return self.clock.decision_seconds

    @property
    def all_decisions(self) -> list[Decision]:
        """Every decision of the session that still stands, scene after scene."""
        return self.earlier_decisions + self.decisions

    # -- moving on --------------------------------------------------------------
    def advance(self) -> bool:
        """Space/Enter: begin, decide the vote, continue past a passage or record, or go on."""
        if not self._can_act(Phase.INTRODUCTION, Phase.READING, Phase.VOTING, Phase.CHOSEN,
                             Phase.REVEALED, Phase.SCENE_ENDED):
            return False
        if self.phase is Phase.INTRODUCTION:
            self._log("introduction_ended", seconds=round(self.clock.part_seconds, 1))
            self._start_scene()
            return True
        if self.phase is Phase.READING:
            options = [option for option in self.player.options if option.available]
            if not options:
                self.message = "Nothing to continue to."
                return False
            return self._take(options[0].id, by="", tally={})
        if self.phase is Phase.VOTING:
            return self._decide_vote()
        if self.phase in _AFTER_A_CHOICE:
            self._enter_node()
            return True
        return self.next_scene()

    def _decide_vote(self) -> bool:
        if self.total_votes == 0:
            self.message = ("No votes yet: count the show of hands first, "
                            "or override (O, then the option's number) to choose for the class.")
            return False
        leaders = self.leaders()
        if len(leaders) != 1:
            self.tied = leaders
            numbers = [o.number for o in self.player.options if o.id in leaders]
            self.message = ("A tie between " + " and ".join(str(n) for n in numbers)
                            + ": override (O, then the option's number) to decide for the class.")
            self._log("tie", choices=list(leaders), tally=dict(self.tally))
            return False
        return self._take(leaders[0], by="class", tally=dict(self.tally))

    def override(self, option: str | int) -> bool:
        """The facilitator decides, whatever the votes (and always after a tie)."""
        option_id = self._open_option(option)
        if option_id is None:
            return False
        return self._take(option_id, by="facilitator", tally=dict(self.tally))

    def _take(self, option_id: str, by: str, tally: dict[str, int]) -> bool:
        step = len(self.player.playthrough.history)
        node_id = self.player.node.id
        seconds = round(self.decision_seconds, 1)
        outcome = self.player.choose(option_id)
        self.last_outcome = outcome
        self.tied, self.others_shown = (), False
        self.message = ""
        verdict = outcome.record.verdict.value if outcome.record else None
        if by:
            self.decisions.append(
                Decision(step, node_id, option_id, outcome.choice_text, outcome.record,
                         tally, by, seconds, self.scene_id)
            )
            self._log("decided", node=node_id, choice=option_id, verdict=verdict, by=by,
                      tally=tally, votes=sum(tally.values()), seconds=seconds, step=step)
        else:
            self._log("continued", node=node_id, choice=option_id, verdict=verdict, step=step)
        if outcome.record is not None and self.plan.reveal is Reveal.AFTER_EACH_VOTE:
            self.phase = Phase.REVEALED
            self._log("revealed", node=node_id, choice=option_id, verdict=verdict)
        elif by and not self.player.is_over:
            # The record waits for the scene's end; say what was chosen before moving on
            # (the ending's page says it for the last choice, with every record).
            self.phase = Phase.CHOSEN
        else:
            self._enter_node()
        return True

    def skip_to_decision(self) -> bool:
        """N: go through passages without decisions until the next decision or the ending."""
        if not self._can_act(Phase.READING, *_AFTER_A_CHOICE):
            if self.phase is Phase.VOTING and not self.paused:
                self.message = "This is a decision: take the vote, or override."
            return False
        from_node = self.player.node.id if self.phase is Phase.READING else self._last_node()
        if self.phase in _AFTER_A_CHOICE:
            self._enter_node(log=False)
        steps = 0
        while self.phase is Phase.READING and steps < _MAX_SKIP:
            option = next((o for o in self.player.options if o.available), None)
            if option is None:
                break
            self.player.choose(option.id)
            steps += 1
            self._enter_node(log=False)
        self._log("skipped", from_node=from_node, to_node=self.player.node.id, steps=steps)
        return True

    def _last_node(self) -> str:
        history = self.player.playthrough.history
        return history[-1].node_id if history else self.player.node.id

    def back(self) -> bool:
        """B: undo the last decision (with its votes restored), or go back to the scene's start.

        From the closing debrief, B goes back to the last scene's end, with its records.
        """
        if self.phase is Phase.FINISHED and not self.paused:
            return self._reopen_last_scene()
        if not self._can_act(Phase.READING, Phase.VOTING, *_AFTER_A_CHOICE, Phase.SCENE_ENDED):
            return False
        history = self.player.playthrough.history
        current = self.player.node.id
        if self.phase is Phase.VOTING:
            # Back from a decision means the decision before it.
            earlier = [d for d in self.decisions if d.step < len(history)]
        else:
            earlier = list(self.decisions)
        if earlier:
            target = earlier[-1]
            to_step = target.step
        elif history:
            target, to_step = None, 0
        else:
            self.message = "This is the start of the scene."
            return False
        undone = sum(1 for decision in self.decisions if decision.step >= to_step)
        steps_undone = len(history) - to_step
        self.decisions = [d for d in self.decisions if d.step < to_step]
        self.player.rewind(to_step)
        self._enter_node(log=False)
        if target is not None and self.phase is Phase.VOTING:
            self.votes.restore(target.tally)  # the class sees the votes it gave
        self._log("went_back", from_node=current, to_node=self.player.node.id,
                  steps_undone=steps_undone, decisions_undone=undone, tally=dict(self.tally))
        return True

    def next_scene(self) -> bool:
        """Go on to the plan's next scene (or the closing debrief after the last)."""
        if self.paused:
            self.message = "Paused: press P to resume."
            return False
        if self.phase is Phase.FINISHED:
            return False
        if self.phase is Phase.INTRODUCTION:
            return self.advance()  # the first scene is the next one
        if not self.player.is_over:
            self._log("scene_left", node=self.player.node.id)
        self.player.close()
        self.earlier_decisions += self.decisions
        self.decisions = []
        if self.scene_index + 1 >= len(self.plan.scenes):
            self.phase = Phase.FINISHED
            self.message = ""
            self.clock.start_part(self.plan.debrief_minutes)
            self._log("plan_finished", scenes=len(self.plan.scenes))
            return True
        self.scene_index += 1
        self.player = self.story.new_player(self.plan.scenes[self.scene_index].scene_id)
        self._start_scene()
        return True

    def _reopen_last_scene(self) -> bool:
        """Back from the closing page to the last scene's ending and its records."""
        self.player = self.story.resume(self.player.playthrough)
        kept = len(self.earlier_decisions)  # the last scene's decisions are the list's tail
        while kept and self.earlier_decisions[kept - 1].scene_id == self.scene_id:
            kept -= 1
        self.decisions = self.earlier_decisions[kept:]
        self.earlier_decisions = self.earlier_decisions[:kept]
        self.phase, self.message, self.records_shown = Phase.SCENE_ENDED, "", False
        self.clock.start_part(self.plan.scenes[self.scene_index].minutes)
        self._log("went_back", from_node="debrief", to_node=self.player.node.id,
                  steps_undone=0, decisions_undone=0, tally={})
        return True

    def toggle_what_if(self) -> bool:
        """W with a record revealed: show (or hide) the records of the options the class did
        not take. Only reading: the path, the votes and the history stay as they are."""
        if self.phase is not Phase.REVEALED or self.paused:
            if self.phase is Phase.CHOSEN and not self.paused:
                self.message = "The records are kept for the end of the scene."
            return False
        self.others_shown = not self.others_shown
        if self.others_shown:
            self._log("other_records_shown", node=self._last_node())
        return True

    def toggle_records(self) -> bool:
        """R on the closing page: show (or hide) the record of every choice of the session."""
        if self.phase is not Phase.FINISHED or self.paused:
            return False
        self.records_shown = not self.records_shown
        return True

    # -- pause --------------------------------------------------------------------
    def toggle_pause(self) -> bool:
        """P: pause (the timer stops, the screen is blanked) or resume."""
        if self.paused:
            paused_for = self.clock.resume()
            self.message = ""
            self._log("resumed", paused_seconds=round(paused_for, 1))
        else:
            self.clock.pause()
            self.message = ""  # the Pause screen shows no leftover from before it
            self._log("paused", node=self.player.node.id)
        return True

    def end(self, how: str = "") -> None:
        """Close the session: its log ends with `session_ended` (`how`: e.g. "window closed")."""
        if self.log.closed:
            return
        done = self.scene_index + (1 if self.phase is Phase.FINISHED else 0)
        extra = {"how": how} if how else {}
        self._log("session_ended", scenes_done=done,
                  minutes=round(self.clock.session_minutes, 1), **extra)
        self.log.close()

    # -- inside ---------------------------------------------------------------------
    def _start_scene(self) -> None:
        scene = self.player.scene
        self.decisions = []
        planned = self.plan.scenes[self.scene_index].minutes
        self.clock.start_part(planned)
        self._log("scene_started", title=scene.title, content_hash=scene.content_hash,
                  planned_minutes=planned)
        self._enter_node()

    def _enter_node(self, log: bool = True) -> None:
        """Set the phase for the passage the player has arrived at."""
        node = self.player.node
        self.votes, self.tied = Tally(), ()
        self.others_shown = False
        if self.player.is_over:
            self.phase = Phase.SCENE_ENDED
            ending = self.player.ending
            self._log("scene_ended", node=node.id, ending=ending.kind.value if ending else None)
            if self.plan.reveal is Reveal.AT_END:
                for decision in self.decisions:
                    self._log("revealed", node=decision.node_id, choice=decision.choice_id,
                              verdict=decision.record.verdict.value if decision.record else None,
                              at_end=True)
        elif node.is_decision:
            self.phase = Phase.VOTING
            self.votes = Tally(choice.id for choice in node.choices)
            self.clock.start_decision()
            if log:
                self._log("decision_shown", node=node.id)
        else:
            self.phase = Phase.READING
            if log:
                self._log("passage_shown", node=node.id)

    def _log(self, event: str, **fields: object) -> None:
        """Write one event, with the scene it happened in, to the session log."""
        self.log.write(event, scene=self.scene_id, **fields)
