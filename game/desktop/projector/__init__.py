"""The projector: facilitator mode drawn in the desktop window, a presenter of `game.classroom`.

`plan_chooser` is the door from the title screen (registered as "facilitator"
through `game.desktop.screen.PLUGIN_MODULES`), `facilitator_screen` the lesson
itself, `pages`, `header` and `keys` its parts. Everything the class sees comes
from `game.classroom.facilitator_view.build_view`, which the terminal
facilitator and the classroom server's pages draw too.
"""
