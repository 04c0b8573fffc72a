"""Model evaluation: pure metric functions, de-identification metrics, the evaluate stage."""
