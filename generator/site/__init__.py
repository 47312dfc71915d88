"""The digest site without MkDocs: load briefings, index them, render pages and feeds."""
