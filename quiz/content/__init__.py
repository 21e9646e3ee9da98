"""The content pipeline: documents -> sentences -> dated facts -> questions and flashcards.

Plain Python with no Django imports, so it can be tested in isolation and reused from
management commands, the admin and the tests.
"""
