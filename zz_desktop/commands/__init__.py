"""Headless commands of ``zz-desktop``, one module each (``add_parser`` + ``run``)."""
