"""Custom actions: thin wrappers that read the tracker, call lmi_backend and send the reply.

No SQL and no statistics here: coding job titles, querying figures and wording replies all
happen in lmi_backend (coder, service, answers, places, dialogue_slots).
"""
