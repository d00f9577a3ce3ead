"""Importing an agency's document (.docx, .odt, or text copied from a PDF or Word file) as a draft plan.

Reading and detection are kept apart from writing YAML: `readers` turn a file into a neutral `outline`
(paragraphs with their detected numbering, tables as rows of cells with merges resolved), `tables`
reads the tree out of a table, and only `plan_writer` knows today's plan schema.
"""
