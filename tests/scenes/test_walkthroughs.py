"""Play each historical scene through the engine: its historical path, and every counterfactual.

Two forms: Python paths below (to every ending, and the locks earlier choices
set), and transcript files in walkthroughs/ (the historical paths, with what
must be shown at each step), run by the authoring tools' walkthrough runner.

Paths are data: the option ids chosen in order ("continue" for a passage that
simply goes on), and the ending node each must reach. Every walkthrough runs
twice, straight and with a save and reload after each step (see conftest).
A test also checks that every ending of every scene has a walkthrough here, so
an ending added later without one fails.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from game.authoring.report import render_all
from game.authoring.walkthrough import find_walkthroughs, read_walkthrough
from game.authoring.walkthrough_run import middle_step, run_walkthrough
from game.engine import ChoiceUnavailable, Story
from game.model import EndingKind, Verdict
from tests.scenes.conftest import HISTORICAL_SCENES, Driver

C = "continue"

#: scene -> ending node -> the choices that reach it. The historical path comes first.
WALKTHROUGHS: dict[str, dict[str, list[str]]] = {
    "recruiting_duggan": {
        "recruited": [
            C, "start_with_field", "write_it_all", C, "rebuke_ernst", "argue_with_hiss",
            "meet_helen", "draw_them_away", "appeal_to_ideals", C, "accept_terms",
            "keep_helen_out", "no_money",
        ],
        "hiss_network": [
            C, "start_with_field", "write_it_all", C, "rebuke_ernst", "let_hiss_have_him", C,
            "meet_helen", "join_hiss", C, "hand_to_hiss", C,
        ],
        "duggan_withdraws": [
            C, "start_with_field", "write_it_all", C, "rebuke_ernst", "argue_with_hiss",
            "meet_helen", "draw_them_away", "appeal_to_ideals", C, "accept_terms",
            "insist_on_helen", C,
        ],
        "insulted": [
            C, "start_with_field", "write_it_all", C, "rebuke_ernst", "argue_with_hiss",
            "meet_helen", "draw_them_away", "appeal_to_ideals", C, "accept_terms",
            "keep_helen_out", "offer_payment", C,
        ],
    },
    "moscow_interrogation": {
        "in_the_fold": [
            C, C, "read_reports", "complain", "accept", C, "tell_stories", "defend_ludwig",
            "warm_to_him", "believe_the_name", "elaborate", "watch_every_word", C,
            "believe_announcement",
        ],
        "accused_ending": [
            C, C, "read_reports", "complain", "accept", C, "tell_stories", "defend_ludwig",
            "warm_to_him", "believe_the_name", "ask_about_ludwig", C,
        ],
        "informer_ending": [
            C, C, "read_reports", "complain", "accept", C, "tell_stories", "disown_ludwig", C,
            "warm_to_him", "believe_the_name", "name_names", C,
        ],
    },
    "exit_visa": {
        "departure": [
            "ask_peter", "ask_higher", C, "heed_warning", C, "meet_his_eyes", "no_story",
            "mimic_laugh", C, "use_the_fields", "threaten_legation", "wait_it_out", C,
            "let_him_go", "leave_the_service",
        ],
        "still_waiting": [
            "ask_peter", "ask_higher", C, "heed_warning", C, "meet_his_eyes", "no_story",
            "mimic_laugh", C, "use_the_fields", "plead_as_friend", C, "wait_on", C,
        ],
        "at_the_legation": [
            "ask_peter", "ask_higher", C, "heed_warning", C, "meet_his_eyes", "no_story",
            "mimic_laugh", C, "use_the_fields", "threaten_legation", "go_to_legation",
            "go_in", C,
        ],
        "threat_withdrawn": [
            "ask_peter", "ask_higher", C, "heed_warning", C, "meet_his_eyes", "no_story",
            "mimic_laugh", C, "use_the_fields", "threaten_legation", "call_back", C,
        ],
    },
}

#: The historical path follows the record: its choices are historical, disputed
#: where the sources themselves disagree about what happened, or unrecorded where
#: the sources record no choice at all, only what followed (The Exit Visa: what
#: Massing said after Zarubin's refusal, how she spent the hours after her call;
#: Recruiting Duggan: the recruiting conversation itself).
ON_THE_RECORD = {Verdict.HISTORICAL, Verdict.DISPUTED, Verdict.UNRECORDED}
#: At each decision the historical path takes the best-supported option on offer.
_SUPPORT = {Verdict.HISTORICAL: 0, Verdict.DISPUTED: 1, Verdict.UNRECORDED: 2, Verdict.DIVERGED: 3}

Drive = Callable[[str], Driver]


def _play(drive: Drive, scene_id: str, path: list[str]) -> tuple[Driver, list[Verdict]]:
    driver = drive(scene_id)
    verdicts: list[Verdict] = []
    for step, option_id in enumerate(path):
        assert not driver.player.is_over, f"step {step}: already over before '{option_id}'"
        available = [o.id for o in driver.player.options if o.available]
        assert option_id in available, (
            f"step {step} at '{driver.player.passage.node_id}': '{option_id}' not in {available}"
        )
        outcome = driver.choose(option_id)
        if outcome.record is not None:
            verdicts.append(outcome.record.verdict)
    return driver, verdicts


def _best_supported(driver: Driver, option_id: str) -> bool:
    """Whether `option_id` is the best-supported option available where the player stands:
    no available option beside it has a record nearer to what happened."""
    node = driver.player.node
    if not node.choices:
        return True
    ranks = {
        choice.id: _SUPPORT[choice.record.verdict]
        for choice in node.choices
        if choice.record is not None
        and any(o.id == choice.id and o.available for o in driver.player.options)
    }
    return ranks[option_id] == min(ranks.values())


@pytest.mark.parametrize("scene_id", HISTORICAL_SCENES)
def test_historical_path_reaches_the_historical_ending(drive: Drive, scene_id: str) -> None:
    ending_node, path = next(iter(WALKTHROUGHS[scene_id].items()))
    driver = drive(scene_id)
    for option_id in path:  # never a weaker-supported option where a stronger one was open
        assert _best_supported(driver, option_id), (driver.player.node.id, option_id)
        driver.choose(option_id)
    driver, verdicts = _play(drive, scene_id, path)
    player = driver.player
    assert player.is_over
    assert player.passage.node_id == ending_node
    assert player.ending is not None and player.ending.kind is EndingKind.HISTORICAL
    assert player.ending.citations
    assert set(verdicts) <= ON_THE_RECORD, verdicts
    assert Verdict.HISTORICAL in verdicts


COUNTERFACTUALS = [
    (scene_id, ending, path)
    for scene_id, endings in WALKTHROUGHS.items()
    for ending, path in list(endings.items())[1:]
]


@pytest.mark.parametrize(("scene_id", "ending_node", "path"), COUNTERFACTUALS,
                         ids=[f"{s}-{e}" for s, e, _ in COUNTERFACTUALS])
def test_counterfactual_ending_is_reached(
    drive: Drive, scene_id: str, ending_node: str, path: list[str]
) -> None:
    driver, verdicts = _play(drive, scene_id, path)
    player = driver.player
    assert player.passage.node_id == ending_node
    assert player.ending is not None and player.ending.kind is EndingKind.COUNTERFACTUAL
    # the step that left the record says so
    assert verdicts[-1] is Verdict.DIVERGED
    assert "did not happen" in player.passage.text


@pytest.mark.parametrize("scene_id", HISTORICAL_SCENES)
def test_every_ending_has_a_walkthrough(story: Story, scene_id: str) -> None:
    endings = {node.id for node in story.scenes[scene_id].endings}
    assert endings == set(WALKTHROUGHS[scene_id])


# -- consequences: earlier choices lock and unlock later options ------------------


def _locked(driver: Driver) -> dict[str, str]:
    return {o.id: o.locked_reason for o in driver.player.options if not o.available}


def test_duggan_choices_lock_later_options(drive: Drive) -> None:
    # Keeping Hiss's approach from Fred and dropping Ernst expose the network, so Fred
    # keeps Hede away from Larry; quarrelling with Hiss closes the way to working with
    # him; money on the table costs trust (no asking for papers) and cannot be tried twice.
    driver, _ = _play(drive, "recruiting_duggan", [
        C, "start_with_duggan", C, "keep_it_quiet", C, C, "drop_ernst", C,
    ])
    assert driver.player.node.id == "cell_meeting"
    assert "how little Fred has been told" in driver.player.passage.text
    _play_on(driver, ["argue_with_hiss"])
    assert driver.player.variables["exposure"] == 4
    assert "press_larry" in _locked(driver)
    assert "Fred has heard about Hiss anyway" in driver.player.passage.text
    _play_on(driver, ["meet_helen"])
    assert "join_hiss" in _locked(driver)
    assert "quarrelled" in _locked(driver)["join_hiss"]
    _play_on(driver, ["draw_them_away"])
    assert "hand_to_hiss" in _locked(driver)
    assert "your dinners" in driver.player.passage.text  # Gutzeit's way was remembered
    _play_on(driver, ["offer_money", C])
    assert "documents_now" in _locked(driver)  # trust +1 +1 -2 = 0: not enough to ask
    assert "The money you named" in driver.player.passage.text
    _play_on(driver, ["accept_terms", "keep_helen_out"])
    assert "offer_payment" in _locked(driver)
    _play_on(driver, ["no_money"])
    assert driver.player.passage.node_id == "recruited"


def test_duggan_trust_opens_the_request_for_papers(drive: Drive) -> None:
    # The patient way (Helen as a friend, Hiss kept off, ideals) earns enough trust to
    # ask for documents, which the record says he could not yet give.
    patient = WALKTHROUGHS["recruiting_duggan"]["recruited"][:10]
    driver, _ = _play(drive, "recruiting_duggan", patient)
    assert driver.player.node.id == "his_terms"
    assert "documents_now" not in _locked(driver)
    outcome = driver.choose("documents_now")
    assert outcome.record is not None and outcome.record.verdict is Verdict.DIVERGED
    assert driver.player.node.id == "papers_asked" and driver.player.passage.dramatised


def test_interrogation_choices_lock_later_options(drive: Drive) -> None:
    # Saying nothing leaves nothing to raise with Peter; disowning Ludwig closes the
    # accusation and opens the betrayal; a low-suspicion couple may speak freely.
    driver, _ = _play(drive, "moscow_interrogation", [
        C, C, "push_it_away", C, "stay_silent", C, "accept", C,
    ])
    assert "ask_about_deaths" in _locked(driver)  # never complained
    _play_on(driver, ["tell_stories", "disown_ludwig", C, "warm_to_him", "believe_the_name"])
    locked = _locked(driver)
    assert "ask_about_ludwig" in locked and "name_names" not in locked
    _play_on(driver, ["elaborate"])
    assert "speak_freely" not in _locked(driver)  # suspicion stayed low
    _play_on(driver, ["speak_freely", C, C])
    assert driver.player.passage.node_id == "slutsky_dies"


def test_interrogation_passages_remember_earlier_choices(drive: Drive) -> None:
    # The same passage reads differently after defending Ludwig and after disowning him.
    defended, _ = _play(drive, "moscow_interrogation", [
        C, C, "read_reports", "complain", "accept", C, "tell_stories", "defend_ludwig",
    ])
    disowned, _ = _play(drive, "moscow_interrogation", [
        C, C, "read_reports", "complain", "accept", C, "tell_stories", "disown_ludwig", C,
    ])
    assert defended.player.passage.node_id == disowned.player.passage.node_id
    assert "defended" in defended.player.passage.text
    assert "never trusted" in disowned.player.passage.text
    assert "never trusted" not in defended.player.passage.text


#: The exit visa up to the telephone call, the way the record goes.
TO_THE_CALL = ["ask_peter", "ask_higher", C, "heed_warning", C, "meet_his_eyes", "no_story",
               "mimic_laugh", C]


def test_exit_visa_meekness_closes_the_threat_on_the_telephone(drive: Drive) -> None:
    # Waiting, bowing to the important man, retelling the story and apologising
    # leave Hede without the nerve to threaten: only the plea is left at the call.
    driver, _ = _play(drive, "exit_visa", [
        "ask_peter", "wait", C, "heed_warning", C, "greet_politely", C, "tell_again", C,
        "apologise", C, C, "use_the_fields",
    ])
    assert driver.player.passage.node_id == "the_call"
    assert driver.player.variables["resolve"] == -2
    locked = _locked(driver)
    assert "nerve" in locked["threaten_legation"]
    assert "plead_as_friend" not in locked
    with pytest.raises(ChoiceUnavailable):
        driver.player.choose("threaten_legation")


def test_exit_visa_calling_alone_leaves_no_witnesses(drive: Drive) -> None:
    driver, _ = _play(drive, "exit_visa", [*TO_THE_CALL, "call_alone", C])
    passage = driver.player.passage
    assert passage.node_id == "the_call"
    assert "Only Paul is in the room" in passage.text
    assert "Herta and Noel" not in passage.text
    assert passage.dramatised  # the unwitnessed call is not the record's
    assert "threaten_legation" in _locked(driver)


def test_exit_visa_the_witnessed_call_quotes_the_memoir(drive: Drive) -> None:
    driver, _ = _play(drive, "exit_visa", [*TO_THE_CALL, "use_the_fields"])
    passage = driver.player.passage
    assert "We have guests, Herta and Noel Field" in passage.text
    assert not passage.dramatised
    assert "threaten_legation" not in _locked(driver)


def test_exit_visa_only_a_promise_to_peter_opens_saying_it_plainly(drive: Drive) -> None:
    driver, _ = _play(drive, "exit_visa", ["ask_peter", "ask_higher", C, "heed_warning", C,
                                           "meet_his_eyes"])
    assert "Here is the man to say it to" not in driver.player.passage.text
    assert "say it plainly" in _locked(driver)["announce_quitting"]
    driver, _ = _play(drive, "exit_visa", ["ask_peter", "ask_higher", C, "say_it_plainly", C, C,
                                           "meet_his_eyes"])
    assert "announce_quitting" not in _locked(driver)
    assert "Here is the man to say it to" in driver.player.passage.text


def test_exit_visa_going_to_fred_first_closes_the_door_on_him(drive: Drive) -> None:
    driver, _ = _play(drive, "exit_visa", [
        "ask_fred", C, "ask_higher", C, "heed_warning", C, "meet_his_eyes", "no_story",
        "mimic_laugh", C, "use_the_fields", "threaten_legation", "wait_it_out", C,
    ])
    assert driver.player.passage.node_id == "knock"
    assert "turned away" in _locked(driver)["hold_him"]


def _play_on(driver: Driver, path: list[str]) -> None:
    for option_id in path:
        driver.choose(option_id)


# -- transcript walkthroughs: what is shown at each step, as data ------------------

TRANSCRIPTS = find_walkthroughs([Path(__file__).parent / "walkthroughs"])


def test_every_scene_has_a_transcript() -> None:
    named = {path.name.split("_historical")[0] for path in TRANSCRIPTS}
    assert named == set(HISTORICAL_SCENES)


@pytest.mark.parametrize("file", TRANSCRIPTS, ids=[path.name for path in TRANSCRIPTS])
def test_transcript(file: Path, story: Story, reload: bool, tmp_path: Path) -> None:
    walkthrough, problems = read_walkthrough(file)
    if walkthrough is not None:
        reload_after = middle_step(walkthrough) if reload else None
        problems += run_walkthrough(walkthrough, story, reload_after, tmp_path)
    if problems:
        pytest.fail("\n".join(render_all(problems)), pytrace=False)
