"""Debate Explorer: supporter and critic positions on contested topics, side by side, tied to sources."""

__version__ = "0.1.0"
