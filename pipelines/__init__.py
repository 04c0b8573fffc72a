"""CareBridge pipelines: the shared core, the synthetic generator, de-identification, clinical
analytics, one thin script per DVC stage and the `carebridge` command."""
