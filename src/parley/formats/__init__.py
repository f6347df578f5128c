"""Readers of other projects' dictionary formats, converting them into parley's own."""
