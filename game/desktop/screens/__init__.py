"""One module per screen of the desktop game; each is a `game.desktop.screen.Screen`."""
