"""The classroom domain: plans, facilitated sessions, votes, session logs, records and the debrief.

Nothing here draws or serves: the projector window (`game.desktop.projector`),
the terminal facilitator (`game.terminal.facilitator`) and the classroom
server's web pages (`game.web`) are presenters of this domain, each importing
it and never each other. `tests/classroom/test_layers.py` holds the line: this
package imports without pygame, without a web framework and without any presenter.
"""
