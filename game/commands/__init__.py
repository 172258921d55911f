"""Commands that belong to no single layer: play and facilitate, which each pick a presenter."""
