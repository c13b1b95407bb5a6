"""The partner API's mechanics: authentication, problem+json, idempotency, pagination, rate limits.

Each domain app keeps its own serializers and views in `api.py`; this package holds what they share
and the core's own resource (dossiers). The URLs come together in inburgering/urls.py under /api/v1/.
"""
