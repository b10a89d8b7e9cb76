"""thidua: information extraction for Vietnamese provincial press on emulation blocs."""
__version__ = "0.1.0"
