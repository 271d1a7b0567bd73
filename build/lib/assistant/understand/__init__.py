"""Understanding what a person asks: who they are (student / enterprise profile) and what they want."""
