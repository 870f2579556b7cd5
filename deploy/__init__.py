"""Deployment helpers: the nginx configuration and the replica launcher (deploy/replicas.py)."""
