"""The synthetic cohort generator: `generate` (the stage function), `cohort` (numeric
tables), `transcripts` (chat messages and labels), `identifiers`, `language`, and `banks`,
the loader of the word lists in `banks/`."""
