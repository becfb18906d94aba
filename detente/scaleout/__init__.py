"""Coding beyond one machine: engines that spread the coding over a cluster while the store stays with the caller.

Only ``ray_engine`` so far (the optional ``detente[ray]`` extra); nothing here imports Ray until it runs.
"""
