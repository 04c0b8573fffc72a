"""CareBridge core and data stages: params, schemas, I/O, tracking, CLI, synthesize, ingest."""
