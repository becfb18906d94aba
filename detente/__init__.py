"""detente: political event data for a pair of countries."""
__version__ = "0.1.0"
