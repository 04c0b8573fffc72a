"""Model evaluation metrics and the evaluation stage: arrives with the models issue."""
