"""LMI backend: the embedded labour-market database, its ETL and the services the chatbot calls.

Nothing in this package depends on Rasa, so a CLI or an HTTP API can use it too.
"""
