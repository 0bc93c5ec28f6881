"""Placeholder; filled in shortly."""
