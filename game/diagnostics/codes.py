"""Every diagnostic code, defined once: severity, message template and an example.

Codes are stable: a code once published keeps its meaning, so authors and
teachers can search for it. docs/diagnostics.md documents each one; a test
checks that every code here appears there. Ranges:

- CN1xx  the file itself and its YAML (size, encoding, syntax, aliases, depth)
- CN2xx  the shape of a scene (keys, types, ids)
- CN3xx  references inside a scene (goto, start, unique ids, variables)
- CN4xx  conditions and effects
- CN5xx  sources and quotes
- CN6xx  authoring checks beyond loading (`cover-names lint`); CN608, CN610 and CN611,
         a record missing or citing too little, are found as the scene loads too
- CN7xx  session plans, reference data and other classroom files
"""

from __future__ import annotations

from dataclasses import dataclass

from game.diagnostics.core import Severity

E = Severity.ERROR
W = Severity.WARNING


@dataclass(frozen=True)
class Code:
    """One diagnostic code's fixed parts."""

    code: str
    severity: Severity
    template: str
    example: str


_TABLE: tuple[Code, ...] = (
    # -- CN1xx: the file and its YAML --------------------------------------
    Code("CN100", E, "cannot read the file: {reason}", "permission denied"),
    Code("CN101", E, "the file is empty", "an empty scenes/new.yaml"),
    Code("CN102", E, "the file is {size} bytes, over the limit of {limit}", "a 50 MB scene"),
    Code("CN103", E, "the file is not UTF-8 text (bad byte 0x{byte} at offset {offset})",
         "a scene saved as Latin-1"),
    Code("CN104", E, "YAML syntax error: {problem}", "a tab used for indentation"),
    Code("CN105", E, "anchors and aliases ('&' and '*') are not allowed",
         "a: &x [1]  b: *x"),
    Code("CN106", E, "nesting is deeper than {limit} levels", "[[[[[[[[...]]]]]]]]"),
    Code("CN107", E, "tags like '{tag}' are not allowed", "!!python/object"),
    Code("CN108", E, "the key '{key}' is written twice (first at line {first_line})",
         "two 'text:' keys in one node"),
    Code("CN109", E, "the file holds more than one YAML document", "a '---' between two scenes"),
    Code("CN110", E, "the top of the file must be a mapping of keys, not {found}",
         "a file that is only a list"),
    Code("CN111", E, "a mapping key must be plain text, not {found}", "? [a, b]: 1"),
    Code("CN112", E, "the number {value} is too large: a scene's whole numbers stay within "
         "±{limit}", "vars: {trust: 0xffff…ffff}"),
    # -- CN2xx: shape ---------------------------------------------------------
    Code("CN201", E, "'{key}' is required in {context}", "a node without 'text'"),
    Code("CN202", E, "unknown key '{key}' in {context}", "'txet:' for 'text:'"),
    Code("CN203", E, "'{key}' must be {expected}, not {found}", "'choices: hello'"),
    Code("CN204", E, "'{value}' is not a snake_case id", "'AskHigher' as a choice id"),
    Code("CN205", E, "'{value}' is not a known {kind}; expected one of {allowed}",
         "'verdict: true'"),
    Code("CN206", E, "{what} must not be empty", "'text: \"\"'"),
    Code("CN207", E, "the scene format {found} is newer than this game reads ({supported})",
         "'format: 9'"),
    Code("CN208", E, "a node has {conflict}", "both 'choices' and 'ending'"),
    Code("CN209", E, "a '{verdict}' record needs {needed}",
         "'verdict: disputed' with a citation that has no 'account'"),
    Code("CN210", E, "'{key}' is part of scene format 2, but this file says format 1",
         "'ask:' in a scene without 'format: 2'"),
    # -- CN3xx: references ------------------------------------------------------
    Code("CN301", E, "'{target}' is not a node of this scene", "goto: mr_y"),
    Code("CN302", E, "the start node '{target}' does not exist", "start: begining"),
    Code("CN303", E, "the choice id '{id}' is used twice in node '{node}'",
         "two choices with id 'wait'"),
    Code("CN304", E, "the scene id '{id}' is already used by {other}",
         "two files with 'id: exit_visa'"),
    Code("CN305", E, "the variable '{name}' is not declared in 'vars'", "if: \"resolv > 1\""),
    Code("CN306", E, "the variable name '{name}' is not a snake_case name", "vars: {Resolve: 0}"),
    Code("CN307", E, "the variable name '{name}' is reserved: conditions read it as a keyword",
         "vars: {true: 1}"),
    # -- CN4xx: conditions and effects ------------------------------------------
    Code("CN401", E, "cannot read the condition: {problem}", "if: \"resolve >\""),
    Code("CN402", E, "{construct} is not allowed in a condition", "if: \"open('x')\""),
    Code("CN403", E, "type mismatch: {problem}", "if: \"resolve and 'x'\""),
    Code("CN404", E, "cannot set '{name}' to {value}: {problem}",
         "set: {fields_present: +1}"),
    Code("CN405", E, "a condition must be true or false, but this one gives {found}",
         "if: \"resolve + 1\""),
    # -- CN5xx: sources and quotes --------------------------------------------------
    Code("CN501", E, "'{source}' is not a known source", "source: bazrov"),
    Code("CN502", E, "the quote is not found in '{source}'", "a quote with a changed word"),
    Code("CN503", E, "the source file '{file}' is missing", "seeds/sources.yaml names a lost file"),
    Code("CN504", E, "the source text '{file}' has changed (sha256 {found}, expected {expected})",
         "an edited seed"),
    Code("CN505", E, "the quote is too short to prove anything ({length} characters)",
         "quote: \"he\""),
    Code("CN506", E, "the source id '{id}' is already used (first at line {first_line})",
         "two sources with 'id: bazarov' in seeds/sources.yaml"),
    Code("CN507", W, "the known slip '{text}' is not in the source '{source}'",
         "known_slips: [{text: \"KGB Targets\"}] where the seed says 'KBG'"),
    Code("CN508", E, "the quote runs across two voices: {first}, then {second}",
         "a quote taking in the article's words and the memoir it quotes"),
    # -- CN51x: voices.yaml, who speaks where in the seeds (game/sources/voices_file.py)
    Code("CN510", E, "the {which} anchor '{text}' is not found in '{source}'",
         "from: \"Fred (Boris Bazarof)\""),
    Code("CN511", E, "the start anchor '{text}' stands {count} times in '{source}'",
         "a memoir passage both an article and its extracts quote"),
    Code("CN512", E, "'{work}' is not a work listed under 'works'", "work: this_decepton"),
    Code("CN513", E, "the span overlaps the one marked at line {other_line} in '{source}'",
         "two spans that share a sentence"),
    Code("CN514", E, "a span names either a 'work' or an 'article' voice, not both or neither",
         "a span with 'from' and 'to' only"),
    Code("CN515", E, "the work id '{id}' is already used (first at line {first_line})",
         "two works with 'id: this_deception'"),
    # -- CN6xx: authoring checks beyond loading (`cover-names lint`, `test`, reload) --
    Code("CN601", W, "the node '{node}' can never be reached from the start '{start}'",
         "a node no 'goto' or 'next' leads to"),
    Code("CN602", E, "the player can get stuck at '{node}': every option is locked when {state}",
         "the only way on needs 'resolve >= 2' but resolve is still 0"),
    Code("CN603", E, "from '{node}' no ending can be reached: the player goes round for ever",
         "two passages whose 'next' point at each other"),
    Code("CN604", W, "the option '{choice}' at '{node}' is locked in every state the player "
         "can reach there", "if: \"resolve > 5\" when resolve never goes above 1"),
    Code("CN605", W, "the variable '{name}' is declared but never read by any 'if'",
         "vars: {trust: 0} and no condition mentions trust"),
    Code("CN606", W, "the variable '{name}' is read but never changed by any 'set'",
         "if: \"warned\" when no choice sets warned"),
    Code("CN607", W, "the ending '{node}' has no epilogue",
         "ending: historical with no 'epilogue'"),
    Code("CN608", E, "the option '{choice}' at '{node}' has no record",
         "a choice without 'record:'"),
    Code("CN609", W, "the decision at '{node}' has no discussion prompt",
         "a node with two choices and no 'discuss:'"),
    Code("CN610", E, "the option '{choice}' is marked {verdict} but its record cites nothing",
         "verdict: historical with 'cite: []'"),
    Code("CN611", E, "the option '{choice}' is marked disputed but cites {count} source "
         "passage(s); a dispute needs one for each side", "verdict: disputed with one quote"),
    Code("CN612", W, "the quote stands at line {line} of '{source}', far from every passage "
         "this scene is built on", "a record quoting a different episode of the article"),
    Code("CN613", W, "stopped exploring '{scene}' after {limit} states; the checks that need "
         "every state are incomplete", "a number that grows on every loop"),
    Code("CN614", E, "the check '{check}' failed unexpectedly: {error}",
         "a bug in the linter; please report it"),
    Code("CN615", W, "the file is named '{file}' but the scene's id is '{id}'",
         "scenes/visa.yaml holding 'id: exit_visa'"),
    Code("CN616", W, "{what} at '{node}' gives away the record of '{choice}' before the choice",
         "a passage citing the quote that proves how one of its options turned out"),
    Code("CN617", W, "a path reaches the ending '{ending}' {problem}",
         "a counterfactual ending after two decisions in a scene with 'min_decisions: 4'"),
    Code("CN618", W, "the option '{choice}' at '{node}' leaves the record, yet leads to "
         "'{target}' just as the record's option '{other}' does",
         "a diverged choice with the same 'goto' as the historical one beside it"),
    Code("CN619", W, "the ways into '{node}' show different {field}s ({values}); without its "
         "own '{field}:' it shows the scene's, '{fallback}'",
         "a passage reached both from Lausanne and from Paris, with no 'place:'"),
    Code("CN620", E, "the walkthrough's scene '{scene}' is not loaded",
         "scene: exit_vias"),
    Code("CN621", E, "step {step}: '{option}' is not an option at '{node}'",
         "choose: ask_highr"),
    Code("CN622", E, "step {step}: the option '{option}' at '{node}' is locked ({reason})",
         "choosing 'wait' a second time"),
    Code("CN623", E, "step {step}: {what} is not as expected", "expect: {node: warning}"),
    Code("CN624", E, "step {step}: the scene is already over at '{node}'",
         "a step after the ending"),
    Code("CN630", E, "a playthrough failed at '{node}' after {steps} choice(s): {error}",
         "an effect that breaks the engine"),
    Code("CN631", W, "the exhaustive search of '{scene}' stopped at {limit} states: the states "
         "beyond were not visited", "cover-names test --exhaustive on a number that grows "
         "on every loop"),
    Code("CN640", W, "the passage '{node}' is no longer in '{scene}': the scene started again",
         "renaming the node the player is on, then pressing F5"),
    Code("CN641", W, "the scene '{scene}' is no longer loaded: nothing was kept of the playthrough",
         "deleting the scene file, then pressing F5"),
    Code("CN642", E, "nothing was reloaded: {count} error(s) in the scenes; play goes on as before",
         "a typo in a scene, then F5"),
    Code("CN650", E, "there is no scene '{scene}'", "cover-names graph exit_vias"),
    Code("CN651", E, "cannot draw the path from '{file}': {problem}",
         "--path pointing at a save of another scene"),
    Code("CN652", W, "the historical option is the {place} option at {count} of the scene's "
         "{total} decisions that have one", "a scene whose record is option 1 at every decision"),
    # -- CN7xx: session plans (game/classroom/plans.py) -----------------------------
    Code("CN701", E, "the plan format {found} is newer than this game reads ({supported})",
         "'format: 9' in a plan"),
    Code("CN702", E, "'{scene}' is not a scene of this game", "scene: exit_vsa"),
    Code("CN703", E, "'{node}' is not a node of the scene '{scene}'",
         "prompts: {asking_petr: ...}"),
    Code("CN704", W, "'{node}' is not a decision point of '{scene}'; its prompts are never shown",
         "prompts for a passage that only continues"),
    Code("CN705", W, "the scene '{scene}' is listed twice in the plan",
         "exit_visa, then exit_visa"),
    Code("CN706", E, "'{value}' is not a way to reveal the record; expected one of {allowed}",
         "reveal: later"),
    Code("CN707", E, "minutes must be a whole number from 0 to {limit}, not {found}",
         "minutes: -5"),
    Code("CN708", W, "the plan adds up to {total} minutes, longer than {limit}",
         "three scenes at 40 minutes each"),
    Code("CN709", W, "the scene '{scene}' is in no session plan: a facilitator cannot run it "
         "as a lesson", "a new scenes/ file that no plans/*.yaml lists"),
    # -- CN72x: reference data (game/reference/loader.py) -----------------------------
    Code("CN720", E, "the reference format {found} is newer than this game reads ({supported})",
         "'format: 9' in reference/people.yaml"),
    Code("CN721", E, "the id '{id}' is already used (first at line {first_line})",
         "two people with 'id: bazarov'"),
    Code("CN722", E, "'{value}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD",
         "date: September 1937"),
    Code("CN723", W, "the event '{id}' ({date}) is earlier than the event before it ({previous})",
         "1937-05 listed after 1938"),
    Code("CN724", E, "the year {year} in 'years' is in none of this person's quotes",
         "years: 1893–1939 with no quote giving 1939"),
    Code("CN725", E, "'after: {scene}' names none of this entry's scenes",
         "after: exit_visa on a person whose scenes are [recruiting_duggan]"),
    # -- CN73x: the story's frame (game/reference/frame_loader.py) -------------------
    Code("CN730", E, "the frame format {found} is newer than this game reads ({supported})",
         "'format: 9' in reference/frame.yaml"),
    Code("CN731", E, "a page after the scene '{scene}' is already written (at line {first_line})",
         "two bridges with 'after: recruiting_duggan'"),
)

CODES: dict[str, Code] = {code.code: code for code in _TABLE}

