"""The Rasa 3.6 careers assistant: domain, training data, custom NLU component and actions."""
