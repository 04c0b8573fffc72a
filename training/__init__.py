"""Model training (Lightning + transformers): arrives with the risk and empathy models issue."""
