"""Reports from the store: the voice report, the monthly QPAG report, the pre-visit pack."""
