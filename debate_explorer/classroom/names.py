"""Anonymous student names: an adjective and an animal, as classroom tools without accounts give them."""

from __future__ import annotations

import secrets

_ADJECTIVES = """
Amber Brave Bright Calm Clever Cosmic Curious Daring Eager Fuzzy Gentle Golden Happy Honest Jolly
Keen Kind Lively Lucky Mellow Mighty Nimble Noble Patient Plucky Polite Quick Quiet Rapid Silver
Steady Sunny Swift Tidy Witty Zesty Bold Cheerful Frosty Merry
"""
_ANIMALS = """
Badger Beaver Bison Crane Dolphin Eagle Falcon Ferret Fox Gecko Heron Ibex Jaguar Koala Lemur Lynx
Marmot Moose Narwhal Otter Owl Panda Pelican Penguin Puffin Quokka Raven Robin Salmon Seal Sparrow
Tapir Tiger Toucan Turtle Walrus Whale Wombat Yak Zebra
"""
ADJECTIVES = tuple(_ADJECTIVES.split())
ANIMALS = tuple(_ANIMALS.split())

MAX_NICKNAME = 24


def random_name() -> str:
    return f"{secrets.choice(ADJECTIVES)} {secrets.choice(ANIMALS)}"


def clean_nickname(text: str) -> str:
    """A nickname as stored: printable characters only, whitespace folded, at most ``MAX_NICKNAME`` long."""
    printable = "".join(ch for ch in text if ch.isprintable())
    return " ".join(printable.split())[:MAX_NICKNAME]
