"""Learned text models: the labelled corpus, the features, training and the shipped models."""
