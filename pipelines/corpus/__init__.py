"""Adapters for real labelled corpora in their own published formats (EPITOME, the Reddit
C-SSRS suicide dataset, ESConv). Each reads a folder a user names in `params.yaml: corpora`
and returns plain polars frames; no corpus text is logged, echoed in errors or stored
before de-identification."""
