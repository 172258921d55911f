"""Commands that belong to no single layer (play, which picks a front end)."""
