"""Model training (Lightning + transformers): datasets, the classifier, calibration,
packaging, prediction, and the train and score stages."""
